/**
 * The domain's SAM change log in the lab (`lab create --backup-age DAYS --change-log-size N`): a circular
 * log holding the last N account changes. The lab makes changes after the backup was taken (while the
 * live database was damaged, so none reached the NetWare servers). A database restored from that backup
 * resumes from the position it recorded; when the log no longer holds it, MSSYNC logs Event 8005 at start
 * and a plain "Synchronize all servers" turns every server blue while the changed accounts stay stale on
 * the NetWare side. "Fully synchronize all servers" sends every account again and fixes them.
 * ARCHITECTURE.md, "The lab".
 */
import {open} from 'node:fs/promises';
import {join} from 'node:path';
import {findEntry} from '../fs/find-entry.js';
import {domainAccounts} from './domain.js';
import {labPaths, type LabEvent, type LabState} from './state.js';

/** How many account changes the lab's domain makes a day, after the backup. */
export const CHANGES_PER_DAY = 4;

/** Event 8005's text, as MSSYNC writes it to the Application log. */
export const EVENT_8005 =
	'The Sync Agent Service change log thread failed to find the last change log entry it processed. Some user and group modifications might be lost.';

/** The accounts changed since the backup, first changed first: the lab's own choice, from its seed. */
export function changedSinceBackup(state: LabState): string[] {
	const log = state.changeLog;
	if (!log) return [];
	const accounts = domainAccounts(state.seed, state.accounts);
	const count = Math.min(accounts.length, log.changesSinceBackup);
	// Every 7th account, wrapping: spread over the list rather than its first names.
	return Array.from({length: count}, (_, i) => accounts[(i * 7) % accounts.length]!.name).filter((name, i, all) => all.indexOf(name) === i);
}

/** The change log settings a lab is created with. */
export function newChangeLog(backupAgeDays: number, size: number): NonNullable<LabState['changeLog']> {
	return {size, backupAgeDays, changesSinceBackup: backupAgeDays * CHANGES_PER_DAY};
}

async function header(path: string | undefined): Promise<Buffer | undefined> {
	if (!path) return undefined;
	try {
		const handle = await open(path, 'r');
		try {
			const buffer = Buffer.alloc(4096);
			const {bytesRead} = await handle.read(buffer, 0, 4096, 0);
			return buffer.subarray(0, bytesRead);
		} finally {
			await handle.close();
		}
	} catch {
		return undefined;
	}
}

/** Whether SYNCAGNT's MSSYNC.MDB is the backup's (the same Jet header page: the same database, restored). */
export async function liveIsBackup(dir: string): Promise<boolean> {
	const paths = labPaths(dir);
	const live = await header(await findEntry(paths.syncagnt, 'MSSYNC.MDB').then(n => (n ? join(paths.syncagnt, n) : undefined)));
	const backup = await header(await findEntry(paths.backup, 'MSSYNC.MDB').then(n => (n ? join(paths.backup, n) : undefined)));
	return live !== undefined && backup !== undefined && live.equals(backup);
}

/**
 * MSSYNC started: a restored database looks for its position in the change log. Returns the state to
 * save: with Event 8005 logged and the position marked lost when the log no longer reaches back that far.
 */
export async function afterStart(dir: string, state: LabState, at: Date): Promise<LabState> {
	const log = state.changeLog;
	if (!log || !(await liveIsBackup(dir))) return state;
	const lost = log.changesSinceBackup > log.size;
	const events: LabEvent[] = lost
		? [...(state.events ?? []), {id: 8005, source: 'MSSYNC', type: 'warning', at: at.toISOString(), text: EVENT_8005}]
		: (state.events ?? []);
	return {...state, changeLog: {...log, positionLost: lost}, events};
}

/** The accounts still stale on a server: changed since the backup and not yet sent to it. */
export function staleOn(state: LabState, server: string): string[] {
	if (!state.changeLog) return [];
	const fixed = new Set(state.changeLog.sentTo ?? []);
	return fixed.has(server) ? [] : changedSinceBackup(state);
}

/**
 * After a synchronization that reached these servers: a full one sends every account, so their stale
 * accounts are fixed; a plain one sends only what the change log holds since the database's position,
 * which fixes them only when that position was found.
 */
export function afterSynchronize(state: LabState, servers: readonly string[], full: boolean): LabState {
	const log = state.changeLog;
	if (!log || servers.length === 0) return state;
	if (!full && log.positionLost !== false) return state;
	return {...state, changeLog: {...log, sentTo: [...new Set([...(log.sentTo ?? []), ...servers])]}};
}
