/** What the wizard and the scripted runner need of a run, whichever flow it is (restore or reconstruct). */
import type {CommandListener} from '../targets/run-command.js';
import type {ServiceState} from '../services/service-state.js';
import type {SyncEvent, SyncResult} from '../services/synchronization.js';
import type {ServerRefusal} from './server-lock.js';

export type StepDef = {
	id: string;
	title: string;
	/** The KB text this step carries out. */
	kb: string;
	/** Why the KB asks for it, in plain words (the `?` key). */
	why: string;
	/** y/N for what can be undone; a typed word for what cannot be undone by the tool itself. */
	confirmation: {kind: 'yes-no'} | {kind: 'typed'; word: string};
	/** On this target a person does it (no program can): instructions, then the admin confirms. */
	manual?: boolean;
};

type CopyProgressEvent = {file: string; fileDone: number; fileTotal: number; bytesDone: number; bytesTotal: number};
type CountProgressEvent = {label: string; done: number; total: number};

export type RunHooks = {
	onCommand?: CommandListener;
	onPoll?: (state: ServiceState) => void;
	onCopyProgress?: (event: CopyProgressEvent) => void;
	onCountProgress?: (event: CountProgressEvent) => void;
	onSync?: (event: SyncEvent) => void;
	/** Asked at every safe point (between files, between polls): true means leave now. */
	stopRequested?: () => boolean;
	/** Aborts what can stop at once safely (synchronization). */
	signal?: AbortSignal;
	/** Servers to synchronize (a retry of the failed ones). */
	only?: readonly string[];
};

export type StepOutcome =
	| {status: 'done'; summary: string; details?: string[]; sync?: SyncResult[]}
	| {status: 'failed'; message: string; advice: string; sync?: SyncResult[]}
	| {status: 'interrupted'; message: string}
	/** A person must do it (on a real server): the instructions; the step waits for their confirmation. */
	| {status: 'manual'; instructions: string[]};

export interface ProcedureRun {
	readonly flow: 'restore' | 'reconstruct' | 'repair';
	readonly journalPath: string;
	/** Whether a roll back can put everything back (the restore can; a reconstruct cannot undo a deleted user). */
	readonly canRollback: boolean;
	steps(): StepDef[];
	finishedSteps(): string[];
	nextStep(): string | undefined;
	hasChangedAnything(): boolean;
	/** A roll back of this run began: only rolling back again finishes it. */
	rollbackBegan(): boolean;
	describeChanges(step: string): Promise<string[]>;
	execute(step: string, hooks?: RunHooks): Promise<StepOutcome>;
	rollback(hooks?: RunHooks): Promise<StepOutcome>;
	/** Where the admin finds what the run kept (snapshot, passwords file, journal). */
	whereThingsAre(): string[];
	end(outcome: 'completed' | 'rolled-back' | 'abandoned' | 'nothing-changed'): Promise<void>;
	/** Nothing this run did is left anywhere (a first step refused, say): it can be closed as such. */
	nothingChanged(): Promise<boolean>;
	noteInterrupted(signal: string, step?: string): Promise<void>;
	/** The step gave its instructions and waits for the admin to confirm it is done. */
	awaitingManual(step: string): boolean;
	/** The admin's word that a manual step is done; `note` adds what they reported (the servers ticked). */
	confirmManual(step: string, note?: string): Promise<StepOutcome>;
	/** Takes the server's writer lock before any step: undefined once held, or who holds it (a refusal, nothing changed). */
	claimServer(): Promise<ServerRefusal | undefined>;
	/** Break the server's writer lock when its holder is believed gone (--break-lock; the wizard's typed confirmation). */
	breakLockIfGone: boolean;
}
