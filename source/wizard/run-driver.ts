/**
 * The run driver (ARCHITECTURE.md, "The wizard"): from Begin to the summary. Each step's confirmation
 * names exactly what it will change; a confirmed step runs with its progress drawn; a manual step gives
 * its instructions and waits for the admin's word; a failure offers what can be done (retry, roll back,
 * stop); the end says what was done and where everything is.
 */
import {stoppedEvent} from '../app/stop-run.js';
import {resumeChoices} from '../app/resume-policy.js';
import {rollBack, serviceBeforeRollback} from '../app/roll-back.js';
import type {RunHooks, StepOutcome} from '../procedure/procedure-run.js';
import type {StepEvent} from '../app/events.js';
import type {ServiceState} from '../services/service-state.js';
import {runStep, stepEnd, stepHooks} from '../app/run-step.js';
import {event8005Check} from '../procedure/synchronize-choice.js';
import {stopPendingWayOut} from '../procedure/mssync-service.js';
import {operations, type WizardSession, type WizardRun} from './session.js';
import type {Progress, Screen, ServerProgress} from './state.js';
import {checkLine} from './check-line.js';
import {shellWord} from '../text/shell-word.js';
import {rollbackConfirmationOf, rolledBackRun, rollingBack} from './rollback-confirmation.js';
import {finishedInLab, finishedOnRealServer, opensSentence, rolledBack, stoppedHere, stoppedNothingChanged, waitingForManualStep} from './summary.js';

export class RunDriver {
	/** The synchronization view's rows, changed in place as the servers report. */
	private syncRows: ServerProgress[] = [];
	private syncStarted = 0;
	/** Servers the admin did not tick on the manual synchronization: not seen green. */
	private unticked: string[] = [];

	constructor(private readonly s: WizardSession) {}

	/**
	 * Begin on the plan: the run has its journal; its first confirmation is next. `plan` and `history` are
	 * the plan screen and the screens before it as they were when Begin was pressed (beginning hashes the
	 * backup, which can take a while): Esc at the first confirmation goes back to them.
	 */
	async begin(run: WizardRun, plan: Screen, history: Screen[]): Promise<void> {
		const {store} = this.s;
		this.s.run = run;
		this.s.planScreen = plan;
		this.s.planHistory = history;
		store.history.length = 0;
		// The journal is not logged here: the log prints above the header, before any step has run. The plan names
		// the journal folder and every last screen the run's own file (ARCHITECTURE.md, "The wizard").
		store.set({steps: this.s.stepList()});
		await this.confirmNext();
	}

	/** Shows the confirmation of the next step, naming exactly what it will change (or the end). */
	async confirmNext(): Promise<void> {
		const run = this.s.activeRun;
		const {store} = this.s;
		const step = run.nextStep();
		if (!step) {
			await this.finish();
			return;
		}
		if (step === 'set-passwords' && run.flow === 'reconstruct' && run.needsInitialPassword()) {
			this.s.secret.clear();
			store.set({
				steps: this.s.stepList(),
				screen: {
					name: 'password-entry',
					stage: 'first',
					length: 0,
					error: 'The run was cut off before the passwords were set: type the initial password again (it is never stored).',
				},
			});
			return;
		}
		const info = run.steps().find(s => s.id === step);
		if (!info) throw new Error(`the run has no step ${step}`);
		if (info.manual) {
			// Nothing for the tool to confirm: it cannot do this step. The instructions, then the admin's word.
			const outcome = run.awaitingManual(step) ? undefined : await run.execute(step, this.hooks(step));
			if (outcome && outcome.status !== 'manual') return this.afterStep(step, info.title, outcome);
			const instructions = outcome?.instructions ?? (await run.describeChanges(step));
			// "Synchronize all servers" by hand: a timer, and the servers to tick as their blue checks appear.
			const watch =
				step === 'synchronize'
					? {checklist: {items: (await this.serverNames()).map(name => ({name, ticked: false})), cursor: 0}, startedAt: this.s.deps.now()}
					: {};
			store.set({
				steps: this.s.stepList(undefined, step),
				screen: {name: 'manual', step, title: info.title, help: {why: info.why, kb: info.kb}, instructions, ...watch},
				overlay: this.openQuestion(),
			});
			return;
		}
		const changes = await run.describeChanges(step);
		store.set({
			steps: this.s.stepList(),
			screen: {
				name: 'confirm',
				step,
				title: info.title,
				help: {why: info.why, kb: info.kb},
				changes,
				typed: '',
				...(info.confirmation.kind === 'typed' ? {word: info.confirmation.word} : {}),
				...(run.hasChangedAnything() ? {changed: true} : {}),
			},
			overlay: this.openQuestion(),
		});
	}

