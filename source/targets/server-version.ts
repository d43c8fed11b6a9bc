/**
 * Which Windows NT the server runs, as the validator needs it: a JET 200-format database (NT 3.51's DSMN) is
 * usable on NT 3.51 and refused by NT 4.0's Jet 500 (ARCHITECTURE.md, "Validation rules"). Learned without
 * asking where the target can (`rpcclient -c srvinfo` from Linux, the lab's own answer), else from the
 * administrator (`--nt 3.51|4.0`, or the wizard's question). ARCHITECTURE.md, "Targets".
 */
import {release} from 'node:os';
import {UsageError} from '../errors/hinted-error.js';
import type {NtVersion} from '../backup/header-findings.js';
import {ntVersionOf, parseSrvinfo, type ServerInfo} from '../services/srvinfo.js';
import {safeText} from '../text/sanitize.js';
import {CommandNotFoundError, runCommand, type Command} from './run-command.js';

export type ServerVersion = {
	/** Undefined: not known; the verdict on a JET 200-format database then waits for an answer. */
	nt: NtVersion | undefined;
	/** How it was learned, or why it is not known, in words for the admin. */
	how: string;
	/** What srvinfo said, when the server answered (its role too: PDC or BDC). */
	info?: ServerInfo;
};

/** What `rpcclient OPTIONS -c srvinfo HOST` (or the lab's stand-in for it) says of the server's NT version. */
export async function askSrvinfo(rpcclient: Command, options: readonly string[], host: string, timeoutMs: number): Promise<ServerVersion> {
	let output;
	try {
		output = await runCommand(rpcclient, [...options, '-c', 'srvinfo', host], {timeoutMs});
	} catch (error) {
		if (error instanceof CommandNotFoundError) return {nt: undefined, how: `the server could not be asked: ${safeText(error.message)}`};
		throw error;
	}
	const info = output.exitCode === 0 ? parseSrvinfo(output.stdout) : undefined;
	if (!info) {
		const said = safeText(`${output.stderr}\n${output.stdout}`.trim().split('\n')[0] ?? '').trim();
		return {nt: undefined, how: `the server did not say its version (rpcclient srvinfo: ${said || `exit code ${output.exitCode}`})`};
	}
	const nt = ntVersionOf(info);
	if (nt) return {nt, how: `the server reports Windows NT ${nt} (rpcclient srvinfo)`, info};
	return {nt: undefined, how: `the server reports OS version ${safeText(info.osVersion ?? 'none')}, neither NT 3.51 nor NT 4.0 (rpcclient srvinfo)`, info};
}

/**
 * This machine, when it is the server (`--target windows`): `os.release()` is the version Windows reports
 * ("4.0" on NT 4.0). Node 20 does not run on NT 3.51 or 4.0, so in practice this says the files are a copy
 * of the server's, reached from a later Windows, and the admin must say which NT the server runs.
 */
export function thisMachineVersion(reported: string = release()): ServerVersion {
	const nt = reported === '4.0' || reported === '3.51' ? reported : undefined;
	if (nt) return {nt, how: `this machine reports Windows NT ${nt}`};
	return {nt: undefined, how: `this machine runs Windows ${safeText(reported)}, not the NT 3.51 or 4.0 DSMN runs on, so it cannot tell the server's version`};
}

/**
 * The server's NT version for one target: asked of the server once; where it cannot tell, what the admin
 * said (`--nt`, or the wizard's answer). The server's own answer wins over what was said.
 */
export class ServerVersionSource {
	private asked: Promise<ServerVersion> | undefined;
	private answered: NtVersion | undefined;

	constructor(
		private readonly ask: (() => Promise<ServerVersion>) | string,
		private readonly given?: NtVersion,
	) {}

	/** The admin's answer to the wizard's question. */
	answer(nt: NtVersion): void {
		this.answered = nt;
	}

	async learn(): Promise<ServerVersion> {
		const ask = this.ask;
		this.asked ??= typeof ask === 'string' ? Promise.resolve({nt: undefined, how: ask}) : ask();
		const server = await this.asked;
		const said = this.answered ?? this.given;
		if (server.nt) {
			return said && said !== server.nt ? {...server, how: `${server.how}; the NT ${said} you gave is not used`} : server;
		}
		if (said) return {...server, nt: said, how: `${this.answered ? 'your answer' : `--nt ${said}`} (${server.how})`};
		return server;
	}
}

/** The NT version a target knows, or undefined: what validation is given. */
export async function knownNtVersion(target: {serverVersion?: ServerVersionSource | undefined}): Promise<NtVersion | undefined> {
	return (await target.serverVersion?.learn())?.nt;
}

/** The answer a run without a terminal lacks when a database's verdict depends on the server's NT version. */
export async function ntVersionMissing(target: {serverVersion?: ServerVersionSource | undefined}, files: readonly string[]): Promise<UsageError> {
	const why = (await target.serverVersion?.learn())?.how ?? 'this target cannot ask the server';
	return new UsageError(
		'no terminal to ask in, and this answer is missing: --nt 3.51|4.0',
		`${files.join(' and ')} in the backup ${files.length === 1 ? 'is a JET 200-format database' : 'are JET 200-format databases'} (NT 3.51's DSMN): usable on NT 3.51, refused by NT 4.0's Jet 500 (error -1210); ${why}. Give the server's version with --nt`,
	);
}
