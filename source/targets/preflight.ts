/**
 * Before any step: what works and what does not on this target, each failure with its likely cause and
 * the fix. Nothing here changes anything (the write test creates and removes a file of its own).
 */
import {randomBytes} from 'node:crypto';
import {open, readdir, rm} from 'node:fs/promises';
import {join} from 'node:path';
import {freeBytes} from '../fs/free-space.js';
import type {ControlOptions, Target} from './capabilities.js';
import type {ServiceState} from './service-state.js';
import {CommandNotFoundError} from './run-command.js';

const PROBE_PREFIX = '.dsmn-resync-write-test-';

/** A write probe of ours left by a run killed between making and removing it: empty, ours by name, removed. */
export async function removeStaleProbes(syncagnt: string): Promise<void> {
	let names: string[];
	try {
		names = await readdir(syncagnt);
	} catch {
		return; // the preflight says why the folder cannot be read
	}
	for (const name of names) if (name.startsWith(PROBE_PREFIX)) await rm(join(syncagnt, name), {force: true});
}

export type Check = {name: string; ok: boolean; detail: string; fix?: string; /** The service check: the state it found. */ state?: ServiceState};

/** What a flow needs of MSSYNC before anything changes: the reconstruct's "Add Server to Manage" needs DSMN running. */
export function serviceProblem(flow: 'restore' | 'reconstruct' | undefined, state: ServiceState, target: Target): string | undefined {
	if (flow !== 'reconstruct' || state === 'RUNNING') return undefined;
	return `MSSYNC is ${state}: the reconstruct adds each server back to the domain through DSMN, which needs it running. Start it first ("${target.service.describe('start')}"), then begin again`;
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
			checks.push({name: 'service', ok: problem === undefined, detail: `MSSYNC answers: ${query.state}`, state: query.state, ...(problem ? {fix: problem} : {})});
		} else {
			const missing = query.error.code === 1060 || query.error.code === 2185;
			checks.push({name: missing ? 'service' : 'server', ok: false, detail: query.error.meaning, fix: query.error.advice});
		}
	} catch (error) {
		if (error instanceof CommandNotFoundError) {
			const samba = target.kind === 'remote' && process.platform !== 'win32';
			checks.push({
				name: 'command',
				ok: false,
				detail: error.message,
				fix: samba ? 'install Samba\'s client tools (Debian: apt-get install samba-common-bin; macOS: brew install samba)' : 'this target needs net.exe and sc.exe on PATH (a modern Windows has both; NT 4.0 ships no sc.exe); a real DSMN server is reached with --target remote',
			});
		} else throw error;
	}
	const {syncagnt} = target.database;
	const probe = join(syncagnt, `${PROBE_PREFIX}${randomBytes(4).toString('hex')}`);
	try {
		await removeStaleProbes(syncagnt);
		const handle = await open(probe, 'wx');
		await handle.close();
		await rm(probe, {force: true});
		checks.push({name: 'folder', ok: true, detail: `${syncagnt} can be read and written`});
		const parent = target.database.snapshotParent;
		if ((await target.database.files.sameVolume(syncagnt, parent)) === false) {
			checks.push({
				name: 'volume',
				ok: false,
				detail: `${syncagnt} is on another volume than ${parent}, where the snapshot of the current database goes: moving it aside by renaming cannot work`,
				fix: 'give --syncagnt the folder where the files really are (not a link to another volume), so the snapshot goes beside it',
			});
		}
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		checks.push({
			name: 'folder',
			ok: false,
			detail: `${syncagnt} cannot be written (${code ?? (error as Error).message})`,
			fix:
				code === 'ENOENT'
					? target.kind === 'remote'
						? 'mount the server\'s ADMIN$ share and give --syncagnt the SYSTEM32/SYNCAGNT folder inside it'
						: 'check that DSMN is installed here, or give --syncagnt PATH'
					: 'run as an administrator of the server (the account needs write access to SYNCAGNT)',
		});
	}
	if (options.bytesNeeded !== undefined) {
		const free = await freeBytes(syncagnt);
		if (free === undefined) {
			checks.push({name: 'space', ok: true, detail: 'free space could not be measured on this share; the copy will say if it runs out'});
		} else {
			const ok = free > options.bytesNeeded;
			checks.push({
				name: 'space',
				ok,
				detail: `${Math.floor(free / 1024 / 1024)} MiB free, ${Math.ceil(options.bytesNeeded / 1024 / 1024)} MiB needed for the copy`,
				...(ok ? {} : {fix: 'free some space on that volume (the snapshot is a rename and needs none)'}),
			});
		}
	}
	return checks;
}
