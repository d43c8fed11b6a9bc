/**
 * The repair before a restore (KB Q197852): MSSYNC will not start after a crash or a power cut, so
 * `dsmpack /r` repairs and compacts the database in SYNCAGNT with MSSYNC stopped, keeping the database as
 * it was in mssync.bkp; then MSSYNC is started, which is the check that the repair worked. Journaled like
 * every run (ARCHITECTURE.md, "The run and its journal"). dsmpack runs at the server's own console: on a
 * real server its step is manual (instructions, then the admin's confirmation, then the tool looks for
 * mssync.bkp); the lab runs its own dsmpack. Non-destructive: nothing is replaced by the tool, so there is
 * no roll back; the run says what it changed (MSSYNC.MDB repaired in place, mssync.bkp kept beside it). An
 * mssync.bkp an earlier repair left is moved aside first (dsmpack /r would replace it), never deleted.
 *
 * API (stable; the wizard and the scripted run use it):
 *   RepairRun.begin(target, {now?, timings?, onCommand?}) → a new run (journal flow "repair");
 *   RepairRun.resume(target, unfinished, timings?) → the run found unfinished;
 *   run.flow === 'repair', run.canRollback === false, run.steps() (repairSteps), run.describeChanges(step),
 *   run.whereThingsAre(), run.afterRepair() (what to do next, with the optional DSMDUMP/DSMCHK check).
 */
import {Journal, type UnfinishedRun} from '../journal/journal.js';
import type {JournalEntry, MoveEntry, RunStarted} from '../journal/entries.js';
import type {Target} from '../targets/capabilities.js';
import type {CommandListener} from '../targets/run-command.js';
import {JournaledRun, startJournal} from './journaled-run.js';
import {defaultTimings, requireStopped, startService, stopService, type RunTimings} from './mssync-service.js';
import type {RunHooks, StepDef, StepOutcome} from './procedure-run.js';
import {afterRepairLines, DSMPACK_KEPT, repairSteps, stopsFirst, syncagntAtConsole} from './repair-and-check.js';
import {cite} from './claims.js';

export {DSMPACK_KEPT} from './repair-and-check.js';

/** Whether the repair can be undone, true to what is kept: the tool has no roll back for it, and leaves dsmpack's copy in place. */
export const REPAIR_UNDO = `It cannot be undone by this tool: a repair has no roll back. The database as it was stays in SYNCAGNT as ${DSMPACK_KEPT}, which the tool never deletes; if MSSYNC still will not start, restore from a backup.`;

export class RepairRun extends JournaledRun {
	readonly flow = 'repair' as const;
	readonly canRollback = false;

	private constructor(
		target: Target,
		journal: Journal,
		start: RunStarted,
		entries: JournalEntry[],
		private readonly timings: RunTimings,
		/** Whether the run stops MSSYNC first: not when it was found stopped (it will not start), see `stopsFirst`. */
		private readonly stopFirst: boolean,
	) {
		super(target, journal, start, entries);
	}

	static async begin(target: Target, options: {now?: Date; timings?: RunTimings; onCommand?: CommandListener} = {}): Promise<RepairRun> {
		const stopFirst = await stopsFirst(target, [], options.onCommand);
		const {journal, start} = await startJournal(target, options.now ?? new Date(), {flow: 'repair'}, options.onCommand);
		return new RepairRun(target, journal, start, [start], options.timings ?? defaultTimings(), stopFirst);
	}

	static async resume(target: Target, run: UnfinishedRun, timings: RunTimings = defaultTimings()): Promise<RepairRun> {
		const stopFirst = await stopsFirst(target, run.entries);
		return new RepairRun(target, await Journal.reopen(run.path), run.start, run.entries, timings, stopFirst);
	}

	steps(): StepDef[] {
		return repairSteps(!this.target.repair, this.stopFirst);
	}

	protected sideEffectFreeFailure(): boolean {
		return this.entries.filter(e => e.type === 'step-started').every(e => e.type === 'step-started' && e.step === 'stop-service');
	}

	private get syncagnt(): string {
		return this.target.database.syncagnt;
	}

	/** The database commands as typed at the PDC's prompt, for this target's SYNCAGNT (MSSYNC stopped, by the tool when it was running). */
	consoleInstructions(): string[] {
		return [
			`At the PDC, open a command prompt and type, one line at a time: cd /d ${syncagntAtConsole(this.syncagnt)}  then  dsmpack /r`,
			`dsmpack prints "Initiating DEFRAGMENTATION mode (with REPAIR option)" and ends with "Operation completed successfully"; the database as it was is kept as ${DSMPACK_KEPT} (${cite('dsmpack', ['Q197852'])}).`,
			'Do not start MSSYNC yourself: once you confirm, the tool looks for mssync.bkp and starts MSSYNC, which is the check that the repair worked.',
			'If dsmpack reports an error instead, do not delete anything: confirm nothing, and restore the database from a backup (--flow restore).',
		];
	}

