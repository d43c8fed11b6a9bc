/** What the wizard shows: plain data, rendered by the Ink screens in source/ui. */
import type {BackupCandidate} from '../backup/discover.js';
import type {ValidationReport} from '../backup/report.js';
import type {NetWareServerInfo} from '../targets/capabilities.js';
import type {Check} from '../targets/preflight.js';
import type {FieldName} from './fields.js';
import type {ServiceState} from '../services/service-state.js';
import type {RunStanding} from '../procedure/run-standing.js';

export type Choice<V extends string = string> = {label: string; value: V};

export type ServerProgress = {name: string; total: number; done: number; state: 'waiting' | 'synchronizing' | 'done' | 'failed'; reason?: string};

export type Progress =
	| {kind: 'service'; state?: ServiceState}
	| {kind: 'count'; label: string; done: number; total: number}
	| {kind: 'copy'; file: string; fileDone: number; fileTotal: number; bytesDone: number; bytesTotal: number; startedAt: number}
	| {kind: 'sync'; servers: ServerProgress[]; startedAt: number}
	| {kind: 'none'};

export type Screen =
	| {name: 'target'; note?: string}
	| {name: 'loading'; message: string}
	| {
			name: 'resume';
			journal: string;
			finished: string[];
			next?: string;
			flow: string;
			started: string;
			backup?: string;
			standing: RunStanding;
			standingTitle?: string;
			canRollback: boolean;
			rollbackBegan: boolean;
			/** The last command the run sent, as its journal has it, and the step that sent it (none journaled: absent). */
			lastCommand?: {command: string; title?: string; step?: string};
			/** Every step of the run's plan, in order: `?` lists them, each with how it stands. */
			planSteps?: string[];
			/** With no command journaled: what the screen says in its place, a finished sentence (flows/target.ts, noCommandSentence). */
			noCommand?: string;
			/** MSSYNC now, against the state the run found (app/service-as-found.ts, serviceOnResume). */
			service?: string;
			/** Cut off during its synchronize: the servers left red (procedure/synchronize-step.ts, synchronizeCutOff). */
			servers?: string;
	  }
	| {name: 'target-field'; field: FieldName; input: string; cursor?: number; length: number; error?: string}
	/** `files`: the database's files in SYNCAGNT (what a restore moves aside); `others`: the names of the rest, left in place. */
	| {
			name: 'inspect';
			syncagnt: string;
			service: string;
			servers: NetWareServerInfo[];
			files: number;
			others?: string[];
			real: boolean;
			checks: Check[];
			/** When MSSYNC logged Event 8005 that still stands, where the target reads its Application log (the lab). */
			event8005?: string;
			/** What is said when every server shows a blue check (flows/situation-synchronize.ts's blueCheckLine). */
			blue?: string;
	  }
	| {name: 'ask-backup'; /** A promoted BDC (the PDC was lost): its restore follows KB Q154761. */ pdc?: 'same' | 'new' | undefined}
	| {name: 'choose-backup'; input: string; cursor?: number; candidates: string[]; suggestions: BackupCandidate[]; error?: string}
	| {name: 'discover'; input: string; cursor?: number; results?: BackupCandidate[]; searching: boolean}
	/** `checkCommand`: `check` on this folder, as it works from where the admin is (start-again.ts). */
	| {name: 'validation'; report: ValidationReport; checkCommand?: string}
	/** `new-pdc`: the restore onto a new PDC (KB Q154761); `repair`: dsmpack /r first (KB Q197852): flows/situation.ts. */
	| {name: 'plan'; flow: 'restore' | 'reconstruct' | 'new-pdc' | 'repair'; steps: string[]; lines: string[]}
	| {
			name: 'confirm';
			step: string;
			title: string;
			help?: StepHelp;
			changes: string[];
			typed: string;
			cursor?: number;
			word?: string;
			error?: string;
			canGoBack?: boolean;
			/** The run had changed something before this confirmation (a resumed run): going back does not undo it. */
			changed?: boolean;
	  }
	| {
			name: 'running';
			step: string;
			title: string;
			help?: StepHelp;
			progress: Progress;
			/** When the step began: its elapsed time is drawn. */ startedAt?: number;
			/** Stop MSSYNC: what ends a stop that hangs on this target (procedure/mssync-service.ts's stopPendingWayOut), as launched. */
			stuck?: string;
			/** The roll back of a restore on a new PDC: it moves this run's copies out of SYNCAGNT\Backup, not originals back (step-help.ts). */
			newPdc?: boolean;
	  }
	| {
			name: 'failure';
			step: string;
			title: string;
			help?: StepHelp;
			message: string;
			advice: string;
			failedServers?: string[];
			canRollback: boolean;
			/** As the running screen's. */
			stuck?: string;
	  }
	| {name: 'manual'; step: string; title: string; help?: StepHelp; instructions: string[]; checklist?: Checklist; startedAt?: number}
	/** `supervisor`: the command line's answer (`--supervisor yes|no`): the question of the login is not asked again. */
	| {name: 'consequences'; servers: string[]; users?: number; warnings?: string[]; supervisor?: 'yes' | 'no' | undefined}
	| {
			name: 'multi-select';
			purpose: 'servers' | 'bindery';
			title: string;
			hint: string;
			items: {value: string; label: string}[];
			cursor: number;
			selected: string[];
			error?: string;
	  }
	/**
	 * A question about the situation (flows/situation.ts): the symptom, which PDC this is, the repair
	 * offered first, how to synchronize, a server's NetWare version. `step` names the question (the
	 * pointer starts over on each); its items and where the pointer starts are the flow's.
	 */
	| {name: 'situation'; step: string; title: string; lines: string[]; items: Choice[]; initial: number; help: StepHelp}
	| {name: 'password-policy'}
	| {name: 'password-entry'; stage: 'first' | 'second'; length: number; error?: string}
	/** `cursor`: where typing goes in `input` (text-entry.ts); at its end when absent. */
	| {name: 'passwords-file'; input: string; cursor?: number; error?: string; /** Where the suggestion is, and why. */ note?: string}
	/** The end: what was done, where things are, what to do next; `exit` is the process's exit status (see --help). */
	| {name: 'summary'; title: string; lines: string[]; ok: boolean; exit: number; /** Nothing was done: Esc may go back to change an answer. */ back?: boolean};

