/**
 * The restore on a new PDC (KB Q154761): the PDC was lost, a BDC was promoted and DSMN installed on it
 * afresh. Stop MSSYNC, create the `Backup` subfolder of SYNCAGNT, copy the backup there (never into
 * SYNCAGNT itself), start MSSYNC (it takes its database from that subfolder), Synchronize all servers.
 * Journaled like the restore (ARCHITECTURE.md, "The run and its journal"): each step says "started" before
 * it touches anything and "finished" after; each copy is verified and journaled; run again, a step does only
 * what is left. Roll back moves the copies it made into a rolled-back folder (kept), removes the subfolder
 * when this run created it, and puts MSSYNC back as it was found (`new-pdc-rollback.ts`).
 *
 * API (stable; the wizard and the scripted run use it):
 *   NewPdcRun.begin(target, backup, {now?, timings?, onCommand?, synchronize?}) → a new run (journal flow
 *     "restore", pdc "new"); NewPdcRun.resume(target, unfinished, timings?) → the run found unfinished.
 *   run.flow === 'restore', run.pdc === 'new', run.backup, run.backupFolder, run.steps() (newPdcSteps),
 *   run.rollbackExplanation(),
 *   run.previewCopy(), run.describeChanges(step), run.whereThingsAre(), run.rollback(hooks).
 *   isNewPdcRun(start): whether a journal's first line began such a run.
 */
import {Journal, type UnfinishedRun} from '../journal/journal.js';
import type {RunStarted, ValidatedFile} from '../journal/entries.js';
import type {Target} from '../targets/capabilities.js';
import {formatBytes} from '../text/format.js';
import {backupStillAsValidated, copyValidatedFiles} from './restore-run-copy.js';
import {beginRestoreShaped, RestoreShapedRun, type RestoreBeginOptions} from './restore-run-begin.js';
import {defaultTimings, requireStopped, startService, stopService, type RunTimings} from './mssync-service.js';
import {cite} from './claims.js';
import {NEW_PDC_BACKUP_FOLDER, newPdcSteps} from './new-pdc.js';
import {rollBackNewPdc, NEW_PDC_FOLDER_PLAN} from './new-pdc-rollback.js';
import type {RunHooks, StepDef, StepOutcome} from './procedure-run.js';
import {rollbackServiceLine} from './rollback-service.js';
import {copiesMovedAside, rolledBackFolder} from './restore-rollback.js';
import {event8005Check, synchronizeChanges} from './synchronize-choice.js';
import {synchronizeInstructions} from './synchronize-step.js';
import {withSynchronizeChosen} from './synchronize-titled.js';

/** The first line of a journal began a restore on a new PDC (KB Q154761). */
export function isNewPdcRun(start: RunStarted): boolean {
	return start.flow === 'restore' && start.pdc === 'new';
}

export type NewPdcFileToCopy = {name: string; size: number};

export class NewPdcRun extends RestoreShapedRun {
	readonly flow = 'restore' as const;
	readonly pdc = 'new' as const;
	readonly canRollback = true;

	/** A new run on the validated backup (`restore-run-begin.ts`): its first line says pdc "new". */
	static begin(target: Target, backup: string, options: RestoreBeginOptions = {}): Promise<NewPdcRun> {
		return beginRestoreShaped(
			target,
			backup,
			options,
			async () => ({pdc: 'new'}),
			(journal, start, entries, timings) => new NewPdcRun(target, journal, start, entries, timings),
		);
	}

	static async resume(target: Target, run: UnfinishedRun, timings: RunTimings = defaultTimings()): Promise<NewPdcRun> {
		return new NewPdcRun(target, await Journal.reopen(run.path), run.start, run.entries, timings);
	}

	get backup(): string {
		return this.start.backup!;
	}

	/** SYNCAGNT\Backup on the target, in its own path syntax. */
	get backupFolder(): string {
		return this.target.database.files.join(this.target.database.syncagnt, NEW_PDC_BACKUP_FOLDER);
	}

	steps(): StepDef[] {
		return withSynchronizeChosen(newPdcSteps(!this.target.sync), this.start.synchronize);
	}

	protected sideEffectFreeFailure(): boolean {
		return this.entries.filter(e => e.type === 'step-started').every(e => e.type === 'step-started' && e.step === 'stop-service');
	}

	private validatedFiles(): ValidatedFile[] {
		const entry = this.entries.find(e => e.type === 'backup-validated');
		return entry?.type === 'backup-validated' ? entry.files : [];
	}