	describeChanges(step: string): Promise<string[]> {
		const {service} = this.target;
		switch (step) {
			case 'stop-service':
				return Promise.resolve([`Runs ${service.describe('stop')} when MSSYNC runs or tries to start: dsmpack needs the database closed.`]);
			case 'dsmpack':
				// The confirmation's last line says whether the step can be undone (ARCHITECTURE.md, "Layout at any size"), and names mssync.bkp.
				return this.earlierKeptLines().then(kept => [
					...(this.target.repair
						? [`Runs dsmpack /r in ${this.syncagnt}: MSSYNC.MDB is repaired and compacted in place.`, ...kept]
						: [...kept, ...this.consoleInstructions()]),
					REPAIR_UNDO,
				]);
			case 'start-service':
				return Promise.resolve([
					`Runs ${service.describe('start')}, then ${service.describe('query')} until it reports RUNNING: if it starts, the repair worked.`,
					'If it still will not start, nothing more is changed: restore the database from a backup (KB Q148678).',
				]);
		}
		return Promise.resolve([]);
	}

	/** Before the dsmpack step: the mssync.bkp an earlier repair left, moved aside first (dsmpack /r would replace it). */
	private async earlierKeptLines(): Promise<string[]> {
		const aside = this.keptAside();
		if (aside) return [`The ${DSMPACK_KEPT} an earlier repair left is kept, moved aside as ${aside}.`];
		if (this.entries.some(e => e.type === 'file-before' && e.step === 'dsmpack')) return [];
		if (!(await this.target.database.files.stat(this.keptPath))) return [];
		return [`An ${DSMPACK_KEPT} is already there (an earlier repair's): dsmpack /r would replace it, so it is moved aside first as ${this.asidePath}.`];
	}

	whereThingsAre(): string[] {
		const repaired = this.finishedSteps().includes('dsmpack');
		const aside = this.entries.some(e => e.type === 'moved' && e.from === this.keptPath) ? this.keptAside() : undefined;
		return [
			...(aside ? [`The ${DSMPACK_KEPT} an earlier repair left (the database before that repair) is kept as ${aside}.`] : []),
			// Said once at the end, with what to do with it (not also in the summary's first line or its next steps).
			...(repaired
				? [
						`The database as it was before the repair is kept as ${this.target.database.files.join(this.syncagnt, DSMPACK_KEPT)}: keep it until every server shows a blue check.`,
					]
				: []),
			`The journal of this run: ${this.journalPath}`,
		];
	}

	/** Once MSSYNC runs again: what the admin does next; in the practice lab, the servers still red and its own synchronize command. */
	afterRepair(domain?: string, lab?: {red: readonly string[]; sync: string; status: string}): string[] {
		return lab ? afterRepairLines(lab.red, domain, undefined, true, lab) : afterRepairLines(undefined, domain);
	}

	protected perform(stepId: string, hooks: RunHooks): Promise<StepOutcome> {
		switch (stepId) {
			case 'stop-service':
				return stopService(this.target.service, this.timings, hooks, this.canRollback);
			case 'dsmpack':
				return this.dsmpack(hooks);
			case 'start-service':
				return this.startAndCheck(hooks);
		}
		return Promise.resolve({status: 'failed', message: `unknown step ${stepId}`, advice: 'start again'});
	}

	private async dsmpack(hooks: RunHooks): Promise<StepOutcome> {
		const refused = await requireStopped(this.target.service, hooks);
		if (refused) return refused;
		await this.setAsideEarlierKept();
		await this.noteKeptBefore();
		const aside = this.keptAside();
		const kept = aside ? [`The ${DSMPACK_KEPT} an earlier repair left was moved aside first, not replaced: it is now ${aside}.`] : [];
		if (!this.target.repair) return {status: 'manual', instructions: [...kept, ...this.consoleInstructions()]};
		const printed = await this.target.repair.dsmpack();
		return {
			status: 'done',
			summary: `dsmpack /r repaired MSSYNC.MDB in place; the database as it was is kept as ${DSMPACK_KEPT}${aside ? ` (the earlier one moved aside as ${aside})` : ''}`,
			details: [...kept, ...printed],
		};
	}

	/** Where this run puts the mssync.bkp an earlier repair left, beside it: named after the run's start, so a resume finds the same name. */
	private get asidePath(): string {
		const stamp = this.start.at.replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
		return `${this.keptPath}.before-${stamp}`;
	}

	/** The earlier mssync.bkp this run moved aside, once moved (read from the journal): undefined when there was none. */
	private keptAside(): string | undefined {
		return this.entries.find((e): e is MoveEntry => e.type === 'move' && e.from === this.keptPath)?.to;
	}

	/**
	 * dsmpack /r replaces mssync.bkp: one an earlier repair left (the only copy of the database before that
	 * repair) is moved aside first, once per run, journaled before and after like the restore's snapshot
	 * (ARCHITECTURE.md, "The run and its journal": the repair); a cut between the two is read back from the disk on resume.
	 */
	private async setAsideEarlierKept(): Promise<void> {
		if (this.entries.some(e => e.type === 'file-before' && e.step === 'dsmpack')) return;
		const files = this.target.database.files;
		const planned = this.keptAside();
		if (planned) {
			if (this.entries.some(e => e.type === 'moved' && e.from === this.keptPath)) return;
			if (!(await files.stat(planned))) await files.rename(this.keptPath, planned);
		} else {
			if (!(await files.stat(this.keptPath))) return;
			const to = this.asidePath;
			const digest = await files.digest(this.keptPath);
			await this.record({type: 'move', from: this.keptPath, to, size: digest.size, sha256: digest.sha256});
			await files.rename(this.keptPath, to);
		}
		await files.flush(this.syncagnt);
		await this.record({type: 'moved', from: this.keptPath, to: this.keptAside()!});
	}