	/**
	 * The quit question asked while a step ran stays open on the screen that follows (unanswered, it must
	 * not vanish when the step ends); the help of the step before closes.
	 */
	private openQuestion(): 'quit' | undefined {
		return this.s.state.overlay === 'quit' ? 'quit' : undefined;
	}

	/** What a step reports as it runs (app/run-step.ts's events), drawn on the running screen. */
	hooks(step: string, only?: readonly string[]): RunHooks {
		return stepHooks(event => this.onStepEvent(step, event), {
			stopRequested: () => this.s.state.leaving,
			signal: this.s.stepAbort.signal,
			...(only ? {only} : {}),
		});
	}

	/**
	 * A step's event as the wizard shows it: the same events a scripted run prints (app/events.ts). A new
	 * step event fails type-checking here until the wizard shows it.
	 */
	private onStepEvent(step: string, event: StepEvent): void {
		const {store} = this.s;
		switch (event.event) {
			case 'step-started':
				store.set({
					busy: true,
					steps: this.s.stepList(undefined, step),
					screen: {name: 'running', step, title: event.title, progress: {kind: 'none'}, startedAt: this.s.deps.now(), ...this.stuck(step)},
				});
				return;
			case 'command':
				return store.onCommand({phase: 'start', command: event.command});
			case 'service-state':
				return this.setProgress(step, {kind: 'service', state: event.state});
			case 'progress':
				return this.onProgress(step, event);
			case 'sync-plan':
				this.syncRows = event.servers.map(s => ({name: s.name, total: s.total, done: 0, state: 'waiting'}));
				this.syncStarted = this.s.deps.now();
				return this.showSync(step);
			case 'server-started':
			case 'server-finished':
			case 'server-failed': {
				const row = this.syncRows.find(r => r.name === event.server);
				if (!row) return;
				if (event.event === 'server-started') row.state = 'synchronizing';
				else if (event.event === 'server-finished') Object.assign(row, {state: 'done', done: event.done});
				else Object.assign(row, {state: 'failed', reason: event.reason});
				return this.showSync(step);
			}
			case 'step-finished':
				return store.log('ok', `${event.title}: ${event.summary}`);
			case 'step-failed':
				return store.log('error', `${event.title} failed: ${event.message}`);
			default:
				return unshown(event);
		}
	}

	/** A count, the bytes copied, or a server's accounts so far. */
	private onProgress(step: string, event: Extract<StepEvent, {event: 'progress'}>): void {
		if (event.server !== undefined) {
			const row = this.syncRows.find(r => r.name === event.server);
			if (row) row.done = event.done;
			return this.showSync(step);
		}
		if (event.file !== undefined) {
			const current = this.s.store.screen;
			const startedAt = current.name === 'running' && current.progress.kind === 'copy' ? current.progress.startedAt : this.s.deps.now();
			const {file, fileDone = 0, fileTotal = 0, done, total = 0} = event;
			return this.setProgress(step, {kind: 'copy', file, fileDone, fileTotal, bytesDone: done, bytesTotal: total, startedAt});
		}
		this.setProgress(step, {kind: 'count', label: event.label ?? '', done: event.done, total: event.total ?? 0});
	}

	/** Stop MSSYNC: what ends a stop that hangs on this target (the lab's fault, or waiting or a restart), as launched, for `?`. */
	private stuck(step: string): {stuck?: string} {
		const service = step === 'stop-service' ? this.s.target?.service : undefined;
		return service === undefined ? {} : {stuck: this.s.asLaunched(stopPendingWayOut(service))};
	}

	private setProgress(step: string, progress: Progress): void {
		const current = this.s.store.screen;
		const startedAt = current.name === 'running' && current.step === step ? current.startedAt : undefined;
		this.s.store.set(
			{screen: {name: 'running', step, title: this.s.title(step), progress, ...(startedAt === undefined ? {} : {startedAt}), ...this.stuck(step)}},
			progress.kind === 'sync' ? 'sync' : 'throttled',
		);
	}

	/** The synchronization view: its rows are changed in place; the view reads them at most a few times a second. */
	private showSync(step: string): void {
		this.setProgress(step, {kind: 'sync', servers: this.syncRows, startedAt: this.syncStarted});
	}

	async runStep(step: string, only?: readonly string[]): Promise<void> {
		const run = this.s.activeRun;
		const {store} = this.s;
		this.s.actedSinceOpen = true;
		this.s.stepAbort = new AbortController();
		const control = {stopRequested: () => this.s.state.leaving, signal: this.s.stepAbort.signal, ...(only ? {only} : {})};
		const outcome = await runStep(run, step, event => this.onStepEvent(step, event), control);
		store.set({busy: false});
		await this.afterStep(step, this.s.title(step), outcome, true);
	}