	/** What the copy step copies into SYNCAGNT\Backup: the backup's databases, JET*.LOG and *.PAT, as validated. */
	previewCopy(): Promise<NewPdcFileToCopy[]> {
		return Promise.resolve(this.validatedFiles().map(f => ({name: f.name, size: f.size})));
	}

	async describeChanges(step: string): Promise<string[]> {
		const {service} = this.target;
		switch (step) {
			case 'stop-service':
				return [`Runs ${service.describe('stop')}: the newly installed DSMN closes its empty database. A roll back starts it again.`];
			case 'copy-backup': {
				const files = await this.previewCopy();
				const total = files.reduce((n, f) => n + f.size, 0);
				return [
					`Creates ${this.backupFolder} (when absent) and copies ${files.length} files (${formatBytes(total)}) of ${this.backup} into it: ${files.map(f => f.name).join(', ')}.`,
					"Nothing in SYNCAGNT itself is replaced: the new installation's files stay where they are.",
					'A roll back moves these copies into a folder beside SYNCAGNT (kept) and removes the Backup subfolder when this run created it.',
				];
			}
			case 'start-service':
				return [
					`Runs ${service.describe('start')}: MSSYNC takes its database from the backup subfolder ${this.backupFolder} as it starts (${cite('new-pdc')}).`,
					"After that the database in SYNCAGNT is the backup's: a roll back then stops MSSYNC and moves the Backup copies aside, but the new installation's empty database is not kept.",
				];
			case 'synchronize': {
				const full = this.start.synchronize === 'full';
				if (!this.target.sync)
					return [
						...synchronizeInstructions(
							(await this.target.servers.list()).map(s => s.name),
							this.start.at,
							full,
						),
						...event8005Check(full ? 'full' : 'normal'),
					];
				// What the synchronize chosen does, that one's own sentence (ARCHITECTURE.md, "Synchronize all servers").
				return synchronizeChanges(full ? 'full' : 'normal', 'A roll back cannot undo it: what the servers received stays on them.');
			}
		}
		return [];
	}

	/** What the roll back's confirmation says it will do, and why (the wizard's `?`). */
	rollbackExplanation(serviceNow?: string): {changes: string[]; why: string; kb: string} {
		// Said from the journal: before the copy began nothing was made on disk (no copy, no Backup subfolder).
		const copyBegan = this.entries.some(e => e.type === 'step-started' && e.step === 'copy-backup');
		const dsmnRan = this.entries.some(e => e.type === 'step-started' && e.step === 'start-service');
		const seconds = Math.round(this.timings.serviceTimeoutMs / 1000);
		// Moved aside by an earlier roll back: not promised again, nor the stop that comes only with copies left or once MSSYNC ran (new-pdc-rollback.ts).
		const aside = copyBegan && copiesMovedAside(this.entries, this.target.database.files) ? rolledBackFolder(this.entries) : undefined;
		return {
			changes: [
				...(aside
					? [`The copies this run made are already in ${aside} (kept): an earlier roll back moved them, so this one moves none.`]
					: copyBegan
						? [
								`Moves the copies this run made in ${this.backupFolder} into a folder beside SYNCAGNT (kept),`,
								'and removes the Backup subfolder when this run created it and nothing else is in it.',
							]
						: ['Nothing had been changed on disk: the run copied no file and made no folder, so the roll back moves none.']),
				rollbackServiceLine(this.start.serviceBefore, serviceNow, (copyBegan && !aside) || dsmnRan, seconds, this.target.service.stuck),
			],
			why: "On a new PDC nothing of the new installation was replaced: the run only added the Backup subfolder's copies, so a roll back takes those away. Once MSSYNC has started on them, SYNCAGNT's database is the one MSSYNC took from the subfolder; the roll back says so.",
			kb: `The recovery on a new PDC (${cite('new-pdc')}) has no roll back: this is the tool keeping its promise that nothing is lost.`,
		};
	}

	whereThingsAre(): string[] {
		const ended = this.entries.some(e => e.type === 'run-ended' && e.outcome === 'rolled-back');
		const aside = rolledBackFolder(this.entries);
		const copied = this.entries.some(e => e.type === 'copied');
		if (ended) {
			return [
				...(aside && this.entries.some(e => e.type === 'move' && e.to.startsWith(aside)) ? [`The copies this run made were moved to ${aside}.`] : []),
				`The journal of this run: ${this.journalPath}`,
			];
		}
		return [...(copied ? [`The backup's copies are in ${this.backupFolder}.`] : []), `The journal of this run: ${this.journalPath}`];
	}

