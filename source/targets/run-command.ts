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
 * `answer` returns what the program would print and its exit code, and stops waiting when `signal` aborts.
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

export async function runCommand(spec: Command, args: readonly string[], options: RunOptions = {}): Promise<CommandOutput> {
	const command = displayCommand(spec, args);
	options.onCommand?.({phase: 'start', command});
	if ('answer' in spec) return answerInProcess(spec, args, command, options);
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
		options.onCommand?.({phase: 'end', command, exitCode: -1, output: reason});
		throw new CommandNotFoundError(command, reason, result.timedOut === true);
	}
	const output = {exitCode: result.exitCode, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '')};
	return ended(command, output, options);
}

function ended(command: string, output: CommandOutput, options: RunOptions): CommandOutput {
	options.onCommand?.({phase: 'end', command, exitCode: output.exitCode, output: `${output.stdout}${output.stderr}`.trim()});
	return output;
}

/** As execa gives a program's output (stripFinalNewline): without its one last line break. */
function withoutFinalNewline(text: string): string {
	return text.replace(/\r?\n$/, '');
}

/**
 * An in-process command under the same rules as a process: its time limit and the caller's signal abort
 * it (its waits end, and it is not waited for past them), with the reasons execa's failures give.
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
		options.onCommand?.({phase: 'end', command, exitCode: -1, output: reason});
		throw new CommandNotFoundError(command, reason, timedOut);
	}
	if (output === undefined) throw failure;
	return ended(command, {exitCode: output.exitCode, stdout: withoutFinalNewline(output.stdout), stderr: withoutFinalNewline(output.stderr)}, options);
}