	/** Where a step's outcome leads; `reported`: its end was already reported as an event (runStep). */
	private async afterStep(step: string, title: string, outcome: StepOutcome, reported = false): Promise<void> {
		const {store} = this.s;
		const end = reported ? undefined : stepEnd(step, title, outcome);
		if (end) this.onStepEvent(step, end);
		if (outcome.status === 'done') {
			if (this.s.state.leaving) return this.s.handovers.leave();
			await this.confirmNext();
			return;
		}
		if (outcome.status === 'interrupted') {
			store.log('warning', `${title}: ${outcome.message}`);
			return this.s.handovers.leave();
		}
		if (outcome.status === 'manual') return this.confirmNext();
		if (this.s.state.leaving) return this.s.handovers.leave();
		const failedServers = outcome.sync?.filter(r => !r.ok).map(r => r.server);
		store.set({
			steps: this.s.stepList(step),
			screen: {
				name: 'failure',
				step,
				title,
				message: outcome.message,
				advice: this.s.asLaunched(outcome.advice),
				canRollback: this.s.activeRun.canRollback,
				...(failedServers?.length ? {failedServers} : {}),
				...this.stuck(step),
			},
		});
	}

	/** On a manual step: the admin has done it (I have done it), or will later (leave; the run waits in the journal). */
	async manualChoice(choice: 'done' | 'later'): Promise<void> {
		const {store} = this.s;
		const screen = store.screen;
		if (screen.name !== 'manual') return;
		if (choice === 'later') {
			const summary = waitingForManualStep(screen.title, this.s.whereThingsAre([]), this.s.again());
			store.set({screen: summary, exit: summary.exit});
			return;
		}
		const items = screen.checklist?.items ?? [];
		this.unticked = items.filter(i => !i.ticked).map(i => i.name);
		const ticked = items.filter(i => i.ticked).map(i => i.name);
		const note = items.length
			? `blue checks ticked: ${ticked.join(', ') || 'none'}${this.unticked.length ? `; not ticked: ${this.unticked.join(', ')}` : ''}`
			: undefined;
		this.s.actedSinceOpen = true;
		const outcome = await this.s.activeRun.confirmManual(screen.step, note);
		await this.afterStep(screen.step, screen.title, outcome);
	}

	/** The servers this run is about: the ones it reconstructs, or those the target names. */
	private async serverNames(): Promise<string[]> {
		const run = this.s.run;
		if (run?.flow === 'reconstruct') return run.servers;
		return (await this.s.activeTarget.servers.list()).map(s => s.name);
	}

	/** Tab on the manual synchronization: the next server of the checklist. */
	moveChecklist(): void {
		const screen = this.s.store.screen;
		if (screen.name !== 'manual' || !screen.checklist?.items.length) return;
		const {items, cursor} = screen.checklist;
		this.s.store.set({screen: {...screen, checklist: {items, cursor: (cursor + 1) % items.length}}});
	}

	/** Space: the server under the pointer shows a blue check (or, pressed again, does not). */
	toggleChecklist(): void {
		const screen = this.s.store.screen;
		if (screen.name !== 'manual' || !screen.checklist?.items.length) return;
		const {items, cursor} = screen.checklist;
		this.s.store.set({screen: {...screen, checklist: {cursor, items: items.map((item, i) => (i === cursor ? {...item, ticked: !item.ticked} : item))}}});
	}

	async failureChoice(choice: 'retry' | 'retry-failed' | 'rollback' | 'finish' | 'stop'): Promise<void> {
		const {store} = this.s;
		const screen = store.screen;
		if (screen.name !== 'failure') return;
		const run = this.s.activeRun;
		if (choice === 'retry' && screen.step === 'rollback') return this.rollback();
		if (choice === 'retry') return this.runStep(screen.step);
		if (choice === 'retry-failed' && screen.step === 'synchronize') return this.runStep('synchronize', screen.failedServers);
		if (choice === 'rollback' && run.canRollback) return this.askRollback();
		if (choice === 'finish') return this.finish(screen.failedServers);
		if (await run.nothingChanged()) {
			await run.end('nothing-changed');
			store.set({screen: stoppedNothingChanged(screen.title, run.journalPath, this.s.again())});
			return;
		}
		// Stop here: the run stays unfinished in the journal; the next start offers to resume (or roll back).
		await run.noteInterrupted('stopped by the admin', screen.step);
		const summary = stoppedHere(await stoppedEvent(run, screen.step, this.s.bringBack(run)), this.s.again());
		store.set({screen: summary, exit: summary.exit});
	}