	protected perform(stepId: string, hooks: RunHooks): Promise<StepOutcome> {
		switch (stepId) {
			case 'stop-service':
				return stopService(this.target.service, this.timings, hooks);
			case 'copy-backup':
				return this.copyBackup(hooks);
			case 'start-service':
				return this.startAfterCheck(hooks);
			case 'synchronize':
				return this.synchronize(hooks);
		}
		return Promise.resolve({status: 'failed', message: `unknown step ${stepId}`, advice: 'start again'});
	}

	private inFolder(name: string): string {
		return this.target.database.files.join(this.backupFolder, name);
	}

	private async copyBackup(hooks: RunHooks): Promise<StepOutcome> {
		const refused = await requireStopped(this.target.service, hooks);
		if (refused) return refused;
		const {files} = this.target.database;
		const validated = this.validatedFiles();
		const changed = await backupStillAsValidated(this.backup, validated);
		if (changed) return changed;
		// The subfolder: made by this run (journaled first, so a roll back removes it) or found there already (left).
		const planned = this.entries.some(e => e.type === 'step-plan' && e.step === NEW_PDC_FOLDER_PLAN);
		if (!planned && !(await files.stat(this.backupFolder))) {
			await this.record({type: 'step-plan', step: NEW_PDC_FOLDER_PLAN, files: [], folder: this.backupFolder});
		}
		await files.mkdir(this.backupFolder);
		await files.flush(this.target.database.syncagnt);
		await this.record({type: 'step-plan', step: 'copy-backup', files: validated.map(f => f.name), folder: this.backupFolder});
		// Into the backup subfolder SYNCAGNT\Backup, not SYNCAGNT itself (KB Q154761): MSSYNC reads the database there as it starts.
		const result = await copyValidatedFiles(
			{
				files,
				service: this.target.service,
				backup: this.backup,
				validated,
				copied: new Set(this.entries.flatMap(e => (e.type === 'copied' ? [e.name] : []))),
				record: entry => this.record(entry),
				destination: name => this.inFolder(name),
				volume: this.target.database.syncagnt,
				where: `in ${this.backupFolder}`,
				notOurs: (name, copiedByThisRun) => ({
					message: copiedByThisRun
						? `${name} in ${this.backupFolder} is no longer the copy this run verified`
						: `${this.backupFolder} already holds a ${name} that this run did not copy: nothing was copied over it`,
					advice: `move that file out of ${this.backupFolder} (keep it), then retry; or roll back`,
				}),
				verifyPages: false,
			},
			hooks,
		);
		if (result.status !== 'copied') return result;
		const {bytesTotal} = result;
		await files.flush(this.backupFolder);
		return {
			status: 'done',
			summary: `${validated.length} files (${formatBytes(bytesTotal)}) copied into ${this.backupFolder}: each ${files.verification}, and matching the backup as validated`,
			details: validated.map(f => f.name),
		};
	}

	/** Before MSSYNC reads them: every copy in SYNCAGNT\Backup still the bytes this run verified. */
	private async startAfterCheck(hooks: RunHooks): Promise<StepOutcome> {
		const {files} = this.target.database;
		if (!this.entries.some(e => e.type === 'step-finished' && e.step === 'start-service')) {
			for (const file of this.validatedFiles()) {
				const path = this.inFolder(file.name);
				const found = (await files.stat(path)) ? await files.digest(path) : undefined;
				if (found?.sha256 === file.sha256 && found.size === file.size) continue;
				return {
					status: 'failed',
					message: `${file.name} in ${this.backupFolder} ${found ? 'is not what this run copied' : 'is gone'}: checked before MSSYNC starts on it; nothing was started`,
					advice: `find out who changed it; put the backup's ${file.name} back there and retry, or roll back`,
				};
			}
		}
		return startService(this.target.service, this.timings, hooks, this.target.startRefusedOnPurpose?.bind(this.target));
	}

	async rollback(hooks: RunHooks = {}): Promise<StepOutcome> {
		const refused = await this.holdServer();
		if (refused) return refused;
		return rollBackNewPdc(
			{
				target: this.target,
				entries: this.entries,
				backupFolder: this.backupFolder,
				serviceBefore: this.start.serviceBefore,
				timings: this.timings,
				record: entry => this.record(entry),
				end: outcome => this.end(outcome),
			},
			hooks,
		);
	}
}
