/** Parsers of net.exe's and sc.exe's output into typed results (ARCHITECTURE.md, "Targets"). */
import {explainNet, explainWin32, type ServiceCommandError} from './service-messages.js';
import {stateFromCode, type ServiceState} from './service-state.js';
import {safeText} from '../text/sanitize.js';

export type CommandOutput = {exitCode: number; stdout: string; stderr: string};

export type NetResult = {ok: true} | {ok: false; error: ServiceCommandError};

/** `net start|stop NAME`: success is exit code 0; a failure names its NET HELPMSG or System error number. */
export function parseNetOutput(output: CommandOutput): NetResult {
	if (output.exitCode === 0) return {ok: true};
	const text = `${output.stdout}\n${output.stderr}`;
	const help = /NET HELPMSG (\d+)/i.exec(text);
	const system = /System error (\d+) has occurred/i.exec(text);
	const code = help ? Number(help[1]) : system ? Number(system[1]) : undefined;
	if (code === undefined) return {ok: false, error: unrecognised('net.exe', output)};
	return {ok: false, error: explainNet(code)};
}

export type ScQueryResult = {ok: true; state: ServiceState} | {ok: false; error: ServiceCommandError};

/** `sc query NAME` (or `sc \\HOST query NAME`): the STATE line, or the FAILED error number. */
export function parseScQuery(output: CommandOutput): ScQueryResult {
	const text = `${output.stdout}\n${output.stderr}`;
	const failed = /FAILED (\d+)/i.exec(text);
	if (failed) return {ok: false, error: explainWin32(Number(failed[1]))};
	const state = /^\s*STATE\s*:\s*(\d+)/m.exec(text);
	if (state) {
		const parsed = stateFromCode(Number(state[1]));
		if (parsed) return {ok: true, state: parsed};
	}
	// Real sc.exe names every failure (FAILED n); anything else is shown as it is.
	return {ok: false, error: unrecognised('sc.exe', output)};
}

/** The words a program printed, one line after another, control characters made visible; at most 400 characters. */
function ownWords(output: CommandOutput): string {
	const words = safeText(
		`${output.stdout}\n${output.stderr}`
			.split(/\r?\n/)
			.map(line => line.trim())
			.filter(Boolean)
			.join(' / '),
	);
	return words.length > 400 ? `${words.slice(0, 400)}…` : words;
}

/**
 * Output in no format the parsers know (Windows' own formats are the reference: a Wine or wrapper's text, a
 * failure without an error number): shown verbatim, with the exit code, never guessed at.
 */
export function unrecognised(program: string, output: CommandOutput): ServiceCommandError {
	const words = ownWords(output);
	const what =
		output.exitCode === 0 ? `${program} gave no answer this program recognises` : `${program} failed (exit code ${output.exitCode}) without an error number`;
	return {
		code: output.exitCode,
		meaning: words ? what : `${what}, and printed nothing`,
		advice: "check MSSYNC in Control Panel ▸ Services and the Event Viewer's System log, then retry",
		output: words,
		unnumbered: true,
	};
}
