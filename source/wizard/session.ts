/**
 * What the parts of the wizard share (ARCHITECTURE.md, "The wizard"): the store, the command line's answers
 * (read only) and the target chosen from them or in the wizard, the target and the run once they exist, and the
 * hand-overs between the parts, wired by the controller so that no part imports another.
 */
import {mkdtemp} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {WizardOptions} from '../app/options.js';
import type {TargetSpec} from '../app/target-spec.js';
import type {ReconstructRun} from '../procedure/reconstruct-run.js';
import type {RestoreRun} from '../procedure/restore-run.js';
import type {NewPdcRun} from '../procedure/new-pdc-run.js';
import type {RepairRun} from '../procedure/repair-run.js';
import type {SyncOnlyResult} from './flows/synchronize-only-screens.js';
import type {Target} from '../targets/capabilities.js';
import type {FieldName} from './fields.js';
import type {Screen, WizardState} from './state.js';
import {WizardStore} from './store.js';
import {SecretEntry} from './text-entry.js';
import {asLaunched, startAgainCommand, type Launcher} from './start-again.js';
import type {BringBack} from '../app/service-as-found.js';
import {stuckStoppingAdvice} from '../procedure/rollback-service.js';

export type ControllerDeps = {
	/** Where a new practice lab goes when the admin picks it without --lab. */
	makeLabFolder?: () => Promise<string>;
	now?: () => number;
	/** How often progress may be redrawn, at most. */
	progressIntervalMs?: number;
	/** How often the synchronization view may be redrawn: every row changes each time, so less often. */
	syncIntervalMs?: number;
	/** Which system this runs on: it decides how a remote server is reached (sc.exe, or Samba). */
	platform?: NodeJS.Platform;
	/** How long a screen must have been on view before a key answers it (ARCHITECTURE.md, "Keys and type-ahead"; 250 ms). */
	seenMs?: number;
	/** What starts dsmn-resync as the admin typed it (start-again.ts): every "start again" names it. */
	launcher?: Launcher;
};

/** The run the wizard drives: one of the two flows of KB Q148678. */
export type WizardRun = RestoreRun | NewPdcRun | ReconstructRun | RepairRun;

/** The wizard's heavy half (validation, discovery, the lab, the run), loaded after the first frame. */
export const operations = () => import('./operations.js');

/**
 * Where one part of the wizard hands over to another: a question answered leads to the next part's
 * screen. The controller fills these in with its parts' methods.
 */
export type Handovers = {
	/** The target flow: look at the target again (the inspection's "Check again"). */
	inspect(): Promise<void>;
	/** The target flow: ask one of the target's fields. */
	askField(field: FieldName, error?: string): void;
	/** "Only synchronize all servers", chosen on the inspection. */
	askSynchronizeOnly(): Promise<void>;
	/** The situation (flows/situation.ts): the first question after the inspection's "Continue". */
	askSymptom(): void;
	/** The situation: "Synchronize" or "Fully synchronize", before a restore's plan (`taken`: the backup's age). */
	askSynchronize(taken: string | undefined): void;
	/** The situation: the chosen servers' NetWare versions, before the reconstruct's bindery question. */
	askNetWare(servers: string[]): Promise<void>;
	/** "No backup": the reconstruct flow's first screen. */
	startReconstruct(): Promise<void>;
	/** The reconstruct flow, once the servers are named (typed on a real target, chosen in the lab). */
	chooseBinderyServers(servers: string[]): Promise<void>;
	/** The run driver: the next step's confirmation (or the end). */
	confirmNext(): Promise<void>;
	/** Leaving: at once, or at the running step's safe point. */
	leave(signal?: string): Promise<void>;
};

export class WizardSession {
	readonly store: WizardStore;
	/** The command line's answers, as main parsed them: read, never changed (what the wizard learns is its own, below). */
	readonly options: WizardOptions;
	/** The target the admin named: the command line's, or the one chosen and completed in the wizard (a new value each time). */
	chosenTarget: TargetSpec | undefined;
	readonly deps: Required<ControllerDeps>;
	/** The secret being typed (the remote account's password, the initial password): never in the drawn state. */
	readonly secret = new SecretEntry();
	target: Target | undefined;
	run: WizardRun | undefined;
	/** The resume screen of a run found unfinished: Esc comes back to it until a step is done. */
	resumeScreen: Screen | undefined;
	/** The plan the run began from, and the screens before it: Esc at the first confirmation goes back there. */
	planScreen: Screen | undefined;
	planHistory: Screen[] = [];
	/** A step ran (or was confirmed, or rolled back) since this wizard opened the run. */
	actedSinceOpen = false;
	/** Set once "Synchronize all servers" alone has begun: leaving part way says so. */
	synchronizedAlone = false;
	/** "Only synchronize" ended with servers still red: some servers may have received accounts, so leaving says so (not "nothing was changed"). */
	synchronizeResults: readonly SyncOnlyResult[] | undefined;
	/** "Synchronize all servers" or "Fully synchronize all servers", as chosen for "Only synchronize" (its running screen's heading). */
	synchronizeOnlyTitle: string | undefined;
	/** Aborted when the admin leaves (or the terminal goes away) while a step runs. */
	stepAbort = new AbortController();
	handovers!: Handovers;

