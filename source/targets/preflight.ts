/**
 * Before any step: what works and what does not on this target, each failure with its likely cause and
 * the fix. Nothing here changes anything (the write test creates and removes a file of its own).
 */
import {randomBytes} from 'node:crypto';
import {hintOf} from '../errors/hinted-error.js';
import type {ControlOptions, DatabaseFolder, ServiceControl, Target} from './capabilities.js';
import type {ServiceState} from '../services/service-state.js';
import {serviceFailure} from '../services/service-messages.js';
import {CommandNotFoundError} from './run-command.js';
import {spaceVerdict} from '../fs/free-space.js';
import {adviceOf} from '../advice/causes.js';
import {causeOfErrno} from '../advice/parse-cause.js';
import {formatBytes} from '../text/format.js';

const PROBE_PREFIX = '.dsmn-resync-write-test-';

/** A write probe of ours left by a run killed between making and removing it: empty, ours by name, removed. */
export async function removeStaleProbes(database: Pick<DatabaseFolder, 'syncagnt' | 'files'>): Promise<void> {
	let names: string[];
	try {
		names = await database.files.list(database.syncagnt);
	} catch {
		return; // the preflight says why the folder cannot be read
	}
	for (const name of names) if (name.startsWith(PROBE_PREFIX)) await database.files.remove(database.files.join(database.syncagnt, name));
}

export type Check = {
	name: string;
	ok: boolean;
	detail: string;
	fix?: string;
	/** Not a refusal, but something the admin should know before going on (free space that cannot be measured). */
	warning?: boolean;
	/** The service check: the state it found. */
	state?: ServiceState;
};

/** What a flow needs of MSSYNC before anything changes: the reconstruct's "Add Server to Manage" needs DSMN running. */
export function serviceProblem(flow: 'restore' | 'reconstruct' | undefined, state: ServiceState, target: Target): string | undefined {
	if (flow !== 'reconstruct' || state === 'RUNNING') return undefined;
	return `MSSYNC is ${state}: the reconstruct adds each server back to the domain through DSMN, which needs it running. Start it first ("${target.service.describe('start')}"), then begin again`;
}

/** MSSYNC depends on NwcWorkstation (advice/causes.ts, System error 1068): stopped or missing, MSSYNC cannot start. */
async function gatewayCheck(gateway: ServiceControl, onCommand: ControlOptions['onCommand']): Promise<Check> {
	const query = await gateway.query(onCommand ? {onCommand} : {});
	if (!query.ok) {
		const missing = query.error.code === 1060;
		return {
			name: 'gateway',
			ok: !missing,
			...(missing ? {} : {warning: true}),
			detail: missing
				? `${gateway.serviceName} (Gateway Service for NetWare) is not installed, and MSSYNC depends on it`
				: `${gateway.serviceName} could not be queried: ${serviceFailure(query.error)}`,
			fix: missing ? adviceOf('dependency-missing') : 'check Gateway Service for NetWare in Control Panel ▸ Services',
		};
	}
	return query.state === 'RUNNING'
		? {name: 'gateway', ok: true, detail: `${gateway.serviceName} (Gateway Service for NetWare, which MSSYNC depends on) answers: RUNNING`}
		: {
				name: 'gateway',
				ok: false,
				detail: `${gateway.serviceName} (Gateway Service for NetWare) is ${query.state}: MSSYNC, which depends on it, cannot start (System error 1068)`,
				fix: adviceOf('dependency-failed'),
			};
}

