/**
 * What every run shares: the journal (written and flushed before and after each step), the order of
 * the steps, and manual steps — what no program can do on a real server, which the admin does and then
 * confirms. A manual step is never marked done without that confirmation.
 */
import {adviceForErrno} from '../fs/errno-advice.js';
import {Journal, journalName, type NewEntry} from '../journal/journal.js';
import type {JournalEntry, RunStarted} from '../journal/entries.js';
import type {ControlOptions, Target} from '../targets/capabilities.js';
import type {ProcedureRun, RunHooks, StepDef, StepOutcome} from './procedure-run.js';

export function adviceFor(error: unknown): string {
	return adviceForErrno(error);
}

/** A new run's journal with its first entry written: the flow, the target, MSSYNC as found, and what the flow adds. */
export async function startJournal(
	target: Target,
	now: Date,
	fields: Pick<RunStarted, 'flow'> & Partial<Omit<RunStarted, 'type' | 'runId' | 'target' | 'syncagnt' | 'serviceBefore' | 'at'>>,
	onCommand?: ControlOptions['onCommand'],
): Promise<{journal: Journal; start: RunStarted}> {
	const service = await target.service.query(onCommand ? {onCommand} : {});
	const name = journalName(target.host, now);
	const journal = await Journal.create(target.journalDir, name);
	const start: Omit<RunStarted, 'at'> = {
		type: 'run-started',
		runId: name.replace(/\.jsonl$/, ''),
		target: {kind: target.kind, description: target.description, location: target.location},
		syncagnt: target.database.syncagnt,
		serviceBefore: service.ok ? service.state : 'UNKNOWN',
		...fields,
	};
	await journal.append(start);
	return {journal, start: {...start, at: now.toISOString()}};
}

export abstract class JournaledRun implements ProcedureRun {
	abstract readonly flow: 'restore' | 'reconstruct';
	abstract readonly canRollback: boolean;
	protected readonly entries: JournalEntry[];

	protected constructor(
		readonly target: Target,
		protected readonly journal: Journal,
		readonly start: RunStarted,
		entries: JournalEntry[],
	) {
		this.entries = [...entries];
	}

	abstract steps(): StepDef[];
	abstract describeChanges(step: string): Promise<string[]>;
	abstract whereThingsAre(): string[];
	abstract rollback(hooks?: RunHooks): Promise<StepOutcome>;
	protected abstract perform(step: string, hooks: RunHooks): Promise<StepOutcome>;

	get journalPath(): string {
		return this.journal.path;
	}

	finishedSteps(): string[] {
		return this.entries.filter(e => e.type === 'step-finished').map(e => (e as {step: string}).step);
	}

	nextStep(): string | undefined {
		const done = new Set(this.finishedSteps());
		return this.steps().find(s => !done.has(s.id))?.id;
	}

	hasChangedAnything(): boolean {
		return this.entries.some(e => e.type === 'step-started');
	}

	/** The step waits for the admin: its instructions were given and it has not been confirmed since. */
	awaitingManual(step: string): boolean {
		const last = [...this.entries].reverse().find(e => 'step' in e && e.step === step && e.type !== 'interrupted');
		return last?.type === 'manual-step';
	}

	/** The admin says the manual step is done (the wizard's "I have done it", or a scripted --resume). */
	async confirmManual(step: string, note?: string): Promise<StepOutcome> {
		const summary = `done by the administrator, as confirmed${note ? `; ${note}` : ''}`;
		await this.record({type: 'step-finished', step, summary});
		return {status: 'done', summary};
	}

	protected async record(entry: NewEntry): Promise<void> {
		await this.journal.append(entry);
		this.entries.push({...entry, at: new Date().toISOString()} as JournalEntry);
	}

	async execute(step: string, hooks: RunHooks = {}): Promise<StepOutcome> {
		await this.record({type: 'step-started', step});
		let outcome: StepOutcome;
		try {
			outcome = await this.perform(step, hooks);
		} catch (error) {
			const hint = (error as {hint?: string}).hint;
			outcome = {status: 'failed', message: (error as Error).message, advice: hint ?? adviceFor(error)};
		}
		if (outcome.status === 'done') await this.record({type: 'step-finished', step, summary: outcome.summary});
		else if (outcome.status === 'failed') await this.record({type: 'step-failed', step, message: outcome.message});
		else if (outcome.status === 'manual') await this.record({type: 'manual-step', step, instructions: outcome.instructions.join('\n')});
		else await this.record({type: 'interrupted', step, signal: 'user'});
		return outcome;
	}

	async end(outcome: 'completed' | 'rolled-back' | 'abandoned'): Promise<void> {
		await this.record({type: 'run-ended', outcome});
		await this.journal.close();
	}

	async noteInterrupted(signal: string, step?: string): Promise<void> {
		await this.record({type: 'interrupted', signal, ...(step ? {step} : {})});
	}
}
