/**
 * The lost PDC in the lab (`lab create --new-pdc`, KB Q154761): a BDC promoted to PDC, DSMN installed on
 * it afresh, so SYNCAGNT holds the empty database of a new installation. The article's recovery copies the
 * backup into a backup subfolder of SYNCAGNT, not into SYNCAGNT itself, then starts MSSYNC: the lab's
 * MSSYNC takes the database from that subfolder at its first start, as the article's procedure expects.
 * ARCHITECTURE.md, "The lab".
 */
import {copyFile, readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {labPaths, type LabState} from './state.js';

/** The subfolder of SYNCAGNT the backup goes to on a new PDC. */
export const NEW_PDC_BACKUP_FOLDER = 'Backup';

/** The promoted BDC's name in the lab. */
export const PROMOTED_BDC = 'NTBDC';

/** The files Q154761 copies into the backup subfolder: the two databases, the logs and the patch files. */
function isBackupFile(name: string): boolean {
	const upper = name.toUpperCase();
	return upper === 'MSSYNC.MDB' || upper === 'SYSTEM.MDB' || /^JET[0-9A-F]*\.LOG$/.test(upper) || upper.endsWith('.PAT');
}

/**
 * MSSYNC starting on the new PDC: with a backup in SYNCAGNT's backup subfolder, its files take the place
 * of the new installation's empty database. Returns the state to save (no longer waiting for a backup).
 */
export async function adoptBackupAtStart(dir: string, state: LabState): Promise<LabState> {
	if (!state.newPdc) return state;
	const {syncagnt} = labPaths(dir);
	const folder = join(syncagnt, NEW_PDC_BACKUP_FOLDER);
	let names: string[];
	try {
		names = (await readdir(folder)).filter(isBackupFile);
	} catch {
		return state;
	}
	if (!names.some(n => n.toUpperCase() === 'MSSYNC.MDB')) return state;
	for (const name of names) await copyFile(join(folder, name), join(syncagnt, name.toUpperCase()));
	const {newPdc: _adopted, ...rest} = state;
	return rest;
}
