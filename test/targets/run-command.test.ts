/**
 * The lab target answers net, sc and rpcclient in its own process (ARCHITECTURE.md, "Targets"). The same
 * commands run on two copies of one lab, once as the stand-in program (dist/lab-tool.js, started by execa)
 * and once in-process, must give the same output, exit codes, events, time-outs and cancellations.
 */
import {cp, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {answerStandIn, type StandInProgram} from '../../source/lab/stand-in-command.js';
import {loadLab, saveLab, type LabFault} from '../../source/lab/state.js';
import {CommandNotFoundError, runCommand, type Command, type CommandEvent, type RunOptions} from '../../source/targets/run-command.js';
import {tempDir} from '../helpers/run-cli.js';

const LAB_TOOL = fileURLToPath(new URL('../../dist/lab-tool.js', import.meta.url));

function asProcess(program: StandInProgram, dir: string): Command {
	return {file: process.execPath, prefix: [LAB_TOOL, program], display: program, env: {DSMN_LAB_DIR: dir}};
}

function inProcess(program: StandInProgram, dir: string): Command {
	return {display: program, answer: (args, signal) => answerStandIn(program, dir, args, signal)};
}

type Outcome = {exitCode: number; stdout: string; stderr: string} | {error: string; timedOut: boolean};

/** One command's outcome and its events, with the lab's folder written as LAB (the two copies differ only there). */
async function outcome(command: Command, dir: string, args: string[], options: RunOptions = {}): Promise<{outcome: Outcome; events: CommandEvent[]}> {
	const events: CommandEvent[] = [];
	const unfold = (text: string) => text.replaceAll(dir, 'LAB');
	try {
		const output = await runCommand(command, args, {...options, onCommand: event => events.push(event)});
		return {
			outcome: {exitCode: output.exitCode, stdout: unfold(output.stdout), stderr: unfold(output.stderr)},
			events: events.map(e => ({...e, ...('output' in e ? {output: unfold(e.output)} : {})})),
		};
	} catch (error) {
		if (!(error instanceof CommandNotFoundError)) throw error;
		return {outcome: {error: error.message, timedOut: error.timedOut}, events};
	}
}

/** Two copies of one lab: the first driven by processes, the second in-process. */
async function twoLabs(change?: (dir: string) => Promise<void>): Promise<[string, string]> {
	const root = await tempDir();
	const a = join(root, 'a');
	await createLab(a, {...LAB_DEFAULTS, pace: 0});
	await change?.(a);
	const b = join(root, 'b');
	await cp(a, b, {recursive: true});
	return [a, b];
}

async function stage(dir: string, fault: LabFault | undefined, serviceDelayMs?: number) {
	const state = await loadLab(dir);
	const {fault: _old, ...rest} = state;
	await saveLab(dir, {...rest, ...(fault ? {fault} : {}), ...(serviceDelayMs === undefined ? {} : {serviceDelayMs})});
}

/**
 * The outcome as a process exiting with the same code shows it here: an exit status on Linux is 8 bits, so
 * sc's `FAILED 1052` exits 28 as a process, where sc.exe (and the in-process stand-in) exits 1052.
 */
function posixExitCodes(seen: {outcome: Outcome; events: CommandEvent[]}): {outcome: Outcome; events: CommandEvent[]} {
	if (process.platform === 'win32') return seen;
	const byte = (code: number) => (code < 0 ? code : code & 0xff);
	return {
		outcome: 'exitCode' in seen.outcome ? {...seen.outcome, exitCode: byte(seen.outcome.exitCode)} : seen.outcome,
		events: seen.events.map(event => (event.phase === 'end' ? {...event, exitCode: byte(event.exitCode)} : event)),
	};
}

/** Each command on both labs in turn (its options made afresh for each); every outcome of the in-process lab must equal the process's. */
async function compare(labs: [string, string], commands: [StandInProgram, string[], (() => RunOptions)?][]) {
	const seen: Outcome[] = [];
	for (const [program, args, options = () => ({})] of commands) {
		// At once: the two labs share nothing, and the waits (time-outs, cancellations) overlap.
		const [byProcess, byCall] = await Promise.all([
			outcome(asProcess(program, labs[0]), labs[0], args, options()),
			outcome(inProcess(program, labs[1]), labs[1], args, options()),
		]);
		expect(posixExitCodes(byCall), `${program} ${args.join(' ')}`).toEqual(byProcess);
		seen.push(byProcess.outcome);
	}
	return seen;
}

describe('the lab’s commands in-process and as a process', () => {
	it('give the same output, exit codes and events for a stop, a start, refusals and srvinfo', async () => {
		const labs = await twoLabs();
		const seen = await compare(labs, [
			['sc', ['query', 'MSSYNC']],
			['net', ['stop', 'MSSYNC']],
			['net', ['stop', 'MSSYNC']],
			['sc', ['query', 'MSSYNC']],
			['sc', ['start', 'MSSYNC']],
			['sc', ['query', 'MSSYNC']],
			['net', ['start', 'MSSYNC']],
			['sc', ['query', 'NwcWorkstation']],
			['net', ['start', 'NwcWorkstation']],
			['net', ['start', 'NoSuchService']],
			['sc', ['frobnicate']],
			['rpcclient', ['-c', 'srvinfo', 'NTPDC']],
			['rpcclient', ['-c', 'netshareenum', 'NTPDC']],
		]);
		// What was compared is what each program says: a stop, 3521 for the second, sc's state, srvinfo's version.
		expect(seen[1]).toMatchObject({exitCode: 0, stdout: expect.stringContaining('was stopped successfully') as unknown});
		expect(seen[2]).toMatchObject({exitCode: 2, stderr: expect.stringContaining('NET HELPMSG 3521') as unknown});
		expect(seen[3]).toMatchObject({exitCode: 0, stdout: expect.stringMatching(/STATE\s+: 1 {2}STOPPED/) as unknown});
		expect(seen[11]).toMatchObject({exitCode: 0, stdout: expect.stringContaining('os version') as unknown});
		// As execa gives it: without the program's last line break.
		expect((seen[3] as {stdout: string}).stdout.endsWith('\n')).toBe(false);
	});

	/** Each fault with the commands it changes (a process each: a Node start, so only these), from a running MSSYNC, and the code each answers. */
	const byFault: [LabFault, [StandInProgram, string[]][], (string | undefined)[]][] = [
		[
			'stop-refused',
			[
				['net', ['stop', 'MSSYNC']],
				['sc', ['stop', 'MSSYNC']],
			],
			['2191', '1052'],
		],
		[
			'access-denied',
			[
				['net', ['stop', 'MSSYNC']],
				['sc', ['start', 'MSSYNC']],
			],
			['5', '5'],
		],
		['stop-says-2184', [['net', ['stop', 'MSSYNC']]], ['2184']],
		[
			'start-refused',
			[
				['net', ['start', 'MSSYNC']],
				['sc', ['start', 'MSSYNC']],
			],
			['3534', '1067'],
		],
		[
			'gateway-stopped',
			[
				['sc', ['query', 'NwcWorkstation']],
				['net', ['start', 'MSSYNC']],
				['net', ['start', 'NwcWorkstation']],
			],
			[undefined, '1068', undefined],
		],
	];
	const code = (s: Outcome) => ('exitCode' in s ? /(?:HELPMSG|error|FAILED) (\d+)/.exec(s.stdout + s.stderr)?.[1] : s.error);

	/** Each fault staged on both labs in turn, its commands compared, then the fault cleared and MSSYNC started: each answered as itself. */
	async function compareFaults(faults: typeof byFault) {
		const labs = await twoLabs();
		const seen = [];
		for (const [fault, commands] of faults) {
			for (const dir of labs) await stage(dir, fault);
			seen.push(...(await compare(labs, commands)));
		}
		for (const dir of labs) await stage(dir, undefined);
		seen.push(...(await compare(labs, [['net', ['start', 'MSSYNC']]])));
		expect(seen.map(code)).toEqual([...faults.flatMap(([, , codes]) => codes), undefined]);
	}

	// `npm test` compares one fault on a stop (which stops MSSYNC) and one on the start after it; test:slow every fault (test/helpers/suite.ts, WHOLE_ONLY).
	it('give the same answers under a stop that says 2184 and a refused start, and see a fault staged between two commands (as `lab fault` from another shell)', async () => {
		await compareFaults(byFault.filter(([fault]) => fault === 'stop-says-2184' || fault === 'start-refused'));
	});

	it('give the same answers under every fault, in turn', async () => {
		await compareFaults(byFault);
	});

	it('say the same when the lab itself cannot be read (System error 1067, exit 2)', async () => {
		const labs = await twoLabs(dir => writeFile(join(dir, 'lab.json'), '{"not": "a lab"}\n'));
		const [seen] = await compare(labs, [['sc', ['query', 'MSSYNC']]]);
		expect(seen).toMatchObject({exitCode: 2, stderr: expect.stringContaining('System error 1067 has occurred.') as unknown});
	});

	it('time out alike on a stop that hangs and a start that stays pending, and leave the lab alike', async () => {
		const labs = await twoLabs();
		for (const dir of labs) await stage(dir, 'stop-hangs', 60_000);
		const [hung] = await compare(labs, [['net', ['stop', 'MSSYNC'], () => ({timeoutMs: 1500})]]);
		expect(hung).toEqual({error: 'net stop MSSYNC could not be run: it did not finish within 1500 ms', timedOut: true});
		for (const dir of labs) await saveLab(dir, {...(await loadLab(dir)), service: {state: 'STOPPED'}});
		for (const dir of labs) await stage(dir, undefined, 60_000);
		const seen = await compare(labs, [
			['net', ['start', 'MSSYNC'], () => ({timeoutMs: 3000})],
			['net', ['start', 'MSSYNC']],
		]);
		expect(seen[0]).toMatchObject({timedOut: true});
		// Both left MSSYNC START_PENDING, as the start had written before its wait: a second start is refused alike (2189).
		expect(seen[1]).toMatchObject({exitCode: 2, stderr: expect.stringContaining('NET HELPMSG 2189') as unknown});
		const [a, b] = await Promise.all(labs.map(loadLab));
		expect(b!.service.state).toBe(a!.service.state);
	});

	it('are cancelled alike by the caller’s signal, during the wait or before the start', async () => {
		const labs = await twoLabs();
		for (const dir of labs) await saveLab(dir, {...(await loadLab(dir)), service: {state: 'STOPPED'}, serviceDelayMs: 60_000});
		const seen = await compare(labs, [
			['net', ['start', 'MSSYNC'], () => ({signal: AbortSignal.timeout(3000)})],
			['sc', ['query', 'MSSYNC'], () => ({signal: AbortSignal.abort()})],
		]);
		expect(seen).toEqual([
			{error: 'net start MSSYNC could not be run: it was cancelled', timedOut: false},
			{error: 'sc query MSSYNC could not be run: it was cancelled', timedOut: false},
		]);
	});
});

describe('an in-process command', () => {
	it('has stopped its work before runCommand reports the time-out or the cancellation', async () => {
		for (const options of [() => ({timeoutMs: 50}), () => ({signal: AbortSignal.timeout(50)})]) {
			const steps: string[] = [];
			const command: Command = {
				display: 'net',
				answer: async (_args, signal) => {
					steps.push('began');
					await new Promise(resolve => signal.addEventListener('abort', resolve, {once: true}));
					steps.push('stopped waiting');
					throw new Error('aborted');
				},
			};
			await expect(runCommand(command, ['start', 'MSSYNC'], options())).rejects.toBeInstanceOf(CommandNotFoundError);
			expect(steps).toEqual(['began', 'stopped waiting']);
		}
	});

	it('passes on a failure of its own that is not a time-out', async () => {
		const command: Command = {display: 'sc', answer: () => Promise.reject(new RangeError('a defect'))};
		await expect(runCommand(command, ['query', 'MSSYNC'], {timeoutMs: 10_000})).rejects.toThrow(RangeError);
	});
});

describe('a command that fails without an exit code and is not aborted', () => {
	/** Its events, and what runCommand threw. */
	async function failing(command: Command, args: string[]): Promise<{events: CommandEvent[]; error: unknown}> {
		const events: CommandEvent[] = [];
		const error = await runCommand(command, args, {onCommand: event => events.push(event)}).then(
			() => undefined,
			(thrown: unknown) => thrown,
		);
		return {events, error};
	}

	it('ends its start with an end, with -1 and the error, as a process and in-process alike', async () => {
		// execa refuses an argument with a NUL byte: it throws, after the start was reported.
		const byProcess = await failing({file: process.execPath, prefix: [], display: 'sc'}, ['query', 'MSSYNC\0']);
		const byCall = await failing({display: 'sc', answer: () => Promise.reject(new RangeError('a defect'))}, ['query', 'MSSYNC']);
		for (const [{events, error}, thrown] of [
			[byProcess, TypeError],
			[byCall, RangeError],
		] as const) {
			expect(error).toBeInstanceOf(thrown);
			expect(events.map(e => e.phase)).toEqual(['start', 'end']);
			expect(events[1]).toMatchObject({exitCode: -1, output: (error as Error).message});
			expect(events[1]!.command).toBe(events[0]!.command);
		}
	});

	it('ends a program that cannot be started with an end, and throws CommandNotFoundError', async () => {
		const {events, error} = await failing({file: '/nonexistent/dsmn-resync/sc.exe', prefix: [], display: 'sc'}, ['query', 'MSSYNC']);
		expect(error).toBeInstanceOf(CommandNotFoundError);
		expect(events).toEqual([
			{phase: 'start', command: 'sc query MSSYNC'},
			{phase: 'end', command: 'sc query MSSYNC', exitCode: -1, output: (error as CommandNotFoundError).reason},
		]);
	});
});
