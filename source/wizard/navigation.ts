/**
 * Going back and leaving (ARCHITECTURE.md, "The wizard"). Esc goes back only where nothing has changed
 * yet; leaving waits for the running step's safe point, journals where the run stands, and the last
 * frame says where everything is.
 */
import {interruptedEvent} from '../app/stop-run.js';
import type {WizardSession} from './session.js';
import {synchronizeOnlyLeft} from './flows/synchronize-only-screens.js';
import {stopsPartWay} from './step-help.js';
import {left, leavingNote, unexpected, type LeftFrom} from './summary.js';

export class Navigation {
	constructor(private readonly s: WizardSession) {}

	/** Whether Esc goes back from this screen: only where nothing has changed yet (the footer offers it only then). */
	canGoBack(): boolean {
		const {state, run} = this.s;
		const {screen} = state;
		const {history} = this.s.store;
		if (state.busy || state.exit !== undefined) return false;
		// A summary is an end: what it reports has happened (Esc must not lead back to run it again).
		if (screen.name === 'summary') return Boolean(screen.back) && !run && history.length > 0;
		if (screen.name === 'loading' || screen.name === 'running') return false;
		if (screen.name === 'discover' && screen.results !== undefined) return true;
		if (run) return this.backToPlanPossible() || this.backToResumePossible();
		return history.length > 0;
	}

	/** The first confirmation after Begin: the run has its journal, but no step has started. */
	private backToPlanPossible(): boolean {
		return Boolean(this.s.run && this.s.planScreen && !this.s.run.hasChangedAnything() && this.s.state.screen.name === 'confirm');
	}

	/** A resumed run, before anything was done since the resume (its first confirmation, the password asked again). */
	private backToResumePossible(): boolean {
		const name = this.s.state.screen.name;
		return Boolean(this.s.resumeScreen && !this.s.actedSinceOpen && (name === 'confirm' || name === 'password-entry' || name === 'manual'));
	}

	async back(): Promise<void> {
		const {store} = this.s;
		if (this.s.state.overlay) {
			store.set({overlay: undefined});
			return;
		}
		if (!this.canGoBack()) return;
		const screen = store.screen;
		if (screen.name === 'discover' && screen.results !== undefined) {
			// "Search elsewhere": the search field again, with the folder searched.
			const {results: _shown, ...search} = screen;
			store.set({screen: {...search, searching: false}});
			return;
		}
		const run = this.s.run;
		if (run && this.s.planScreen && this.backToPlanPossible()) {
			// Nothing was changed: the run is closed as abandoned, and the plan is shown again.
			await run.end('abandoned');
			this.s.run = undefined;
			store.history.length = 0;
			store.history.push(...this.s.planHistory);
			// A note for this screen only (not the log, which stays above every screen after it).
			store.set({steps: undefined, screen: this.s.planScreen, notice: `Went back before any step: that run was closed unchanged (${run.journalPath}).`});
			return;
		}
		if (this.s.resumeScreen && this.backToResumePossible()) {
			this.s.secret.clear();
			store.set({steps: this.s.stepList(), screen: this.s.resumeScreen});
			return;
		}
		const previous = store.history.pop();
		if (previous) store.set({screen: previous});
	}

	/** How many pages the help has at the terminal's size (the front end lays it out: helpPaged). */
	private helpPageCount = 1;

	/** `?` opens the help; then a key shows its next page, and closes it after the last. */
	showHelp(): void {
		const {overlay, helpPage = 0} = this.s.state;
		if (overlay === 'help' && helpPage + 1 < this.helpPageCount) this.s.store.set({helpPage: helpPage + 1});
		else this.s.store.set({overlay: overlay === 'help' ? undefined : 'help', helpPage: 0});
	}

	/** The front end's count of the help's pages, as laid out now. */
	helpPaged(pages: number): void {
		this.helpPageCount = Math.max(1, pages);
	}