	/** The roll back's confirmation (only a restore's), with MSSYNC as asked now; asked with no choice on view, and dropped if the admin left meanwhile. */
	async askRollback(): Promise<void> {
		const run = this.s.activeRun;
		if (run.flow !== 'restore') return;
		const asking: Screen = {name: 'loading', message: "Asking MSSYNC's state (the roll back's confirmation says what it does about it)…"};
		this.s.store.set({screen: asking});
		const now = await serviceBeforeRollback(run, {onCommand: this.s.store.onCommand});
		if (this.s.store.screen === asking) this.s.store.set({screen: rollbackConfirmationOf(run, now, line => this.s.asLaunched(line))});
	}

	/** On the resume screen: a run whose roll back began is finished by rolling back, never resumed. */
	async resumeChoice(choice: 'resume' | 'rollback' | 'leave'): Promise<void> {
		const run = this.s.activeRun;
		const can = resumeChoices(run);
		if (choice === 'resume' && can.resume) return this.confirmNext();
		if (choice === 'rollback' && can.rollback) return this.askRollback();
		return this.s.handovers.leave();
	}

	async rollback(): Promise<void> {
		const run = this.s.activeRun;
		const {store} = this.s;
		this.s.actedSinceOpen = true;
		// The step list goes: its ticks are what the roll back undoes, not what is done.
		store.set({
			busy: true,
			steps: undefined,
			screen: rollingBack(run, this.s.deps.now()),
		});
		// MSSYNC's state while the roll back waits for it (a stop still pending, a start), as Stop MSSYNC shows it.
		const onPoll = (state: ServiceState) => {
			const current = store.screen;
			if (current.name === 'running' && current.step === 'rollback') store.set({screen: {...current, progress: {kind: 'service', state}}}, 'throttled');
		};
		const outcome = await rollBack(run, {onCommand: store.onCommand, onPoll});
		store.set({busy: false});
		if (outcome.status === 'done') {
			// Said once, on the last screen (not also in the log above it).
			store.set({
				steps: undefined,
				screen: rolledBack(outcome.summary, this.s.whereThingsAre([]), outcome.red, this.s.again(), rolledBackRun(run)),
			});
		} else {
			store.log('error', `Roll back failed: ${outcome.message}`);
			// The lab's own commands (its fault's clear) as they work from where the admin is.
			const advice = this.s.asLaunched(outcome.advice);
			store.set({screen: {name: 'failure', step: 'rollback', title: 'Roll back', message: opensSentence(outcome.message), advice, canRollback: false}});
		}
	}

	/** The lab's `lab status`, as it works from where the admin is: the end prints it where it names the lab's Application log. */
	private labStatus(dir: string): string {
		return this.s.asLaunched(`dsmn-resync lab status ${shellWord(dir)}`);
	}

	private logCheck(line: string): void {
		const {text, command} = checkLine(line, this.s.asLaunched(line));
		this.s.store.log('info', text, command);
	}

	/** The end: the run closed as completed, and what it did, as far as the tool can see (app/finish-run.ts: the facts a scripted run's `completed` line gives). */
	private async finish(stillRed: string[] = []): Promise<void> {
		const run = this.s.activeRun;
		const target = this.s.activeTarget;
		const {afterRunChecks, finishRun} = await operations();
		const {result, red, kept, outOfStep} = await finishRun(run, target);
		// Event 8005 seen, or a backup too old to trust after the plain synchronize: the lab's command as launched.
		const doubt = outOfStep ? {because: outOfStep.because, lines: outOfStep.lines.map(line => this.s.asLaunched(line))} : undefined;
		// What can be checked now (app/after-run-checks.ts, as a scripted run prints it), above the summary; a repair's summary already says what
		// follows, and DSMCHK's exit codes are left to its own help, so the summary stays short enough for a small terminal. Commands as launched.
		// Event 8005 is said once, by the summary's "Next:" (summary.ts), not also in the log above it.
		const after = await afterRunChecks(run, target);
		const said = new Set([...event8005Check('normal'), ...event8005Check('full'), ...after.event8005]);
		for (const line of after.checks) if (!said.has(line)) this.logCheck(line);
		const where = kept ?? [];
		if (!red) {
			this.s.store.set({steps: this.s.stepList(), screen: finishedOnRealServer(result, this.unticked, where, doubt)});
			return;
		}
		this.s.store.set({
			steps: this.s.stepList(),
			screen: finishedInLab(result, red, stillRed.length > 0, where, this.s.again(), after.domain, doubt, this.labStatus(target.location)),
		});
	}
}

/** A step event the wizard does not show: a type error while any is left. */
function unshown(event: never): never {
	throw new Error(`the wizard does not show the step event ${JSON.stringify(event)}`);
}