export async function preflight(
	target: Target,
	options: {bytesNeeded?: number; onCommand?: ControlOptions['onCommand']; flow?: 'restore' | 'reconstruct'} = {},
): Promise<Check[]> {
	const checks: Check[] = [];
	try {
		const query = await target.service.query(options.onCommand ? {onCommand: options.onCommand} : {});
		if (query.ok) {
			const problem = serviceProblem(options.flow, query.state, target);
			checks.push({
				name: 'service',
				ok: problem === undefined,
				detail: `${target.service.serviceName} answers: ${query.state}`,
				state: query.state,
				...(problem ? {fix: problem} : {}),
			});
		} else {
			const missing = query.error.code === 1060 || query.error.code === 2185;
			checks.push({name: missing ? 'service' : 'server', ok: false, detail: serviceFailure(query.error), fix: query.error.advice});
		}
	} catch (error) {
		if (error instanceof CommandNotFoundError) {
			const samba = target.kind === 'remote' && process.platform !== 'win32';
			checks.push({
				name: error.timedOut ? 'server' : 'command',
				ok: false,
				detail: error.message,
				// It ran and did not answer in time: not a missing program (the same advice as a step's timeout).
				fix: error.timedOut
					? adviceOf('timed-out')
					: samba
						? "install Samba's client tools (Debian: apt-get install samba-common-bin smbclient; macOS: brew install samba)"
						: 'this target needs net.exe and sc.exe on PATH (a modern Windows has both; NT 4.0 ships no sc.exe); a real DSMN server is reached with --target remote',
			});
		} else throw error;
	}
	if (target.gateway) checks.push(await gatewayCheck(target.gateway, options.onCommand));
	const {syncagnt, files} = target.database;
	const probe = files.join(syncagnt, `${PROBE_PREFIX}${randomBytes(4).toString('hex')}`);
	try {
		await removeStaleProbes(target.database);
		await files.touch(probe);
		await files.remove(probe);
		checks.push({name: 'folder', ok: true, detail: `${syncagnt} can be read and written (${files.access})`});
		const parent = target.database.snapshotParent;
		if ((await files.sameVolume(syncagnt, parent)) === false) {
			checks.push({
				name: 'volume',
				ok: false,
				detail: `${syncagnt} is on another volume than ${parent}, where the snapshot of the current database goes: moving it aside by renaming cannot work`,
				fix: 'give --syncagnt the folder where the files really are (not a link to another volume), so the snapshot goes beside it',
			});
		}
	} catch (error) {
		if (error instanceof CommandNotFoundError && !error.timedOut) {
			checks.push({
				name: 'command',
				ok: false,
				detail: error.message,
				fix: "install Samba's smbclient (Debian: apt-get install smbclient; macOS: brew install samba), or mount the share and give --syncagnt",
			});
		} else {
			const code = (error as NodeJS.ErrnoException).code;
			const hint = hintOf(error);
			const cause = causeOfErrno(code);
			checks.push({
				name: 'folder',
				ok: false,
				detail: `${syncagnt} cannot be written, ${files.access} (${code && !hint ? code : (error as Error).message})`,
				// The same table as the steps' and the roll back's (advice/causes.ts): one cause, one advice.
				fix:
					hint ??
					(code === 'ENOENT'
						? target.kind === 'remote'
							? "check the server's name; or leave out --syncagnt to reach SYNCAGNT through smbclient, or give the SYSTEM32/SYNCAGNT folder of the mounted ADMIN$ share"
							: 'check that DSMN is installed here, or give --syncagnt PATH'
						: cause
							? adviceOf(cause)
							: 'run as an administrator of the server (the account needs write access to SYNCAGNT)'),
			});
		}
	}
	if (options.bytesNeeded !== undefined) {
		const free = await files.freeBytes(syncagnt);
		if (free === undefined) {
			checks.push({
				name: 'space',
				ok: true,
				warning: true,
				detail: `the free space of ${syncagnt} is unknown (the share reports no size); the copy needs ${formatBytes(options.bytesNeeded)} and will say if it runs out`,
				fix: "make sure the server's system volume has that much free before you go on",
			});
		} else {
			const {fits: ok, text} = spaceVerdict(free, options.bytesNeeded);
			checks.push({
				name: 'space',
				ok,
				detail: text,
				...(ok ? {} : {fix: adviceOf('disk-full')}),
			});
		}
	}
	return checks;
}
