/**
 * The roll back of a restore run, and what it reads of the run's journal: the originals moved into the
 * snapshot, the files the copy put in SYNCAGNT (journaled or not), the folder the restored files go to.
 * It puts SYNCAGNT back from the journal and the disk alone (never the backup), as a journaled sequence
 * of its own. ARCHITECTURE.md, "The run and its journal".
 */
import type {NewEntry} from '../journal/journal.js';
import type {JournalEntry, MoveEntry, RunStarted} from '../journal/entries.js';
import type {DatabaseFiles, Target} from '../targets/capabilities.js';
import {hintOf} from '../errors/hinted-error.js';
import {adviceFor} from './journaled-run.js';
import {putServiceBack, stopForRollback, type RunTimings} from './mssync-service.js';
import type {RunHooks, StepOutcome} from './procedure-run.js';
import {freshSnapshotFolder} from './snapshot-name.js';

/** A partial copy of ours, left by a run cut off in the middle of a file: ".NAME.dsmn-copy". */
const PARTIAL_COPY = /^\..+\.dsmn-copy$/;

/** The moves the journal holds into a folder, in their order (a retried move appears twice). */
function movesInto(entries: readonly JournalEntry[], files: DatabaseFiles, folder: string): MoveEntry[] {
	const prefix = files.join(folder, '');
	return entries.filter((e): e is MoveEntry => e.type === 'move' && e.to.startsWith(prefix));
}

/** The originals this run moved into the snapshot, one per name (a retried move is journaled twice). */
export function originalMoves(entries: readonly JournalEntry[], files: DatabaseFiles, snapshot: string): MoveEntry[] {
	const seen = new Map<string, MoveEntry>();
	for (const move of movesInto(entries, files, snapshot)) seen.set(move.to, move);
	return [...seen.values()];
}

/** The folder that holds the restored files after a roll back, when there is one. */
export function rolledBackFolder(entries: readonly JournalEntry[]): string | undefined {
	const plan = entries.find((e): e is Extract<JournalEntry, {type: 'step-plan'}> => e.type === 'step-plan' && e.step === 'rollback' && e.folder !== undefined);
	return plan?.folder;
}

/** What a roll back needs of its run: the journal as read so far (kept current by `record`), and the run's journaled renames. */
export type RollbackContext = {
	readonly target: Target;
	readonly entries: readonly JournalEntry[];
	readonly snapshot: string;
	readonly serviceBefore: RunStarted['serviceBefore'];
	readonly timings: RunTimings;
	record(entry: NewEntry): Promise<void>;
	/** A rename journaled before and after. */
	move(from: string, to: string): Promise<void>;
	end(outcome: 'rolled-back'): Promise<void>;
};

/**
 * A file in SYNCAGNT that this run put there, whether or not its journal line was written: a name the
 * copy step restores, once the copy began, whose original (if there was one) is safe in the snapshot.
 */
async function restoredInPlace(run: RollbackContext): Promise<string[]> {
	const {entries} = run;
	const {files} = run.target.database;
	if (!entries.some(e => e.type === 'step-started' && e.step === 'copy-backup')) return [];
	const planned = new Set(entries.filter(e => e.type === 'step-plan' && e.step === 'move-aside').flatMap(e => (e as {files: string[]}).files));
	// From the journal alone (a roll back never needs the backup): the bound files, the copy's plan, what it journaled.
	const copyNames = new Set<string>();
	for (const e of entries) {
		if (e.type === 'backup-validated') for (const f of e.files) copyNames.add(f.name);
		if (e.type === 'step-plan' && e.step === 'copy-backup') for (const name of e.files) copyNames.add(name);
		if (e.type === 'copied') copyNames.add(e.name);
	}
	const present = await files.list(run.target.database.syncagnt);
	const ours: string[] = [];
	for (const name of present) {
		if (!copyNames.has(name)) continue;
		const originalSafe = !planned.has(name) || (await files.stat(files.join(run.snapshot, name))) !== undefined;
		if (originalSafe) ours.push(name);
	}
	return ours.sort();
}

/**
 * Puts SYNCAGNT back as it was: the files this run copied in go aside (kept), the snapshot's files
 * return byte for byte, and the service is left as it was found. A journaled sequence of its own: cut
 * off or failed, the next roll back continues it from the disk and the journal.
 */
export async function rollBackRestore(run: RollbackContext, hooks: RunHooks): Promise<StepOutcome> {
	await run.record({type: 'step-started', step: 'rollback'});
	try {
		const {service} = run.target;
		const {files, syncagnt} = run.target.database;
		const restored = await restoredInPlace(run);
		const partials = (await files.list(syncagnt)).filter(n => PARTIAL_COPY.test(n));
		const toPutBack: MoveEntry[] = [];
		for (const move of originalMoves(run.entries, files, run.snapshot).reverse()) if (await files.stat(move.to)) toPutBack.push(move);
		const filesToMove = restored.length + partials.length + toPutBack.length > 0;
		// The database may be touched only with MSSYNC stopped; with nothing to move it is not stopped at all.
		if (filesToMove) await stopForRollback(service, run.timings, hooks);
		for (const name of partials) await files.remove(files.join(syncagnt, name));
		if (restored.length > 0) {
			const aside = rolledBackFolder(run.entries) ?? (await freshSnapshotFolder(run.target.database, new Date(), 'rolled-back'));
			await run.record({type: 'step-plan', step: 'rollback', files: restored, folder: aside});
			await files.mkdir(aside);
			for (const name of restored) {
				const to = files.join(aside, name);
				if (await files.stat(to)) throw new Error(`${aside} already holds a ${name}: the restored ${name} was left in SYNCAGNT`);
				await run.move(files.join(syncagnt, name), to);
			}
			await files.flush(aside);
		}
		for (const move of toPutBack) {
			if (await files.stat(move.from))
				throw new Error(`SYNCAGNT holds a ${move.from} that is neither the original nor a file this run copied: the original is still in ${run.snapshot}`);
			await run.move(move.to, move.from);
		}
		await files.flush(syncagnt);
		const serviceNote = await putServiceBack(service, run.serviceBefore, run.timings, hooks);
		const putBack = originalMoves(run.entries, files, run.snapshot).filter(m =>
			run.entries.some(e => e.type === 'moved' && e.from === m.to && e.to === m.from),
		).length;
		const aside = rolledBackFolder(run.entries);
		const keptAside = aside ? new Set(movesInto(run.entries, files, aside).map(m => m.to)).size : 0;
		const summary = `${putBack} original file${putBack === 1 ? '' : 's'} back in SYNCAGNT${keptAside ? `; the ${keptAside} restored file${keptAside === 1 ? '' : 's'} moved to ${aside}` : ''}; ${serviceNote}`;
		await run.record({type: 'step-finished', step: 'rollback', summary});
		await run.end('rolled-back');
		return {status: 'done', summary};
	} catch (error) {
		const message = (error as Error).message;
		await run.record({type: 'step-failed', step: 'rollback', message});
		return {
			status: 'failed',
			message,
			advice: `${hintOf(error) ?? adviceFor(error)}; then roll back again: it continues from where this one stopped (nothing it did is undone twice)`,
		};
	}
}
