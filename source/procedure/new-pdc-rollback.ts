/**
 * The roll back of a restore on a new PDC (KB Q154761, `new-pdc-run.ts`): what the run created is moved
 * aside and kept (its copies in SYNCAGNT\Backup go to a rolled-back folder beside SYNCAGNT), the Backup
 * subfolder is removed when this run created it and it is empty, and MSSYNC is put back as it was found.
 * A journaled sequence of its own, like the restore's (ARCHITECTURE.md, "The run and its journal"): cut off
 * or failed, the next roll back continues from the journal and the disk. A file the run did not copy is
 * never moved: it stops the roll back, named, before anything moves.
 */
import type {NewEntry} from '../journal/journal.js';
import type {JournalEntry, RunStarted} from '../journal/entries.js';
import type {FileDigest, Target} from '../targets/capabilities.js';
import type {RunTimings} from './mssync-service.js';
import {putServiceBack, stopForRollback} from './rollback-service.js';
import type {RunHooks, StepOutcome} from './procedure-run.js';
import {rolledBackFolder} from './restore-rollback.js';
import {journaledRollback, moveCopiesAside} from './restore-rollback-common.js';

/** The journal's step-plan entry that says this run created SYNCAGNT\Backup (written before it is made). */
export const NEW_PDC_FOLDER_PLAN = 'create-backup-folder';

/** A partial copy of ours, left by a run cut off in the middle of a file: ".NAME.dsmn-copy". */
const PARTIAL_COPY = /^\..+\.dsmn-copy$/;

export type NewPdcRollbackContext = {
	readonly target: Target;
	readonly entries: readonly JournalEntry[];
	readonly backupFolder: string;
	readonly serviceBefore: RunStarted['serviceBefore'];
	readonly timings: RunTimings;
	record(entry: NewEntry): Promise<void>;
	end(outcome: 'rolled-back'): Promise<void>;
};

/** The bytes this run put in the Backup subfolder, by name (as copied; as bound when a copy's line was cut off). */
function copiesOf(entries: readonly JournalEntry[]): Map<string, FileDigest> {
	const copies = new Map<string, FileDigest>();
	for (const e of entries) {
		if (e.type === 'backup-validated') for (const f of e.files) if (!copies.has(f.name)) copies.set(f.name, {size: f.size, sha256: f.sha256});
		if (e.type === 'copied') copies.set(e.name, {size: e.size, sha256: e.sha256});
	}
	return copies;
}

export async function rollBackNewPdc(run: NewPdcRollbackContext, given: RunHooks): Promise<StepOutcome> {
	return journaledRollback(run, given, async hooks => {
		const {service} = run.target;
		const {files} = run.target.database;
		const copyStarted = run.entries.some(e => e.type === 'step-started' && e.step === 'copy-backup');
		const created = run.entries.some(e => e.type === 'step-plan' && e.step === NEW_PDC_FOLDER_PLAN);
		const dsmnRan = run.entries.some(e => e.type === 'step-started' && e.step === 'start-service');
		const copies = copiesOf(run.entries);
		const journaled = new Set(run.entries.filter(e => e.type === 'copied').map(e => (e as {name: string}).name));
		const present = copyStarted && (await files.stat(run.backupFolder)) ? await files.list(run.backupFolder) : [];
		const partials = present.filter(n => PARTIAL_COPY.test(n));
		if (present.some(n => copies.has(n)) || partials.length > 0 || dsmnRan) await stopForRollback(service, run.timings, hooks);
		// Known by their bytes: a journaled copy that is no longer the copy (and MSSYNC never ran on it) is a stranger;
		// an unjournaled file of a copied name is ours only when it is the backup's bytes (a copy cut off before its line).
		const ours: string[] = [];
		const strangers: string[] = [];
		for (const name of present.filter(n => copies.has(n))) {
			if (dsmnRan && journaled.has(name)) {
				ours.push(name);
				continue;
			}
			const found = await files.digest(files.join(run.backupFolder, name));
			const copy = copies.get(name)!;
			const same = found.size === copy.size && found.sha256 === copy.sha256;
			if (same) ours.push(name);
			else if (journaled.has(name)) strangers.push(`${name} (${found.size} bytes, SHA-256 ${found.sha256.slice(0, 16)}…)`);
		}
		if (strangers.length > 0) {
			return {
				status: 'failed',
				message: `${run.backupFolder} holds ${strangers.join('; ')}, not what this run copied. Nothing was moved; MSSYNC is stopped`,
				advice: 'find out who put it there; move it out of that folder to keep it, then roll back again',
			};
		}
		for (const name of partials) await files.remove(files.join(run.backupFolder, name));
		// Only this run's copies go aside: it wrote only into the backup subfolder, never SYNCAGNT itself (KB Q154761).
		const aside = await moveCopiesAside(run, run.backupFolder, ours, rolledBackFolder(run.entries), () => `the copy was left in ${run.backupFolder}`);
		let folderNote = '';
		if (created && (await files.stat(run.backupFolder))) {
			const left = await files.list(run.backupFolder);
			if (left.length === 0) {
				await files.removeFolder(run.backupFolder);
				folderNote = `; ${run.backupFolder}, which this run created, removed`;
			} else folderNote = `; ${run.backupFolder} kept: it holds files this run did not copy (${left.join(', ')})`;
		}
		await files.flush(run.target.database.syncagnt);
		const keptAside = aside && (await files.stat(aside)) ? (await files.list(aside)).length : 0;
		// Said from the journal: before the copy began (and with no folder made) nothing was changed on disk.
		const diskChanged = copyStarted || created;
		const disk = diskChanged
			? keptAside
				? `the copies this run made are in ${aside}`
				: 'no copy of this run is left in the Backup subfolder'
			: 'nothing had been changed on disk';
		const serviceNote = await putServiceBack(service, run.serviceBefore, run.timings, hooks, disk, run.target.startRefusedOnPurpose?.bind(run.target));
		if (!diskChanged) return {summary: `nothing had been changed on disk (the run copied no file and made no folder), so no file was moved; ${serviceNote}`};
		const loaded = dsmnRan
			? "; MSSYNC had started on the backup, so the database in SYNCAGNT is the one it took from the Backup subfolder (the new installation's empty database is not kept)"
			: '';
		return {
			summary: `${keptAside ? `the ${keptAside} cop${keptAside === 1 ? 'y' : 'ies'} this run made moved to ${aside}` : 'no copy of this run left to move'}${folderNote}${loaded}; ${serviceNote}`,
		};
	});
}
