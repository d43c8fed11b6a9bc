import {execa} from 'execa';
import type {CommandOutput} from '../services/parse-service-output.js';

/** How to run one external program: never through a shell; arguments always as an array. */
export type CommandSpec = {
	/** The executable, e.g. "net.exe", "smbclient". */
	file: string;
	/** Arguments that come before the command's own, on every call (e.g. a script that node runs). */
	prefix: readonly string[];
	/** What the admin is shown: the real program's name, e.g. "net". */
	display: string;
	env?: Record<string, string>;
};

/**
 * A program answered in this process instead of started: the lab's stand-in net, sc and rpcclient
 * (ARCHITECTURE.md, "Targets"). It gets the same display, events, time limit and errors as a process;
 * `answer` returns what the program would print and its exit code; it should settle soon after `signal` aborts, as
 * runCommand waits for it.
 */
export type InProcessCommand = {
	display: string;
	answer: (args: readonly string[], signal: AbortSignal) => Promise<CommandOutput>;
};

/** What runCommand runs: a program started as a process, or one answered in this process. */
export type Command = CommandSpec | InProcessCommand;

export type CommandEvent = {phase: 'start'; command: string} | {phase: 'end'; command: string; exitCode: number; output: string};

export type CommandListener = (event: CommandEvent) => void;

export class CommandNotFoundError extends Error {
	constructor(
		readonly command: string,
		readonly reason: string,
		/** It ran, but did not finish within its time. */
		readonly timedOut = false,
	) {
		super(`${command} could not be run: ${reason}`);
	}
}

export type RunOptions = {signal?: AbortSignal | undefined; timeoutMs?: number | undefined; onCommand?: CommandListener | undefined};

/** The command line as the admin would type it (for display only; it is never given to a shell). */
function displayCommand(spec: Command, args: readonly string[]): string {
	return [spec.display, ...args].map(a => (/[\s"]/.test(a) ? `"${a.replace(/"/g, '\\"')}"` : a)).join(' ');
}

/**
 * Runs the command and reports it to `onCommand`: every `start` gets one `end`, with the exit code, or with
 * -1 and the reason when it did not run to an exit code (a time-out, a cancellation, a failure to start, an
 * argument execa refuses, a failure of an in-process answer). The error itself is thrown on after the `end`.
 */
export async function runCommand(spec: Command, args: readonly string[], options: RunOptions = {}): Promise<CommandOutput> {
	const command = displayCommand(spec, args);
	options.onCommand?.({phase: 'start', command});
	let output: CommandOutput;
	try {
		output = 'answer' in spec ? await answerInProcess(spec, args, command, options) : await runProcess(spec, args, command, options);
	} catch (error) {
		const reason = error instanceof CommandNotFoundError ? error.reason : error instanceof Error ? error.message : String(error);
		options.onCommand?.({phase: 'end', command, exitCode: -1, output: reason});
		throw error;
	}
	options.onCommand?.({phase: 'end', command, exitCode: output.exitCode, output: `${output.stdout}${output.stderr}`.trim()});
	return output;
}

/**
 * The program started by execa. On a time-out or a cancellation execa sends SIGTERM and this waits until the
 * process has exited (SIGKILL follows after execa's forceKillAfterDelay, 5 s, if it has not).
 */
async function runProcess(spec: CommandSpec, args: readonly string[], command: string, options: RunOptions): Promise<CommandOutput> {
	const result = await execa(spec.file, [...spec.prefix, ...args], {
		reject: false,
		stdin: 'ignore',
		...(spec.env ? {env: spec.env} : {}),
		...(options.timeoutMs === undefined ? {} : {timeout: options.timeoutMs}),
		...(options.signal ? {cancelSignal: options.signal} : {}),
		windowsHide: true,
	});
	if (result.exitCode === undefined) {
		const reason = result.timedOut
			? `it did not finish within ${options.timeoutMs} ms`
			: result.isCanceled
				? 'it was cancelled'
				: (result.shortMessage ?? 'it could not be started');
		throw new CommandNotFoundError(command, reason, result.timedOut === true);
	}
	return {exitCode: result.exitCode, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '')};
}

/** As execa gives a program's output (stripFinalNewline): without its one last line break. */
function withoutFinalNewline(text: string): string {
	return text.replace(/\r?\n$/, '');
}

/**
 * An in-process command under the same rules as a process: its time limit and the caller's signal abort
 * it, with the reasons execa's failures give. runCommand returns only once `answer` has settled: an abort
 * is as quick as the answer's response to its signal. The lab's answer ends its wait at once and rejects
 * after the read or write of lab.json under way, if any: 0.2–0.5 ms from the abort to the rejection in
 * 10 cancelled `net start MSSYNC`, against 6–23 ms for the same command as a process, which execa ends
 * with SIGTERM and waits for (load 2.7).
 */
async function answerInProcess(spec: InProcessCommand, args: readonly string[], command: string, options: RunOptions): Promise<CommandOutput> {
	const stop = new AbortController();
	let timedOut = false;
	const timer =
		options.timeoutMs === undefined
			? undefined
			: setTimeout(() => {
					timedOut = true;
					stop.abort();
				}, options.timeoutMs);
	const cancel = () => stop.abort();
	options.signal?.addEventListener('abort', cancel, {once: true});
	if (options.signal?.aborted) stop.abort();
	let output: CommandOutput | undefined;
	let failure: unknown;
	try {
		if (!stop.signal.aborted) output = await spec.answer(args, stop.signal);
	} catch (error) {
		failure = error;
	} finally {
		clearTimeout(timer);
		options.signal?.removeEventListener('abort', cancel);
	}
	if (stop.signal.aborted) {
		const reason = timedOut ? `it did not finish within ${options.timeoutMs} ms` : 'it was cancelled';
		throw new CommandNotFoundError(command, reason, timedOut);
	}
	if (output === undefined) throw failure;
	return {exitCode: output.exitCode, stdout: withoutFinalNewline(output.stdout), stderr: withoutFinalNewline(output.stderr)};
}
