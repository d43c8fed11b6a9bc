import {execa} from 'execa';
import type {CommandOutput} from '../services/parse-service-output.js';

/** How to run one external program: never through a shell; arguments always as an array. */
export type CommandSpec = {
	/** The executable, e.g. "net.exe", or process.execPath for the lab's stand-ins. */
	file: string;
	/** Arguments that come before the command's own (the stand-in script and its program name). */
	prefix: readonly string[];
	/** What the admin is shown: the real program's name, e.g. "net". */
	display: string;
	env?: Record<string, string>;
};

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
function displayCommand(spec: CommandSpec, args: readonly string[]): string {
	return [spec.display, ...args].map(a => (/[\s"]/.test(a) ? `"${a.replace(/"/g, '\\"')}"` : a)).join(' ');
}

export async function runCommand(spec: CommandSpec, args: readonly string[], options: RunOptions = {}): Promise<CommandOutput> {
	const command = displayCommand(spec, args);
	options.onCommand?.({phase: 'start', command});
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
	options.onCommand?.({phase: 'end', command, exitCode: output.exitCode, output: `${output.stdout}${output.stderr}`.trim()});
	return output;
}