	/** What leaving now means, as the quit question says it. */
	leavingNote(): string {
		const run = this.s.run;
		if (!run && !this.s.state.busy && this.s.synchronizeResults)
			return 'The servers that synchronized keep the accounts sent to them; leaving changes nothing more.';
		const finished = run?.finishedSteps() ?? [];
		// Leaving waits for the running step's safe point: a running Stop MSSYNC ends with it stopped, a running Start MSSYNC with it started (or failed: said then).
		const screen = this.s.store.screen;
		const running = this.s.state.busy && screen.name === 'running' ? screen.step : undefined;
		const stoppedByRun =
			run?.start.serviceBefore === 'RUNNING' &&
			!run.rollbackBegan() &&
			running !== 'start-service' &&
			(running === 'stop-service' || (finished.includes('stop-service') && !finished.includes('start-service')));
		const stopping = stoppedByRun && running === 'stop-service' ? 'stopping' : stoppedByRun;
		return leavingNote(
			running && stopsPartWay(running) ? 'part-way' : this.s.state.busy,
			Boolean(run?.hasChangedAnything()),
			Boolean(run?.canRollback),
			this.s.again(),
			stopping,
			run?.serversStanding() ?? [],
		);
	}

	requestQuit(): void {
		if (this.s.state.exit !== undefined) return;
		this.s.store.set({overlay: 'quit'});
	}

	cancelQuit(): void {
		this.s.store.set({overlay: undefined});
	}

	/** Leaves now if idle; else as soon as the running step reaches a safe point. */
	async confirmQuit(): Promise<void> {
		this.s.store.set({overlay: undefined, leaving: true});
		this.s.stepAbort.abort();
		if (!this.s.state.busy) await this.leave();
	}

	/** The terminal went away (SIGHUP) or SIGTERM: finish the current step to its safe point, journal, leave. */
	async hangup(signal: string): Promise<void> {
		this.s.store.set({leaving: true});
		this.s.stepAbort.abort();
		if (!this.s.state.busy) await this.leave(signal);
	}

	async leave(signal = 'user'): Promise<void> {
		const {store, run} = this.s;
		const screen = store.screen;
		if (screen.name === 'summary') return store.set({exit: screen.exit});
		if (!run && this.s.synchronizeResults) {
			// "Only synchronize" left servers red and others synchronized: that verdict, not "nothing was changed".
			const summary = synchronizeOnlyLeft(this.s.synchronizeResults, this.s.again());
			return store.set({busy: false, leaving: false, overlay: undefined, screen: summary, exit: summary.exit});
		}
		let from: LeftFrom;
		if (run && run.hasChangedAnything()) {
			// A run resumed here but not acted on: its journal already says how it was left (failed, cut off,
			// waiting for a manual step), and stays the truth for the next start.
			if (this.s.actedSinceOpen) await run.noteInterrupted(signal);
			from = {kind: 'run', left: await interruptedEvent(run, undefined, this.s.bringBack(run))};
		} else if (run) {
			// Begun, but no step started: nothing to resume.
			await run.end('abandoned');
			from = {kind: 'untouched-run'};
		} else from = this.s.synchronizedAlone ? {kind: 'synchronizing'} : {kind: 'nothing'};
		// The last frame is the truth: not a progress bar or a choice, but where things are.
		const summary = left(from, this.s.again());
		store.set({busy: false, leaving: false, overlay: undefined, screen: summary, exit: summary.exit});
	}

	/** Something unexpected: say what happened and where things are; never leave the admin guessing. */
	fatal(error: unknown): void {
		const said = (error as {message?: unknown} | undefined)?.message;
		const message = typeof said === 'string' ? said : String(error);
		this.s.store.set({busy: false, screen: unexpected(message, this.s.whereThingsAre([]), this.s.again())});
	}

	/** Enter on the summary: the exit status the summary was shown with. */
	done(): void {
		const screen = this.s.store.screen;
		if (screen.name === 'summary') this.s.store.set({exit: screen.exit});
	}
}
