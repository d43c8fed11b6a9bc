/**
 * What every run shares: the journal (written and flushed before and after each step), the order of
 * the steps, and manual steps — what no program can do on a real server, which the admin does and then
 * confirms. A manual step is never marked done without that confirmation.
 */
import {adviceOf} from '../advice/causes.js';
import {adviceForError} from '../advice/parse-cause.js';
import {HintedError, hintOf} from '../errors/hinted-error.js';
import {CommandNotFoundError} from '../targets/run-command.js';
import {Journal, journalName, type NewEntry, type RunOwner} from '../journal/journal.js';
import type {JournalEntry, RunStarted} from '../journal/entries.js';
import {runStanding, type RunStanding} from './run-standing.js';
import type {ControlOptions, Target} from '../targets/capabilities.js';
import type {ProcedureRun, RunHooks, StepDef, StepOutcome} from './procedure-run.js';
import {lockFolder, ServerBusyError, ServerLock, type LockTimings, type ServerRefusal} from './server-lock.js';

/** The advice of the one table of causes (advice/causes.ts) for an error that carries no hint of its own. */
export function adviceFor(error: unknown): string {
	return adviceForError(error);
}

/** The target a run belongs to, as its journal's first line records it. */
export function ownerOf(target: Target): RunOwner {
	return {kind: target.kind, location: target.location, syncagnt: target.database.syncagnt};
}

/** The key of the target's lock: one run per target at a time, across processes. */
export function lockKey(target: Target): string {
	const {kind, location, syncagnt} = ownerOf(target);
	return kind === 'lab' ? `lab|${location}` : `${kind}|${location.toUpperCase()}|${syncagnt.replace(/\\/g, '/').toUpperCase()}`;
}

