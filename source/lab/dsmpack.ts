/**
 * `dsmpack /r` in the lab (`lab dsmpack DIR`, after `lab create --wont-start`): a power cut left the
 * database inconsistent, so MSSYNC will not start. dsmpack, run in SYNCAGNT with MSSYNC stopped, repairs
 * and compacts MSSYNC.MDB in place and keeps the database as it was in mssync.bkp; nothing changed since
 * the last backup is lost. ARCHITECTURE.md, "The lab".
 */
import {copyFile} from 'node:fs/promises';
import {join} from 'node:path';
import {findEntry} from '../fs/find-entry.js';
import {liveIsBackup} from './change-log.js';
import {LabError} from './lab-error.js';
import {settle} from './service.js';
import {labPaths, loadLab, saveLab, type LabState} from './state.js';

/** What JET says when MSSYNC starts on the database the crash left behind. */
export const CRASH_START_ERROR = '-550 JET_errDatabaseDirtyShutdown: MSSYNC.MDB was not shut down cleanly (a crash or a power cut; lab create --wont-start)';

/** Why MSSYNC will not start after the lab's crash, or undefined: the crash's database is still the live one, not yet repaired or replaced. */
export async function crashStartError(dir: string, state: LabState): Promise<string | undefined> {
	if (!state.crashed) return undefined;
	return (await liveIsBackup(dir)) ? undefined : CRASH_START_ERROR;
}

/** The lines dsmpack prints, as Q197852's sample shows them. */
function output(syncagnt: string): string[] {
	return [
		'Microsoft (R) DSMN Database Compaction Utility',
		'Initiating DEFRAGMENTATION mode (with REPAIR option)...',
		`        Database: ${join(syncagnt, 'mssync.mdb')}`,
		`       Log files: ${syncagnt}`,
		`    System files: ${syncagnt}`,
		` Temp. Database: ${join(syncagnt, 'mssync.tmp')}`,
		` Backup Database: ${join(syncagnt, 'mssync.bkp')}`,
		'Operation completed successfully.',
	];
}

/** Runs the lab's dsmpack /r: refused while MSSYNC runs; keeps mssync.bkp; the crash is repaired. Returns what it printed. */
export async function dsmpackRepair(dir: string, now = Date.now()): Promise<string[]> {
	const state = await loadLab(dir);
	const service = settle(state.service, now);
	if (service.state !== 'STOPPED')
		throw new LabError(
			`MSSYNC is ${service.state}: dsmpack needs the database closed`,
			`stop it first: dsmn-resync lab net ${dir} stop MSSYNC, or run the wizard`,
		);
	const {syncagnt} = labPaths(dir);
	const name = await findEntry(syncagnt, 'MSSYNC.MDB');
	if (!name) throw new LabError(`there is no MSSYNC.MDB in ${syncagnt}: nothing to repair`, 'restore the database from a backup');
	await copyFile(join(syncagnt, name), join(syncagnt, 'mssync.bkp'));
	const {crashed: _repaired, ...rest} = state;
	const {lastError: _cleared, refusedAt: _when, ...serviceRest} = service;
	await saveLab(dir, {...rest, service: serviceRest});
	return output(syncagnt);
}
