/**
 * "Only synchronize all servers" (ARCHITECTURE.md, "Synchronize all servers"): no run and no journal,
 * because it changes nothing that a roll back would put back. In the lab the tool presses the button;
 * on a real server it says how to, and changes nothing. Its screens: synchronize-only-screens.ts.
 */
import type {SynchronizeKind} from '../../procedure/synchronize-choice.js';
import {operations, type WizardSession} from '../session.js';
import type {RunDriver} from '../run-driver.js';
import {synchronizeOnlyFailed, synchronizeOnlyByHand, synchronizeOnlyDone} from '../summary.js';
import {
	synchronizeOnlyFailedScreen,
	synchronizeOnlyLeft,
	synchronizeOnlyServiceDown,
	synchronizeOnlyTitle,
	withMarksBefore,
	type SyncOnlyResult,
} from './synchronize-only-screens.js';

export class SynchronizeOnly {
	/** "Synchronize" or "Fully synchronize", as the admin chose (flows/situation.ts). */
	private kind: SynchronizeKind = 'normal';
	/** The last synchronization's results per server, once it left some red. */
	private results: readonly SyncOnlyResult[] = [];

	constructor(
		private readonly s: WizardSession,
		private readonly driver: Pick<RunDriver, 'hooks'>,
	) {}

	/** `again`: after a synchronization that already sent accounts, going back does not undo them (its No line says so). */
	async ask(kind: SynchronizeKind = 'normal', again = false): Promise<void> {
		this.kind = kind;
		// The running screen and the log name the synchronize chosen (session.title).
		this.s.synchronizeOnlyTitle = synchronizeOnlyTitle(kind);
		const {describeSynchronizeOnly, SYNCHRONIZE_ONLY, synchronizeOnlyWhy} = await operations();
		// MSSYNC stopped: no synchronization can work; said before it is offered (a query that fails is left to the run).
		const service = await this.s.activeTarget.service.query({onCommand: this.s.store.onCommand}).catch(() => undefined);
		if (service?.ok && service.state !== 'RUNNING') {
			this.s.store.go(synchronizeOnlyServiceDown(service.state));
			return;
		}
		const {changes, manual} = await describeSynchronizeOnly(this.s.activeTarget, kind === 'full');
		if (manual) {
			// The tool cannot press the button on a real server: the instructions, and nothing to resume.
			this.s.store.go(synchronizeOnlyByHand(changes, synchronizeOnlyTitle(kind)));
			return;
		}
		this.s.store.go({
			name: 'confirm',
			step: SYNCHRONIZE_ONLY.step,
			title: synchronizeOnlyTitle(kind),
			help: {why: synchronizeOnlyWhy(kind === 'full'), kb: SYNCHRONIZE_ONLY.kb},
			changes,
			typed: '',
			...(again ? {changed: true} : {}),
		});
	}

	async run(): Promise<void> {
		const {store} = this.s;
		const {synchronizeOnly, SYNCHRONIZE_ONLY} = await operations();
		const step = SYNCHRONIZE_ONLY.step;
		const title = synchronizeOnlyTitle(this.kind);
		this.s.synchronizedAlone = true;
		this.s.stepAbort = new AbortController();
		store.set({busy: true, screen: {name: 'running', step, title, progress: {kind: 'none'}, startedAt: this.s.deps.now()}});
		// Each server's mark as the synchronize starts: a blue server that fails now (offline) is not "still" red.
		// The practice lab only: a real server's marks are not seen by the tool.
		const target = this.s.activeTarget;
		const before = target.kind === 'lab' ? await target.servers.list().catch(() => undefined) : undefined;
		let outcome;
		try {
			outcome = await synchronizeOnly(this.s.activeTarget, {...this.driver.hooks(step), stopRequested: () => this.s.state.leaving}, this.kind === 'full');
		} finally {
			store.set({busy: false});
		}
		// Stopped part way: the servers it left red, as the step reads them, stay above the last frame.
		if (outcome.status === 'interrupted') store.log('warning', `${title}: ${outcome.message}`);
		if (outcome.status === 'interrupted' || this.s.state.leaving) return this.s.handovers.leave();
		this.s.synchronizedAlone = false;
		if (outcome.status === 'done') {
			store.log('ok', `${title}: ${outcome.summary}`);
			store.set({screen: synchronizeOnlyDone(outcome.summary)});
			return;
		}
		if (outcome.status === 'failed' && outcome.sync?.some(r => !r.ok)) {
			// One verdict, each server's reason once (on the screen), and what can be done from here.
			const results = withMarksBefore(outcome.sync, before);
			this.results = results;
			this.s.synchronizeResults = results;
			// The verdict is the next screen's title: said there once, not also in the log above it.
			store.goAfterDone(synchronizeOnlyFailedScreen(this.kind, results));
			return;
		}
		const message = outcome.status === 'failed' ? outcome.message : 'it did not finish';
		store.log('error', `${title} failed: ${message}`);
		store.set({screen: synchronizeOnlyFailed(title, message, outcome.status === 'failed' ? outcome.advice : undefined, this.s.again())});
	}

	/** A choice on the screen after a synchronization that left servers red. */
	async after(choice: string): Promise<void> {
		// Going on (to a restore or a reconstruct, or another synchronization) makes the last verdict history.
		if (choice !== 'leave') this.s.synchronizeResults = undefined;
		if (choice === 'continue') return this.s.handovers.askSymptom();
		if (choice === 'again') return this.ask(this.kind, true);
		if (choice === 'leave') {
			const screen = synchronizeOnlyLeft(this.results, this.s.again());
			this.s.store.set({screen, exit: screen.exit});
		}
	}
}
