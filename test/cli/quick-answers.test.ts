/**
 * A usage error is answered by quick-answers.ts before the program loads (ARCHITECTURE.md, "The command
 * line and the front ends"): what it prints must be what `main` prints for the same argv,
 * word for word, on both streams and with the same exit code; anything else it leaves to `main`.
 */
import {describe, expect, it} from 'vitest';
import {main} from '../../source/cli/main.js';
import {quickAnswer} from '../../source/cli/quick-answers.js';
import {recordingIo} from '../helpers/recording-io.js';

function capture(env: NodeJS.ProcessEnv = {}) {
	const {io, out, err} = recordingIo(env);
	// A JSON line's "at" is the time it was written: the only part two runs may not share.
	const text = (printed: string) => printed.replace(/"at":"[^"]+"/g, '"at":"…"');
	return {io, printed: () => ({out: text(out()), err: text(err())})};
}

const USAGE_ERRORS = [
	['--no-such-flag'],
	['--no-such-flag', '--json'],
	['--no-such-flag', '--ascii'],
	['--flow', 'sideways', '--lab', 'x'],
	['lab', 'create'],
	['lab', 'create', 'x', '--servers', 'many'],
	['check'],
	['check', 'a', 'b', '--json'],
	['--lab'],
	['lab', 'frobnicate', 'x'],
];

describe('the quick answers, before the program loads', () => {
	it.each(USAGE_ERRORS.map(argv => [argv]))('%j is the usage error main gives, exit 2', async argv => {
		const quick = capture();
		const full = capture();
		expect(quickAnswer(argv, quick.io)).toBe(2);
		expect(await main(argv, full.io)).toBe(2);
		expect(quick.printed()).toEqual(full.printed());
		expect(quick.printed().err).toMatch(/^dsmn-resync: .+\n {2}\S/);
	});

	it('writes ASCII only under TERM=dumb or --ascii, as main does', async () => {
		for (const [env, argv] of [
			[{TERM: 'dumb'}, ['--naïve', '--json']],
			[{LANG: 'en_US.UTF-8'}, ['--naïve', '--json', '--ascii']],
		] as const) {
			const quick = capture(env);
			const full = capture(env);
			expect(quickAnswer([...argv], quick.io)).toBe(2);
			expect(await main([...argv], full.io)).toBe(2);
			expect(quick.printed()).toEqual(full.printed());
			expect(quick.printed().err).toMatch(/^dsmn-resync: unknown option --na\?ve\n/);
			expect(quick.printed().err).not.toMatch(/[^\t\n -~]/);
			expect(quick.printed().out).toContain('"message":"unknown option --na\\u00efve"');
		}
	});

	it('leaves the help to dist/cli.js (help-answer.ts) and main: it prints nothing for it', () => {
		for (const argv of [['--help'], ['-h'], ['help'], ['lab', '--help'], ['--no-such-flag', '--help']]) {
			const quick = capture();
			expect(quickAnswer(argv, quick.io), JSON.stringify(argv)).toBeUndefined();
			expect(quick.printed()).toEqual({out: '', err: ''});
		}
	});

	it('leaves every command that runs to main, and prints nothing for it', () => {
		for (const argv of [[], ['--version'], ['--version', '--ascii'], ['check', '/tmp/backup'], ['lab', 'status', '/tmp/lab'], ['--lab', '/tmp/lab']]) {
			const quick = capture();
			expect(quickAnswer(argv, quick.io), JSON.stringify(argv)).toBeUndefined();
			expect(quick.printed()).toEqual({out: '', err: ''});
		}
	});
});

describe('a misspelled command, started by npm start or by node', () => {
	it.each([
		[{DSMN_RESYNC_LAUNCHER: 'npm start'}, undefined, 'see: npm start -- --help'],
		[{}, '/opt/x/dist/cli.js', 'see: node /opt/x/dist/cli.js --help'],
		[{}, '/usr/lib/node_modules/dsmn-resync/dist/cli.js', 'see: dsmn-resync --help'],
	])('%j %s: the hint is a command that works as printed (%s), in both answers', async (env, script, hint) => {
		const quick = capture(env);
		const full = capture(env);
		quick.io.script = script;
		full.io.script = script;
		expect(quickAnswer(['chek'], quick.io)).toBe(2);
		expect(await main(['chek'], full.io)).toBe(2);
		expect(quick.printed()).toEqual(full.printed());
		expect(quick.printed().err).toContain(` ${hint}\n`);
		expect(quickAnswer(['chek', '--json'], quick.io)).toBe(2);
		expect(quick.printed().out).toContain(` ${hint}","at"`);
	});
});
