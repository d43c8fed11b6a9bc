/**
 * `--help` is printed by dist/cli.js itself (help-answer.ts, bundled into it): for every command line that
 * asks for the help, what it prints is what `main` prints, word for word and with the same exit code; for
 * any other, it prints nothing and leaves the command line to the parser.
 */
import {describe, expect, it} from 'vitest';
import {HELP} from '../../source/cli/help.js';
import {helpAnswer} from '../../source/cli/help-answer.js';
import {main} from '../../source/cli/main.js';
import {parseCommandLine} from '../../source/cli/parse-args.js';
import {recordingIo} from '../helpers/recording-io.js';

function capture(env: NodeJS.ProcessEnv) {
	const {io, out, err} = recordingIo(env);
	return {io, printed: () => ({out: out(), err: err()})};
}

const HELP_LINES = [
	['--help'],
	['-h'],
	['help'],
	['lab', '--help'],
	['--help', '--ascii'],
	['--ascii', 'help'],
	['--no-such-flag', '-h'],
	['--version', '--help'],
	['check', 'x', '--json', '--help'],
];
const NOT_HELP = [[], ['--version'], ['help', '--version'], ['help', '-V'], ['check', 'help'], ['--lab', 'help'], ['--no-such-flag'], ['lab', 'status', 'x']];

describe('the help, printed before anything is loaded', () => {
	it.each(HELP_LINES.map(argv => [argv]))('%j prints the help main prints, exit 0', async argv => {
		for (const env of [{LANG: 'en_US.UTF-8'}, {TERM: 'dumb'}, {LANG: 'C'}]) {
			const quick = capture(env);
			const full = capture(env);
			expect(helpAnswer(argv, quick.io)).toBe(0);
			expect(await main(argv, full.io)).toBe(0);
			expect(quick.printed()).toEqual(full.printed());
			expect(quick.printed().out).toMatch(/^dsmn-resync (—|--) bring NetWare servers/);
		}
	});

	it('is the help text as written in a UTF-8 terminal, and ASCII only under TERM=dumb, a C locale or --ascii', () => {
		const unicode = capture({LANG: 'en_US.UTF-8'});
		helpAnswer(['--help'], unicode.io);
		expect(unicode.printed()).toEqual({out: HELP, err: ''});
		for (const [env, argv] of [
			[{TERM: 'dumb'}, ['--help']],
			[{LANG: 'C'}, ['--help']],
			[{LANG: 'en_US.UTF-8'}, ['--help', '--ascii']],
		] as const) {
			const ascii = capture(env);
			helpAnswer([...argv], ascii.io);
			expect(ascii.printed().out).not.toMatch(/[^\t\n -~]/);
			expect(ascii.printed().out).toContain('dsmn-resync -- bring NetWare servers');
		}
	});

	it.each(NOT_HELP.map(argv => [argv]))('%j is no request for help: nothing printed, left to the parser', argv => {
		const quick = capture({LANG: 'en_US.UTF-8'});
		expect(helpAnswer(argv, quick.io)).toBeUndefined();
		expect(quick.printed()).toEqual({out: '', err: ''});
	});

	it('asks for the help exactly where the parser says the command is help', () => {
		const kindOf = (argv: string[]) => {
			try {
				return parseCommandLine(argv).kind;
			} catch {
				return 'usage error';
			}
		};
		for (const argv of [...HELP_LINES, ...NOT_HELP]) expect(helpAnswer(argv, capture({}).io) === 0, JSON.stringify(argv)).toBe(kindOf(argv) === 'help');
	});
});
