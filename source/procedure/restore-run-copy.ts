/**
 * The copy step both restore-shaped runs share (ARCHITECTURE.md, "The run and its journal"). The restore
 * copies the validated backup into SYNCAGNT (KB Q148678).
 * The new-PDC run copies it into the backup subfolder SYNCAGNT\Backup (KB Q154761).
 * What is the same: every source still as validated before a byte is written; a file already at
 * the destination counted as copied only when its bytes are the verified ones; nothing written when it
 * cannot fit; each copy verified and renamed into place only while MSSYNC is stopped; each copy journaled.
 * What differs is passed in, explicitly: where the copies go and how that place is named, what to say of a
 * file there that this run did not copy, and whether the database pages are verified as the copy is read
 * back (the restore does; the new-PDC run leaves the reading of the database to MSSYNC as it starts).
 */
import {join} from 'node:path';
import {ReadBackPages} from '../backup/read-back-pages.js';
import {SourceChangedError, temporaryName} from '../fs/copy-verified.js';
import {spaceVerdict} from '../fs/free-space.js';
import type {NewEntry} from '../journal/journal.js';
import type {ValidatedFile} from '../journal/entries.js';
import type {DatabaseFiles, ServiceControl} from '../targets/capabilities.js';
import {digestFacts} from './backup-binding.js';
import {requireStopped} from './mssync-service.js';
import type {RunHooks, StepOutcome} from './procedure-run.js';

type Failed = Extract<StepOutcome, {status: 'failed'}>;

/** MSSYNC was found running at a safe point inside a copy: the step stops there with this outcome. */
class SafePointStop extends Error {
	constructor(readonly outcome: Failed) {
		super(outcome.message);
	}
}

/** Before a byte is written: every file of the backup still as validated (size and time), or why not. */
export async function backupStillAsValidated(backup: string, validated: readonly ValidatedFile[]): Promise<Failed | undefined> {
	for (const file of validated) {
		const facts = await digestFacts(join(backup, file.name)).catch(() => undefined);
		if (!facts || facts.size !== file.size || facts.mtimeMs !== file.mtimeMs) {
			return {
				status: 'failed',
				message: `${file.name} in the backup ${facts ? 'changed' : 'disappeared'} after it was validated: nothing more was copied`,
				advice: 'find out who changed the backup; roll back, then start a new run so that the backup is validated again',
			};
		}
	}
	return undefined;
}

export type CopyPlan = {
	files: DatabaseFiles;
	service: ServiceControl;
	backup: string;
	validated: readonly ValidatedFile[];
	/** The names this run has journaled as copied (it may be resumed). */
	copied: ReadonlySet<string>;
	record: (entry: NewEntry) => Promise<void>;
	/** Where a file's copy goes. */
	destination: (name: string) => string;
	/** The folder whose volume must hold the copies (SYNCAGNT). */
	volume: string;
	/** How the copies' place is said after "n of m files are …": "in place" for SYNCAGNT, "in SYNCAGNT\Backup" for the new PDC. */
	where: string;
	/** What to say of a file already at its destination that is not the copy this run verified. */
	notOurs: (name: string, copiedByThisRun: boolean) => {message: string; advice: string};
	/** Verify the Jet pages of each database file as its copy is read back for its hash. */
	verifyPages: boolean;
};

export type CopyResult = {status: 'copied'; bytesTotal: number; pagesVerified: number} | StepOutcome;

/** Copies every validated file not yet in place, each verified by SHA-256 and journaled; the outcome when it stops. */
export async function copyValidatedFiles(plan: CopyPlan, hooks: RunHooks): Promise<CopyResult> {
	const {files, validated} = plan;
	const copied = new Set(plan.copied);
	const bytesTotal = validated.reduce((n, f) => n + f.size, 0);
	let toCopy = 0;
	for (const file of validated) {
		const destination = plan.destination(file.name);
		if (!(await files.stat(destination))) {
			toCopy += file.size;
			continue;
		}
		// In place already (this run copied it, or was killed between the rename and its journal line): the bytes say whether it is ours.
		const inPlace = await files.digest(destination);
		if (inPlace.sha256 !== file.sha256 || inPlace.size !== file.size) return {status: 'failed', ...plan.notOurs(file.name, copied.has(file.name))};
		if (!copied.has(file.name)) {
			await plan.record({type: 'copied', name: file.name, size: inPlace.size, sha256: inPlace.sha256});
			copied.add(file.name);
		}
	}
	// Not a byte written when it cannot fit: a full disk found now costs nothing to fix.
	const free = await files.freeBytes(plan.volume);
	const space = free === undefined ? undefined : spaceVerdict(free, toCopy);
	if (space && !space.fits) {
		return {
			status: 'failed',
			message: `on the volume of ${plan.volume}, ${space.text}: nothing was copied`,
			advice: 'free some space on that volume, then retry; or roll back',
		};
	}
	let bytesBefore = 0;
	let pagesVerified = 0;
	for (const file of validated) {
		if (copied.has(file.name)) {
			bytesBefore += file.size;
			continue;
		}
		const progress = `${copied.size} of ${validated.length} files are ${plan.where}`;
		if (hooks.stopRequested?.()) return {status: 'interrupted', message: `stopped before ${file.name}; ${progress}`};
		const destination = plan.destination(file.name);
		await files.remove(plan.destination(temporaryName(file.name))); // a partial copy of ours from a run cut off (named in the folder's own syntax)
		const pages = plan.verifyPages ? ReadBackPages.for(file.name) : undefined;
		try {
			const result = await files.copyIn(join(plan.backup, file.name), destination, {
				expect: {size: file.size, sha256: file.sha256},
				...(pages ? {readBack: pages.push} : {}),
				// MSSYNC watched while files change: asked just before each verified copy is renamed into place.
				beforeRename: async () => {
					pagesVerified += pages?.check() ?? 0;
					const started = await requireStopped(plan.service, hooks);
					if (started) throw new SafePointStop(started);
				},
				onProgress: done => hooks.onCopyProgress?.({file: file.name, fileDone: done, fileTotal: file.size, bytesDone: bytesBefore + done, bytesTotal}),
			});
			await plan.record({type: 'copied', name: file.name, size: result.size, sha256: result.sha256});
		} catch (error) {
			if (error instanceof SafePointStop) return {...error.outcome, message: `${error.outcome.message} (before ${file.name}; ${progress})`};
			if (error instanceof SourceChangedError) return {status: 'failed', message: `${error.message}; ${progress}`, advice: error.hint};
			throw error;
		}
		copied.add(file.name);
		bytesBefore += file.size;
	}
	return {status: 'copied', bytesTotal, pagesVerified};
}
