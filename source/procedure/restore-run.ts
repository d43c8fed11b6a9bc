/**
 * One restore run (KB Q148678 steps 1–4) against a target, journaled so that it can be resumed or rolled
 * back after anything: each step writes "started" before it touches anything and "finished" after, each
 * rename is journaled before and after it happens, and each step is idempotent — run again, it checks the
 * disk and does only what is left. The backup's bytes are bound to the run when it begins (size, time and
 * SHA-256 of every file it restores): the copy puts in place only those bytes. ARCHITECTURE.md, "The run and its journal".
 *
 * Here: the run's beginning and resumption, and its file steps (Move aside, Copy). Beside it, one concern
 * each: the binding (`backup-binding.ts`), MSSYNC's steps (`mssync-service.ts`), the confirmations' words
 * (`restore-changes.ts`), the roll back (`restore-rollback.ts`), the folders it names (`snapshot-name.ts`).
 */
import {isStaleInLiveFolder} from '../backup/classify.js';
import {Journal, type UnfinishedRun} from '../journal/journal.js';
import type {MoveEntry, ValidatedFile} from '../journal/entries.js';
import type {DatabaseFiles, FileDigest, Target} from '../targets/capabilities.js';
import {formatBytes} from '../text/format.js';
import {validateAndBind} from './backup-binding.js';
import {backupStillAsValidated, copyValidatedFiles} from './restore-run-copy.js';
import {beginRestoreShaped, RestoreShapedRun, type RestoreBeginOptions} from './restore-run-begin.js';
import {defaultTimings, requireStopped, startService, stopService, type RunTimings} from './mssync-service.js';
import type {RunHooks, StepDef, StepOutcome} from './procedure-run.js';
import {describeRestoreChanges} from './restore-changes.js';
import {originalMoves, rolledBackFolder, rolledBackSoFar, rollBackRestore} from './restore-rollback.js';
import {rollbackServiceLine} from './rollback-service.js';
import {RESTORE_STEPS, type RestoreStepId} from './restore-steps.js';
import {withSynchronizeChosen} from './synchronize-titled.js';
import {freshSnapshotFolder, snapshotName} from './snapshot-name.js';

export type FileToCopy = {name: string; size: number};

export type {RunTimings} from './mssync-service.js';

export class RestoreRun extends RestoreShapedRun {
	readonly flow = 'restore' as const;
	readonly canRollback = true;

	/** A new run on the validated backup (`restore-run-begin.ts`): its first line names the snapshot folder the current files go to. */
	static begin(target: Target, backup: string, options: RestoreBeginOptions = {}): Promise<RestoreRun> {
		return beginRestoreShaped(
			target,
			backup,
			options,
			async now => ({snapshot: await freshSnapshotFolder(target.database, now)}),
			(journal, start, entries, timings) => new RestoreRun(target, journal, start, entries, timings),
		);
	}

	static async resume(target: Target, run: UnfinishedRun, timings: RunTimings = defaultTimings()): Promise<RestoreRun> {
		return new RestoreRun(target, await Journal.reopen(run.path), run.start, run.entries, timings);
	}

	/** Stopping MSSYNC is the only step before any file moves: a failed one changed at most the service (checked). */
	protected sideEffectFreeFailure(): boolean {
		return this.entries.filter(e => e.type === 'step-started').every(e => e.type === 'step-started' && e.step === 'stop-service');
	}

	/** How many entries SYNCAGNT holds now (for the look at the target). */
	static async countFiles(target: Target): Promise<number> {
		try {
			return (await target.database.files.list(target.database.syncagnt)).length;
		} catch {
			return 0;
		}
	}

	get snapshot(): string {
		return this.start.snapshot!;
	}

