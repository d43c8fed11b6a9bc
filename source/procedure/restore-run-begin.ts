/**
 * The beginning both restore-shaped runs share (ARCHITECTURE.md, "The run and its journal"): the restore
 * over the database (KB Q148678, `restore-run.ts`) and the restore onto a new PDC (KB Q154761,
 * `new-pdc-run.ts`). The backup is validated and its bytes bound to the run, the journal's first line is
 * written (flow "restore", the synchronize chosen, and what the run adds: the snapshot folder, or pdc
 * "new"), then the binding is journaled before any step can run.
 */
import type {JournalEntry, RunStarted} from '../journal/entries.js';
import type {Journal, NewEntry} from '../journal/journal.js';
import type {Target} from '../targets/capabilities.js';
import type {CommandListener} from '../targets/run-command.js';
import {validateAndBind} from './backup-binding.js';
import {JournaledRun, startJournal} from './journaled-run.js';
import {defaultTimings, type RunTimings} from './mssync-service.js';
import type {RunHooks, StepOutcome} from './procedure-run.js';
import {synchronizeStep} from './synchronize-step.js';

export type RestoreBeginOptions = {now?: Date; timings?: RunTimings; onCommand?: CommandListener; synchronize?: 'normal' | 'full'};

/** What the run adds to the journal's first line, decided once the backup is bound (`now`: the run's start). */
type StartFields = (now: Date) => Promise<Partial<Pick<RunStarted, 'snapshot' | 'pdc'>>>;

/** The run made from its journal, its entries so far and its timings: the caller's own constructor. */
type MakeRun<R> = (journal: Journal, start: RunStarted, entries: JournalEntry[], timings: RunTimings) => R;

export async function beginRestoreShaped<R>(target: Target, backup: string, options: RestoreBeginOptions, fields: StartFields, make: MakeRun<R>): Promise<R> {
	const now = options.now ?? new Date();
	const validated = await validateAndBind(backup, target.database.syncagnt);
	const {journal, start} = await startJournal(
		target,
		now,
		{flow: 'restore', backup, ...(await fields(now)), ...(options.synchronize ? {synchronize: options.synchronize} : {})},
		options.onCommand,
	);
	const bound: NewEntry = {type: 'backup-validated', files: validated};
	await journal.append(bound);
	return make(journal, start, [start, {...bound, at: new Date().toISOString()}], options.timings ?? defaultTimings());
}

/** What both restore-shaped runs are made of: a journaled run with MSSYNC's timings. */
export abstract class RestoreShapedRun extends JournaledRun {
	protected constructor(
		target: Target,
		journal: Journal,
		start: RunStarted,
		entries: JournalEntry[],
		protected readonly timings: RunTimings,
	) {
		super(target, journal, start, entries);
	}

	/** The last step, the same in both: "Synchronize all servers", or "Fully…" as chosen; a manual step where the tool cannot run it. */
	protected async synchronize(hooks: RunHooks): Promise<StepOutcome> {
		if (!this.target.sync) return {status: 'manual', instructions: await this.describeChanges('synchronize')};
		return synchronizeStep(this.target, hooks, {full: this.start.synchronize === 'full'});
	}
}
