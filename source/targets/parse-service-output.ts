/** Parsers of net.exe's and sc.exe's output into typed results (DESIGN.md §5). */
import {explainNet, explainWin32, type ServiceCommandError} from './service-messages.js';
import {stateFromCode, type ServiceState} from './service-state.js';

export type CommandOutput = {exitCode: number; stdout: string; stderr: string};

export type NetResult = {ok: true} | {ok: false; error: ServiceCommandError};

/** `net start|stop NAME`: success is exit code 0; a failure names its NET HELPMSG or System error number. */
export function parseNetOutput(output: CommandOutput): NetResult {
	if (output.exitCode === 0) return {ok: true};
	const text = `${output.stdout}\n${output.stderr}`;
	const help = /NET HELPMSG (\d+)/i.exec(text);
	const system = /System error (\d+) has occurred/i.exec(text);
	const code = help ? Number(help[1]) : system ? Number(system[1]) : undefined;
	if (code === undefined) {
		return {ok: false, error: {code: output.exitCode, meaning: `net.exe failed (exit code ${output.exitCode}) without an error number`, advice: 'read its output above'}};
	}
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
	if (output.exitCode !== 0) return {ok: false, error: explainWin32(output.exitCode)};
	return {ok: false, error: {code: 0, meaning: 'sc.exe printed no STATE line', advice: 'read its output above'}};
}