	/**
	 * What a roll back would undo, as its confirmation says it (wizard/summary.ts, rollbackConfirmation): which
	 * steps began, and the folder the copies go to (an earlier roll back's, or how a new one is named).
	 */
	rollbackScope(serviceNow?: string): {
		moved: boolean;
		copied: boolean;
		/** Whether the journal holds a file the copy finished: a copy that failed before any has none to name. */
		anyCopied: boolean;
		/** What an earlier roll back of this run already moved (rolledBackSoFar): not promised again. */
		copiesAside: boolean;
		originalsBack: boolean;
		sent: boolean;
		aside: string;
		service: string;
		syncagnt: string;
	} {
		const {syncagnt, snapshotParent, files} = this.target.database;
		// A new folder's name holds the moment the roll back begins (snapshot-name.ts): said as its pattern.
		const aside = rolledBackFolder(this.entries) ?? files.join(snapshotParent, snapshotName(syncagnt, 'YYYYMMDD-HHMMSS', undefined, 'rolled-back'));
		const moved = this.stepBegan('move-aside');
		const copied = this.stepBegan('copy-backup');
		const seconds = Math.round(this.timings.serviceTimeoutMs / 1000);
		return {
			moved,
			copied,
			anyCopied: this.entries.some(e => e.type === 'copied'),
			...rolledBackSoFar(this.entries, files, this.snapshot),
			sent: this.stepBegan('synchronize'),
			aside,
			syncagnt,
			service: rollbackServiceLine(this.start.serviceBefore, serviceNow, moved || copied, seconds, this.target.service.stuck),
		};
	}

	get backup(): string {
		return this.start.backup!;
	}

	private get files(): DatabaseFiles {
		return this.target.database.files;
	}

	private inSyncagnt(name: string): string {
		return this.files.join(this.target.database.syncagnt, name);
	}

	private inSnapshot(name: string): string {
		return this.files.join(this.snapshot, name);
	}

	/**
	 * The rule of the repair's `stopsFirst` (repair-and-check.ts): the plan's first step fits the state found, so
	 * no "Stop MSSYNC" when this run found it stopped; a run that began with the step keeps it on resume.
	 */
	steps(): StepDef[] {
		const stopFirst = this.start.serviceBefore !== 'STOPPED' || this.entries.some(e => 'step' in e && e.step === 'stop-service');
		const steps = RESTORE_STEPS.filter(s => stopFirst || s.id !== 'stop-service').map(s =>
			s.id === 'synchronize' && !this.target.sync ? {...s, manual: true} : s,
		);
		return withSynchronizeChosen(steps, this.start.synchronize);
	}

	/** What the move-aside step would move now: the databases and every JET log, checkpoint, reserve log and patch file. */
	async previewMoveAside(): Promise<string[]> {
		return (await this.files.list(this.target.database.syncagnt)).filter(isStaleInLiveFolder).sort();
	}

	/** The backup's files as bound when the run began (a journal from before that binding: bound now, once). */
	async validatedFiles(): Promise<ValidatedFile[]> {
		const entry = this.entries.find(e => e.type === 'backup-validated');
		if (entry) return entry.files;
		const validated = await validateAndBind(this.backup, this.target.database.syncagnt);
		await this.record({type: 'backup-validated', files: validated});
		return validated;
	}

	/** What the copy step copies: the backup's databases, JET*.LOG and *.PAT, as validated. */
	async previewCopy(): Promise<FileToCopy[]> {
		return (await this.validatedFiles()).map(f => ({name: f.name, size: f.size}));
	}

	/** What a step will change, in the words its confirmation shows (`restore-changes.ts`). */
	describeChanges(step: string): Promise<string[]> {
		return describeRestoreChanges(this, step);
	}