	/** dsmpack /r at the PDC's prompt leaves mssync.bkp in SYNCAGNT: without one written since the step began, the step is not marked done. */
	protected override readonly manualChecks = {dsmpack: () => this.dsmpackKept()};

	private get keptPath(): string {
		return this.target.database.files.join(this.syncagnt, DSMPACK_KEPT);
	}

	/**
	 * Journals mssync.bkp as the dsmpack step finds it, once per run (a retry keeps the first): an earlier
	 * repair may have left one, and only a file that was absent then, or has changed since, shows that
	 * dsmpack ran in this run. Kept in the journal, as the confirmation may come in another process (--resume).
	 */
	private async noteKeptBefore(): Promise<void> {
		if (this.entries.some(e => e.type === 'file-before' && e.step === 'dsmpack')) return;
		const facts = await this.target.database.files.stat(this.keptPath);
		await this.record({type: 'file-before', step: 'dsmpack', path: this.keptPath, ...(facts ? {size: facts.size, mtimeMs: facts.mtimeMs} : {})});
	}

	/**
	 * Whether mssync.bkp is one dsmpack wrote in this run: "missing", "stale" (the same size and time as
	 * when the step began), or undefined when it is there and new. A journal begun before this record was
	 * kept holds none: there, as before, the file being there is all that is checked.
	 */
	private async keptByThisRun(): Promise<'missing' | 'stale' | undefined> {
		const now = await this.target.database.files.stat(this.keptPath);
		if (!now) return 'missing';
		const before = this.entries.find(e => e.type === 'file-before' && e.step === 'dsmpack');
		if (before?.type !== 'file-before' || before.size === undefined) return undefined;
		return before.size === now.size && before.mtimeMs === now.mtimeMs ? 'stale' : undefined;
	}

	/** Why mssync.bkp does not show that dsmpack ran, ending with what was not done: undefined when it does. */
	private async keptProblem(notDone: string): Promise<Extract<StepOutcome, {status: 'failed'}> | undefined> {
		const kept = await this.keptByThisRun();
		if (!kept) return undefined;
		const began = this.entries.find(e => e.type === 'file-before' && e.step === 'dsmpack')?.at;
		const since = `since this step began${began ? ` at ${began.slice(0, 10)} ${began.slice(11, 19)} UTC` : ''}`;
		const why =
			kept === 'missing'
				? `there is no ${DSMPACK_KEPT} in ${this.syncagnt}: dsmpack /r writes one there, so it has not run ${since}`
				: `the ${DSMPACK_KEPT} in ${this.syncagnt} was not written ${since} (the same size and time as then): dsmpack /r has not run since`;
		const run = `run dsmpack /r in ${syncagntAtConsole(this.syncagnt)} at the PDC's prompt with MSSYNC stopped, then retry this step (scripted: run again with --resume)`;
		return {
			status: 'failed',
			message: `${why}; ${notDone}`,
			// dsmpack /r replaces mssync.bkp: the one there may be the only copy of the database before an earlier repair.
			advice:
				kept === 'stale'
					? `first copy ${this.keptPath} somewhere safe (dsmpack /r replaces it, and it may be the only copy of the database before an earlier repair); then ${run}`
					: run,
		};
	}

	private dsmpackKept(): Promise<Extract<StepOutcome, {status: 'failed'}> | undefined> {
		return this.keptProblem('the step is not marked done and MSSYNC was not started');
	}

	/** After the admin's confirmation on a real server: mssync.bkp written by this run's dsmpack, then MSSYNC starts. */
	private async startAndCheck(hooks: RunHooks): Promise<StepOutcome> {
		const kept = await this.keptProblem('MSSYNC was not started');
		if (kept) return kept;
		const outcome = await startService(this.target.service, this.timings, hooks);
		if (outcome.status === 'failed')
			return {
				...outcome,
				message: `${outcome.message}: the repair did not bring MSSYNC back`,
				advice: `restore the database from a backup (dsmn-resync --flow restore --backup DIR); ${DSMPACK_KEPT} stays in SYNCAGNT`,
			};
		return outcome.status === 'done' ? {...outcome, summary: `${outcome.summary}: the repair worked (${DSMPACK_KEPT} kept)`} : outcome;
	}

	async rollback(): Promise<StepOutcome> {
		return Promise.resolve({
			status: 'failed',
			message: 'a repair cannot be rolled back by the tool: dsmpack repaired the database in place',
			advice: `the database as it was is kept as ${DSMPACK_KEPT} in SYNCAGNT; to go on, restore from a backup (--flow restore)`,
		});
	}
}