export type StepHelp = {why: string; kb: string};

/** The servers the admin ticks as their blue check marks appear in Synchronization Manager. */
export type Checklist = {items: {name: string; ticked: boolean}[]; cursor: number};

export type LogLine = {
	id: number;
	tone: 'ok' | 'error' | 'warning' | 'info';
	text: string;
	/** A command to type: drawn as one, continued with its shell's mark where a row is too narrow (text/wrap.ts, wrapCommand). */
	command?: {continuation: '\\' | '^'} | undefined;
};

export type StepStatus = 'pending' | 'running' | 'done' | 'failed';

export type WizardState = {
	screen: Screen;
	overlay?: 'help' | 'quit' | undefined;
	/** The page of the help shown, where it is taller than the terminal (from 0). */
	helpPage?: number | undefined;
	targetDescription?: string | undefined;
	/** The KB article the chosen procedure follows, for the header: KB Q148678 until the situation names another. */
	kb?: string | undefined;
	steps?: {id: string; title: string; status: StepStatus}[] | undefined;
	/** Finished steps and notable events, printed once above the live area. */
	log: LogLine[];
	/** The last commands run, shown as they run. */
	commands: string[];
	/** A step is running: leaving waits for its safe point. */
	busy: boolean;
	/** The admin asked to leave while a step ran. */
	leaving: boolean;
	/** Said once, on the screen it concerns: keys pressed before a screen appeared were not used on it. */
	notice?: string | undefined;
	/** Set when the wizard is done: the process exits with it. */
	exit?: number;
};