	whereThingsAre(): string[] {
		const ended = this.entries.some(e => e.type === 'run-ended' && e.outcome === 'rolled-back');
		const aside = rolledBackFolder(this.entries);
		if (ended) {
			return [
				...(aside && this.entries.some(e => e.type === 'move' && e.to.startsWith(aside)) ? [`The restored files were moved to ${aside}.`] : []),
				`The journal of this run: ${this.journalPath}`,
			];
		}
		// Only once something was moved: a run stopped before "Move aside" replaced nothing.
		const moved = this.originalMoves().length;
		// A roll back that stopped after it put originals back (MSSYNC would not start, say): they are in SYNCAGNT, not the snapshot.
		const snapshotPrefix = this.files.join(this.snapshot, '');
		const back = new Set(this.entries.flatMap(e => (e.type === 'moved' && e.from.startsWith(snapshotPrefix) ? [e.from] : []))).size;
		const where =
			moved === 0
				? []
				: back >= moved
					? [
							`The original files are back in ${this.target.database.syncagnt}.`,
							...(aside && this.entries.some(e => e.type === 'moved' && e.to.startsWith(aside)) ? [`The restored files were moved to ${aside}.`] : []),
						]
					: back > 0
						? [`${back} of the ${moved} original files are back in SYNCAGNT; the others are kept in ${this.snapshot}.`]
						: [`The replaced files are kept in ${this.snapshot}.`];
		return [...where, `The journal of this run: ${this.journalPath}`];
	}

	protected perform(stepId: string, hooks: RunHooks): Promise<StepOutcome> {
		switch (stepId as RestoreStepId) {
			case 'stop-service':
				return stopService(this.target.service, this.timings, hooks);
			case 'move-aside':
				return this.moveAside(hooks);
			case 'copy-backup':
				return this.copyBackup(hooks);
			case 'start-service':
				return this.startAfterCheck(hooks);
			case 'synchronize':
				return this.synchronize(hooks);
		}
		return Promise.resolve({status: 'failed', message: `unknown step ${stepId}`, advice: 'start again'});
	}

	/** The originals this run moved into the snapshot, one per name. */
	private originalMoves(): MoveEntry[] {
		return originalMoves(this.entries, this.files, this.snapshot);
	}

	/** A rename journaled before and after: a cut between the two is read back from the disk. An original carries its digest. */
	private async move(from: string, to: string, digest?: FileDigest): Promise<void> {
		await this.record({type: 'move', from, to, ...(digest ? {size: digest.size, sha256: digest.sha256} : {})});
		await this.files.rename(from, to);
		await this.record({type: 'moved', from, to});
	}

	private async moveAside(hooks: RunHooks): Promise<StepOutcome> {
		const refused = await requireStopped(this.target.service, hooks);
		if (refused) return refused;
		const names = await this.previewMoveAside();
		await this.files.mkdir(this.snapshot);
		await this.files.flush(this.target.database.snapshotParent);
		await this.record({type: 'step-plan', step: 'move-aside', files: names});
		for (const name of names) {
			if (await this.files.stat(this.inSnapshot(name))) {
				return {
					status: 'failed',
					message: `the snapshot already holds a ${name}: refusing to overwrite it`,
					advice: `look in ${this.snapshot}; move that file elsewhere, then retry`,
				};
			}
			// Known by its bytes: one streaming read of the original just before it moves, journaled with the move.
			await this.move(this.inSyncagnt(name), this.inSnapshot(name), await this.files.digest(this.inSyncagnt(name), hooks.signal));
		}
		await this.files.flush(this.target.database.syncagnt);
		await this.files.flush(this.snapshot);
		const moved = this.originalMoves().length;
		return {status: 'done', summary: `${moved} file${moved === 1 ? '' : 's'} moved into ${this.snapshot}`, details: names};
	}