/** The command that continues (or rolls back) a run of another target: shown, never run. */
export function commandFor(start: RunStarted, verb: 'resume' | 'rollback'): string {
	const {kind, location} = start.target;
	const quote = (s: string) => (/[\s"']/.test(s) ? JSON.stringify(s) : s);
	if (kind === 'lab') return `dsmn-resync --lab ${quote(location)} --${verb}`;
	if (kind === 'windows') return `dsmn-resync --target windows --syncagnt ${quote(start.syncagnt)} --${verb}`;
	return `dsmn-resync --target remote --host ${quote(location)} --syncagnt ${quote(start.syncagnt)} --${verb}`;
}

/** A new run's journal with its first entry written: the flow, the target, MSSYNC as found, and what the flow adds. */
export async function startJournal(
	target: Target,
	now: Date,
	fields: Pick<RunStarted, 'flow'> & Partial<Omit<RunStarted, 'type' | 'runId' | 'target' | 'syncagnt' | 'serviceBefore' | 'at'>>,
	onCommand?: ControlOptions['onCommand'],
): Promise<{journal: Journal; start: RunStarted}> {
	// A query that could not be run (it timed out, the program went missing since the preflight) is a failed query: the run does not begin.
	const service = await target.service.query(onCommand ? {onCommand} : {}).catch((error: unknown) => {
		throw new HintedError(
			`${target.service.serviceName} could not be asked for its state as the run began: ${(error as Error).message}. Nothing was changed`,
			error instanceof CommandNotFoundError && error.timedOut ? adviceOf('timed-out') : adviceFor(error),
		);
	});
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

/** A roll back of this run began: neither a step nor a manual step's confirmation may go on (ARCHITECTURE.md, "The run and its journal"). */
const ROLLBACK_BEGAN: StepOutcome = {
	status: 'failed',
	message: 'a roll back of this run began and did not finish: its steps cannot be resumed',
	advice: 'roll back again (--rollback): it continues from where the earlier roll back stopped',
};

export abstract class JournaledRun implements ProcedureRun {
	abstract readonly flow: 'restore' | 'reconstruct' | 'repair';
	abstract readonly canRollback: boolean;
	protected readonly entries: JournalEntry[];
	private serverLock: ServerLock | undefined;
	/** Who held the server when this process was last refused its writer lock. */
	private refusedBy: ServerRefusal | undefined;
	/** The last command the step under way sent (journaled when it ends, or when the run is cut off during it). */
	private stepCommand: string | undefined;
	/** Break the server's writer lock when its holder is believed gone (--break-lock; the wizard's typed confirmation). */
	breakLockIfGone = false;
	/** The writer lock's refresh and staleness (tests shorten them). */
	lockTimings: LockTimings | undefined;

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
	/** How each server this run changed stands now: only a reconstruct changes NetWare servers. */
	serversStanding(): string[] {
		return [];
	}
	abstract rollback(hooks?: RunHooks): Promise<StepOutcome>;
	protected abstract perform(step: string, hooks: RunHooks): Promise<StepOutcome>;

	get journalPath(): string {
		return this.journal.path;
	}

	/** How the run was left, read from its journal (run-standing.ts). */
	standing(): RunStanding {
		return runStanding(this.entries);
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
		if (this.rollbackBegan()) return ROLLBACK_BEGAN;
		// What can be seen of the step is checked before it is marked done: a ✓ is never shown before its check.
		const unseen = await this.manualChecks[step]?.();
		if (unseen) return unseen;
		const summary = `done by the administrator, as confirmed${note ? `; ${note}` : ''}`;
		await this.record({type: 'step-finished', step, summary});
		return {status: 'done', summary};
	}

	/** Per manual step, the trace the tool can check before it takes the admin's word (none by default): the refusal, or undefined. */
	protected readonly manualChecks: Readonly<Record<string, () => Promise<Extract<StepOutcome, {status: 'failed'}> | undefined>>> = {};

	protected async record(entry: NewEntry): Promise<void> {
		await this.journal.append(entry);
		this.entries.push({...entry, at: new Date().toISOString()});
	}

	/** The journal says this step began (finished or not): what it may have changed is to be undone. */
	stepBegan(step: string): boolean {
		return this.entries.some(e => e.type === 'step-started' && e.step === step);
	}

	/** A roll back of this run began: it is finished by rolling back again, never by resuming the steps. */
	rollbackBegan(): boolean {
		return this.entries.some(e => e.type === 'step-started' && e.step === 'rollback');
	}

	/**
	 * The server's writer lock, taken before this process changes anything (a step, a roll back) and kept
	 * until the run ends: undefined once held, or the refusal, with nothing changed. The same run (resumed
	 * after a crash, a closed session) takes back the lock it left. ARCHITECTURE.md, "The run and its journal".
	 */
	async holdServer(): Promise<Extract<StepOutcome, {status: 'failed'}> | undefined> {
		const lost = this.serverLock?.lostTo;
		if (lost) {
			return {
				status: 'failed',
				message: `this server's writer lock was broken by run ${lost.runId} of ${lost.user} on ${lost.machine}: nothing more was changed`,
				advice: `two runs must not change one database: agree with whoever runs ${lost.runId} which run goes on; this one's journal keeps what it did (${this.journal.path})`,
			};
		}
		if (this.serverLock) return undefined;
		const folder = lockFolder(this.target.database);
		const lastLock = [...this.entries].reverse().find(e => e.type === 'writer-lock');
		const wasTaking = lastLock?.type === 'writer-lock' && lastLock.action === 'taking';
		if (!wasTaking) await this.record({type: 'writer-lock', action: 'taking', folder});
		try {
			const {lock, broke} = await ServerLock.acquire(
				this.target.database,
				{runId: this.start.runId, journal: this.journal.path, what: `a ${this.flow} run`, wasTaking: true},
				{breakIfGone: this.breakLockIfGone, ...(this.lockTimings ? {timings: this.lockTimings} : {})},
			);
			this.serverLock = lock;
			if (broke) await this.record({type: 'writer-lock', action: 'broken', folder, ...(broke.holder ? {holder: broke.holder} : {}), reason: broke.reason});
			await this.record({type: 'writer-lock', action: 'taken', folder});
			return undefined;
		} catch (error) {
			const outcome = {status: 'failed' as const, message: (error as Error).message, advice: hintOf(error) ?? adviceFor(error)};
			await this.record({type: 'writer-lock', action: 'released', folder, reason: outcome.message});
			if (error instanceof ServerBusyError) {
				this.refusedBy = {...error.refusal, advice: outcome.advice};
				return outcome;
			}
			return {...outcome, message: `the server's writer lock could not be taken: ${outcome.message}`};
		}
	}

	/**
	 * The front ends ask for the server before the first step line, so that a refusal is said as such (who
	 * holds it, since when, why it may be gone, what to do), never as a failed step. Undefined once held;
	 * a lock that could not be taken for another reason (the server did not answer) is left to the step,
	 * which says so with its own advice.
	 */
	async claimServer(): Promise<ServerRefusal | undefined> {
		this.refusedBy = undefined;
		const refused = await this.holdServer();
		return refused ? this.refusedBy : undefined;
	}

	/** Stops refreshing the writer lock without giving it up: the process leaves, the run stays unfinished (and takes it back when resumed). */
	leaveServer(): void {
		this.serverLock?.stop();
	}

	async execute(step: string, hooks: RunHooks = {}): Promise<StepOutcome> {
		if (this.rollbackBegan()) return ROLLBACK_BEGAN;
		const refused = await this.holdServer();
		if (refused) return refused;
		await this.record({type: 'step-started', step});
		// The step's last command goes in the entry that ends it: a resumed run shows it ("Last command").
		this.stepCommand = undefined;
		const onCommand: RunHooks['onCommand'] = event => {
			if (event.phase === 'start') this.stepCommand = event.command;
			hooks.onCommand?.(event);
		};
		let outcome: StepOutcome;
		try {
			outcome = await this.perform(step, {...hooks, onCommand});
		} catch (error) {
			const hint = hintOf(error);
			outcome = {status: 'failed', message: (error as Error).message, advice: hint ?? adviceFor(error)};
		}
		const sent = this.stepCommand ? {command: this.stepCommand} : {};
		this.stepCommand = undefined;
		if (outcome.status === 'done') await this.record({type: 'step-finished', step, summary: outcome.summary, ...sent});
		else if (outcome.status === 'failed') await this.record({type: 'step-failed', step, message: outcome.message, ...sent});
		else if (outcome.status === 'manual') await this.record({type: 'manual-step', step, instructions: outcome.instructions.join('\n'), ...sent});
		else await this.record({type: 'interrupted', step, signal: 'user', ...sent});
		return outcome;
	}

	/**
	 * Nothing this run did is left anywhere: no step finished, no file moved or written, and the service is
	 * as the run found it. Such a run is closed as "nothing-changed" and never blocks the next one.
	 */
	async nothingChanged(): Promise<boolean> {
		const touched = this.entries.some(e => e.type === 'step-finished' || e.type === 'move' || e.type === 'copied' || e.type === 'passwords-file');
		if (touched || !this.sideEffectFreeFailure()) return false;
		const now = await this.target.service.query();
		return now.ok && now.state === this.start.serviceBefore;
	}

	/** Whether the steps that started and failed here can have changed nothing but the service. */
	protected abstract sideEffectFreeFailure(): boolean;

	/** The journal says this run holds the server's writer lock (taken, and not released since). */
	private holdsLockByJournal(): boolean {
		const last = [...this.entries].reverse().find(e => e.type === 'writer-lock');
		return last?.type === 'writer-lock' && (last.action === 'taken' || last.action === 'taking' || last.action === 'broken');
	}

	async end(outcome: 'completed' | 'rolled-back' | 'abandoned' | 'nothing-changed'): Promise<void> {
		// A run ended by a process that changed nothing itself (a manual step confirmed on --resume) still gives up the lock its run left.
		if (!this.serverLock && this.holdsLockByJournal()) await this.holdServer();
		if (this.serverLock) {
			const {folder} = this.serverLock;
			// A lock that cannot be removed now (the server went away) is not a reason to leave the run unended: its journal says it ended.
			const failed = await this.serverLock.release().then(
				() => undefined,
				(error: unknown) => (error as Error).message,
			);
			await this.record({type: 'writer-lock', action: 'released', folder, ...(failed ? {reason: `not removed: ${failed}`} : {})});
			this.serverLock = undefined;
		}
		await this.record({type: 'run-ended', outcome});
		await this.journal.close();
	}

	async noteInterrupted(signal: string, step?: string): Promise<void> {
		await this.record({type: 'interrupted', signal, ...(step ? {step} : {}), ...(step && this.stepCommand ? {command: this.stepCommand} : {})});
	}

	/** The last command this run sent, as journaled, and the step that sent it (none journaled: undefined). */
	lastCommandSent(): {command: string; step?: string} | undefined {
		const last = this.entries.findLast(e => 'command' in e && typeof e.command === 'string');
		if (!last || !('command' in last) || !last.command) return undefined;
		return {command: last.command, ...('step' in last && last.step ? {step: last.step} : {})};
	}
}
