/**
 * How a command ends on an error (ARCHITECTURE.md, "Errors and exit codes"): a known failure is a
 * HintedError, printed as its message and what to do, with its exit code, in text and with --json; an
 * unexpected one is a defect: one line that says so and names the file that holds its stack.
 */
import {mkdir, readFile, stat, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {Io} from '../../source/app/io.js';
import {main} from '../../source/cli/main.js';
import {schemaLines} from '../helpers/json-lines.js';
import {runCli, tempDir} from '../helpers/run-cli.js';
import {labRestoreArgs} from '../helpers/scripted-args.js';

/** A stack frame as V8 prints it. */
const STACK_FRAME = /^\s+at .+[(:]/m;

async function labWithDamagedJournal() {
	const dir = join(await tempDir(), 'lab');
	expect((await runCli(['lab', 'create', dir, '--pace', '0'])).exitCode).toBe(0);
	// A journal whose first line was edited by hand.
	const path = join(dir, 'journal', 'LAB-20261201-101500.jsonl');
	await mkdir(join(dir, 'journal'), {recursive: true});
	await writeFile(path, '{"type":"run-started","flow": edited by hand\n');
	return {dir, path};
}

describe('a journal altered by hand', () => {
	it('gives its path, the line, and what to do: no stack, exit 1, in text and with --json', async () => {
		const {dir, path} = await labWithDamagedJournal();
		const args = labRestoreArgs(dir);

		const text = await runCli(args);
		expect(text.exitCode).toBe(1);
		expect(text.stderr).toContain(`dsmn-resync: ${path} line 1 is not JSON: the journal was altered`);
		expect(text.stderr).toContain('move that journal out of the journal folder to start afresh');
		expect(text.stderr).not.toMatch(STACK_FRAME);
		expect(text.stderr).not.toContain('defect');
		expect(text.stderr.length).toBeLessThan(600);

		const json = await runCli([...args, '--json']);
		expect(json.exitCode).toBe(1);
		const lines = schemaLines(json.stdout);
		expect(lines.at(-1)).toMatchObject({
			event: 'failed',
			message: `${path} line 1 is not JSON: the journal was altered`,
			hint: expect.stringContaining('move that journal'),
			exit: 1,
		});
		expect(lines.map(l => l['event'])).not.toContain('fatal');
		expect(json.stderr).not.toMatch(STACK_FRAME);
	});
});

/** An Io whose standard output fails once, as a defect would: the first thing written throws a TypeError. */
function failingIo(env: NodeJS.ProcessEnv) {
	const out: string[] = [];
	const err: string[] = [];
	let failed = false;
	const io: Io = {
		out: text => {
			if (!failed) {
				failed = true;
				throw new TypeError('cannot read properties of undefined (reading "x")');
			}
			out.push(text);
		},
		err: text => void err.push(text),
		stdinIsTty: false,
		stdoutIsTty: false,
		env,
		script: undefined,
		stdout: process.stdout,
	};
	return {io, out, err};
}

describe('an unexpected error (a defect)', () => {
	it('prints one line that says it is a defect and names a file, owner-only, that holds the stack', async () => {
		const state = await tempDir();
		const {io, err} = failingIo({XDG_STATE_HOME: state});
		expect(await main(['--version'], io)).toBe(1);
		const printed = err.join('');
		expect(printed).toMatch(
			/^dsmn-resync: a defect of dsmn-resync stopped it: cannot read properties of undefined \(reading "x"\)\n {2}the details are in (\S+): /,
		);
		expect(printed).not.toMatch(STACK_FRAME);
		const report = /the details are in (\S+):/.exec(printed)![1]!;
		expect(report.startsWith(join(state, 'dsmn-resync', 'defects'))).toBe(true);
		expect(await readFile(report, 'utf8')).toMatch(STACK_FRAME);
		expect((await stat(report)).mode & 0o777).toBe(0o600);
	});

	it('with --json, the last line is "fatal" naming the file; DSMN_RESYNC_DEBUG puts the stack on stderr too', async () => {
		const state = await tempDir();
		const {io, out, err} = failingIo({XDG_STATE_HOME: state, DSMN_RESYNC_DEBUG: '1'});
		expect(await main(['--version', '--json'], io)).toBe(1);
		const [line] = schemaLines(out.join(''));
		expect(line).toMatchObject({event: 'fatal', message: 'cannot read properties of undefined (reading "x")', report: expect.stringContaining(state)});
		expect(err.join('')).toMatch(STACK_FRAME);
	});
});