	private async copyBackup(hooks: RunHooks): Promise<StepOutcome> {
		const refused = await requireStopped(this.target.service, hooks);
		if (refused) return refused;
		const validated = await this.validatedFiles();
		await this.record({type: 'step-plan', step: 'copy-backup', files: validated.map(f => f.name)});
		const changed = await backupStillAsValidated(this.backup, validated);
		if (changed) return changed;
		// Into SYNCAGNT itself (KB Q148678), the database pages verified as each copy is read back.
		const result = await copyValidatedFiles(
			{
				files: this.files,
				service: this.target.service,
				backup: this.backup,
				validated,
				copied: new Set(this.entries.flatMap(e => (e.type === 'copied' ? [e.name] : []))),
				record: entry => this.record(entry),
				destination: name => this.inSyncagnt(name),
				volume: this.target.database.syncagnt,
				where: 'in place',
				notOurs: (name, copiedByThisRun) => ({
					message: copiedByThisRun
						? `${name} in SYNCAGNT is no longer the copy this run verified: it was changed after it was copied`
						: `SYNCAGNT already holds a ${name} that this run did not copy`,
					advice:
						'roll back (the original database comes back, and what is in SYNCAGNT now is kept aside), or move that file out of SYNCAGNT yourself and retry',
				}),
				verifyPages: true,
			},
			hooks,
		);
		if (result.status !== 'copied') return result;
		const {bytesTotal, pagesVerified} = result;
		// The last query was just before the last rename into place (or at the step's start): every file went in with MSSYNC stopped.
		this.copiesChecked = true;
		return {
			status: 'done',
			summary: `${validated.length} files (${formatBytes(bytesTotal)}) copied: each ${this.files.verification}, and matching the backup as validated${pagesVerified ? `; ${pagesVerified.toLocaleString('en-US')} database pages verified in the copies` : ''}`,
			details: validated.map(f => f.name),
		};
	}

	/** The copies in SYNCAGNT were put there or read by this process (a resumed run reads them once, before MSSYNC starts). */
	private copiesChecked = false;

	/**
	 * A resumed run reads every file the copy put in SYNCAGNT before MSSYNC starts on them: each must still
	 * be the bytes validated. Once MSSYNC has started, the files are DSMN's (it changes them as it works).
	 */
	private async recheckCopies(): Promise<{failed?: StepOutcome; note?: string}> {
		if (this.copiesChecked || !this.finishedSteps().includes('copy-backup')) return {};
		const validated = await this.validatedFiles();
		for (const file of validated) {
			const path = this.inSyncagnt(file.name);
			const facts = await this.files.stat(path);
			const found = facts ? await this.files.digest(path) : undefined;
			if (found?.sha256 === file.sha256 && found.size === file.size) continue;
			const what = found
				? `is not what this run copied: ${found.size} bytes (copied: ${file.size}), modified ${new Date(facts!.mtimeMs).toISOString().slice(0, 19).replace('T', ' ')} UTC, SHA-256 ${found.sha256.slice(0, 16)}… (copied: ${file.sha256.slice(0, 16)}…)`
				: 'is gone';
			return {
				failed: {
					status: 'failed',
					message: `${file.name} in SYNCAGNT ${what}: checked before MSSYNC starts on it; nothing was started`,
					advice: `find out who changed it. Then either put the backup's ${file.name} back in its place and retry, or roll back: the roll back moves ${found ? `${file.name} as it is now (kept, said to be changed) into the rolled-back folder with the files this run copied` : 'the files this run copied into the rolled-back folder (kept)'}, and puts the originals back`,
				},
			};
		}
		this.copiesChecked = true;
		return {note: `the ${validated.length} files already in SYNCAGNT read again: each still the validated bytes (SHA-256)`};
	}

	private async startAfterCheck(hooks: RunHooks): Promise<StepOutcome> {
		const check = await this.recheckCopies();
		if (check.failed) return check.failed;
		const outcome = await startService(this.target.service, this.timings, hooks, this.target.startRefusedOnPurpose?.bind(this.target));
		return outcome.status === 'done' && check.note ? {...outcome, summary: `${outcome.summary}; before it, ${check.note}`} : outcome;
	}

	/** Puts SYNCAGNT back as it was, as a journaled sequence of its own (`restore-rollback.ts`). */
	async rollback(hooks: RunHooks = {}): Promise<StepOutcome> {
		const refused = await this.holdServer();
		if (refused) return refused;
		return rollBackRestore(
			{
				target: this.target,
				entries: this.entries,
				snapshot: this.snapshot,
				serviceBefore: this.start.serviceBefore,
				timings: this.timings,
				record: entry => this.record(entry),
				move: (from, to) => this.move(from, to),
				end: outcome => this.end(outcome),
			},
			hooks,
		);
	}
}
