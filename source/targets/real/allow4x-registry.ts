/**
 * Allow4X read from a real PDC's registry (ARCHITECTURE.md, "Targets"): from Linux or macOS with Samba's
 * `net rpc registry getvalue` (the same net, authentication file and options as `net rpc service`; no
 * password in argv), from Windows with `reg query [\\HOST\]HKLM\…\Parameters /v Allow4X`. What each prints
 * is read into an `Allow4xReading`: words this tool does not know are never taken for "set" or "not set":
 * they make the reading "unread", with the command's own words (sanitised).
 */
import type {Allow4xReading} from '../capabilities.js';
import type {CommandOutput} from '../../services/parse-service-output.js';
import {CommandNotFoundError, runCommand, type CommandSpec} from '../run-command.js';
import {connectionArgs, type SambaConnection} from './samba-connection.js';
import {verbatim} from './samba-output.js';
import {safeText} from '../../text/sanitize.js';

/** MSSYNC's Parameters key, where DSMN looks for Allow4X (KB Q145589). */
export const MSSYNC_PARAMETERS_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSSYNC\\Parameters';

/** Samba's talloc notes ("Freed frame …") say nothing about the server: left out of the words shown. */
function words(output: CommandOutput): string {
	return verbatim({...output, stderr: output.stderr.replace(/^Freed frame .*$/gm, '')});
}

/** A value other than REG_DWORD 1: not what KB Q145589 sets, so DSMN is not taken to accept 4.x servers. */
function notOne(type: string, data: string): Allow4xReading {
	return {state: 'unset', why: `Allow4X is ${safeText(type)} ${safeText(data)}, not REG_DWORD 1`};
}

/**
 * `net rpc registry getvalue KEY Allow4X` (Samba 4.17): "Type = REG_DWORD" and "Value = 1" on success; a key
 * or value that is not there fails with NT_STATUS_NO_SUCH_DEVICE (WERR_FILE_NOT_FOUND as net maps it back),
 * after "registry_openkey failed" (the key) or "registry_queryvalue failed" (the value).
 */
export function parseNetRegistryValue(output: CommandOutput): Allow4xReading {
	const text = `${output.stdout}\n${output.stderr}`;
	if (output.exitCode === 0) {
		const type = /^\s*Type\s*=\s*(REG_\w+)\s*$/m.exec(output.stdout)?.[1];
		const value = /^\s*Value\s*=\s*(.*?)\s*$/m.exec(output.stdout)?.[1];
		if (type === 'REG_DWORD' && value !== undefined && /^\d+$/.test(value))
			return Number(value) === 1 ? {state: 'set', how: 'REG_DWORD 1'} : notOne(type, value);
		if (type !== undefined && value !== undefined) return notOne(type, value);
		return {state: 'unread', why: `net printed what this tool does not know: ${words(output)}`};
	}
	const missing = /NT_STATUS_NO_SUCH_DEVICE|NT_STATUS_OBJECT_NAME_NOT_FOUND|WERR_(?:FILE_NOT_FOUND|BADFILE)/.exec(text);
	if (missing && /registry_openkey failed/.test(text)) return {state: 'unset', why: `the key ${MSSYNC_PARAMETERS_KEY} is not there (${words(output)})`};
	if (missing && /registry_queryvalue failed/.test(text)) return {state: 'unset', why: `the value Allow4X is not there (${words(output)})`};
	return {state: 'unread', why: words(output)};
}

/**
 * `reg query [\\HOST\]HKLM\…\Parameters /v Allow4X`: a line "Allow4X    REG_DWORD    0x1" on success. A key or
 * value that is not there: Windows says "…unable to find the specified registry key or value", Wine's reg.exe
 * "Unable to find the specified registry key" (or "value"); both exit 1.
 */
export function parseRegQuery(output: CommandOutput): Allow4xReading {
	const text = `${output.stdout}\n${output.stderr}`;
	if (output.exitCode === 0) {
		const line = /^\s*Allow4X\s+(REG_\w+)\s+(\S+)\s*$/im.exec(output.stdout);
		if (line) {
			const type = line[1]!;
			const data = line[2]!;
			if (type === 'REG_DWORD' && /^0x[0-9a-f]+$/i.test(data))
				return Number.parseInt(data, 16) === 1 ? {state: 'set', how: 'REG_DWORD 0x1'} : notOne(type, data);
			return notOne(type, data);
		}
		return {state: 'unread', why: `reg printed what this tool does not know: ${words(output)}`};
	}
	if (/unable to find the specified registry/i.test(text)) return {state: 'unset', why: `Allow4X is not there (${words(output)})`};
	return {state: 'unread', why: words(output)};
}

/** Runs one reading command; a command that cannot be run, or runs out of time, is a reading not made, with why. */
async function read(program: CommandSpec, args: string[], parse: (output: CommandOutput) => Allow4xReading, timeoutMs: number): Promise<Allow4xReading> {
	try {
		return parse(await runCommand(program, args, {timeoutMs}));
	} catch (error) {
		if (error instanceof CommandNotFoundError) return {state: 'unread', why: error.message};
		throw error;
	}
}

/** The `net rpc registry getvalue` call: the server and the account as for every other net call of the run. */
export function netRegistryArgs(connection: SambaConnection): string[] {
	return ['rpc', 'registry', 'getvalue', MSSYNC_PARAMETERS_KEY, 'Allow4X', '-S', connection.host, ...connectionArgs(connection)];
}

/** Allow4X on a remote PDC, from Linux or macOS. */
export function readAllow4xWithNet(net: CommandSpec, connection: SambaConnection, timeoutMs: number): Promise<Allow4xReading> {
	return read(net, netRegistryArgs(connection), parseNetRegistryValue, timeoutMs);
}

/** Allow4X on this machine (no host) or on a remote PDC (its name), from Windows. */
export function readAllow4xWithReg(reg: CommandSpec, host: string | undefined, timeoutMs: number): Promise<Allow4xReading> {
	const key = host === undefined ? MSSYNC_PARAMETERS_KEY : `\\\\${host}\\${MSSYNC_PARAMETERS_KEY}`;
	return read(reg, ['query', key, '/v', 'Allow4X'], parseRegQuery, timeoutMs);
}