	constructor(options: WizardOptions, deps: ControllerDeps) {
		// The answers the wizard gathers are its own values (chosenTarget, the flows' answers): the options are only read.
		this.options = options;
		this.chosenTarget = options.target;
		this.deps = {
			makeLabFolder: deps.makeLabFolder ?? (() => mkdtemp(join(tmpdir(), 'dsmn-resync-lab-'))),
			now: deps.now ?? Date.now,
			progressIntervalMs: deps.progressIntervalMs ?? 100,
			syncIntervalMs: deps.syncIntervalMs ?? deps.progressIntervalMs ?? 700,
			platform: deps.platform ?? process.platform,
			launcher: deps.launcher ?? 'dsmn-resync',
			seenMs: deps.seenMs ?? 250,
		};
		this.store = new WizardStore({now: this.deps.now, progressIntervalMs: this.deps.progressIntervalMs, syncIntervalMs: this.deps.syncIntervalMs});
	}

	get state(): WizardState {
		return this.store.current;
	}

	/** The target, once open: every question after the first screen has one. */
	get activeTarget(): Target {
		if (!this.target) throw new Error('no target is open');
		return this.target;
	}

	/** The run, once begun or found: the run driver's screens have one. */
	get activeRun(): WizardRun {
		if (!this.run) throw new Error('no run has begun');
		return this.run;
	}

	/** A step's title as the run names it. */
	title(step: string): string {
		if (step === 'rollback') return 'Roll back';
		if (step === 'synchronize-only' && this.synchronizeOnlyTitle) return this.synchronizeOnlyTitle;
		return this.run?.steps().find(s => s.id === step)?.title ?? step;
	}

	/** The run's steps as the step list draws them. */
	stepList(failed?: string, running?: string): WizardState['steps'] {
		const done = new Set(this.run?.finishedSteps() ?? []);
		return this.run
			?.steps()
			.map(s => ({id: s.id, title: s.title, status: s.id === running ? 'running' : s.id === failed ? 'failed' : done.has(s.id) ? 'done' : 'pending'}));
	}

	/** The command that starts the wizard again on this target, as the admin can type it from where they are. */
	again(): string {
		return startAgainCommand(this.deps.launcher, this.chosenTarget);
	}

	/** A text naming a command (`dsmn-resync lab dsmdump …`), with the command as it works from where the admin is. */
	asLaunched(text: string): string {
		return asLaunched(text, this.deps.launcher);
	}

	/**
	 * How the wizard says to bring MSSYNC back to where `run` found it: start again with the command above, then
	 * what to choose. MSSYNC stuck stopping (STOP_PENDING) is ended first: until then a roll back or a resume
	 * fails the same way (ARCHITECTURE.md, "The run and its journal").
	 */
	bringBack(run: WizardRun): BringBack {
		// The command is on a line of its own above this one (summary.ts): a command is never split by a wrap.
		const done = new Set(run.finishedSteps());
		const next = run.steps().find(step => !done.has(step.id))?.title;
		const starts = run.steps().find(step => step.id === 'start-service')?.title;
		const resume = next
			? `Resume (it goes on with "${next}"${starts && next !== starts && !done.has('start-service') ? `, and starts MSSYNC at "${starts}"` : ''})`
			: 'Resume';
		const stuck = (now: string) => (now === 'STOP_PENDING' ? `${this.asLaunched(stuckStoppingAdvice(run.target.service, true))}; then ` : '');
		return (found, now) =>
			stuck(now) +
			(run.rollbackBegan()
				? `start again with the command above, then "Continue the roll back" (MSSYNC is left ${found === 'RUNNING' ? 'running' : 'stopped'}, as found)`
				: run.canRollback
					? `start again with the command above, then ${resume} or Roll back (SYNCAGNT as it was, MSSYNC ${found === 'RUNNING' ? 'running' : 'stopped'} as found)`
					: `start again with the command above, then ${resume}`);
	}

	/** The lines a summary ends with: where the run left every file (snapshot, passwords file, journal). */
	whereThingsAre(lines: string[]): string[] {
		return [...lines, ...(this.run?.whereThingsAre() ?? [])];
	}
}
