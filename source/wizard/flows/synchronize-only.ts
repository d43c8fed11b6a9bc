/**
 * "Only synchronize all servers" (ARCHITECTURE.md, "Synchronize all servers"): no run and no journal,
 * because it changes nothing that a roll back would put back. In the lab the tool presses the button;
 * on a real server it says how to, and changes nothing.
 */
import type {SynchronizeKind} from '../../procedure/synchronize-choice.js';
import {operations, type WizardSession} from '../session.js';
import type {RunDriver} from '../run-driver.js';
import {synchronizeOnlyFailed, synchronizeOnlyByHand, synchronizeOnlyDone} from '../summary.js';

export class SynchronizeOnly {
	/** "Synchronize" or "Fully synchronize", as the admin chose (flows/situation.ts). */
	private kind: SynchronizeKind = 'normal';

	constructor(
		private readonly s: WizardSession,
		private readonly driver: Pick<RunDriver, 'hooks'>,
	) {}

	async ask(kind: SynchronizeKind = 'normal'): Promise<void> {
		this.kind = kind;
		const {describeSynchronizeOnly, SYNCHRONIZE_ONLY} = await operations();
		const {changes, manual} = await describeSynchronizeOnly(this.s.activeTarget, kind === 'full');
		if (manual) {
			// The tool cannot press the button on a real server: the instructions, and nothing to resume.
			this.s.store.go(synchronizeOnlyByHand(changes));
			return;
		}
		this.s.store.go({
			name: 'confirm',
			step: SYNCHRONIZE_ONLY.step,
			title: kind === 'full' ? 'Fully synchronize all servers' : SYNCHRONIZE_ONLY.title,
			help: {why: SYNCHRONIZE_ONLY.why, kb: SYNCHRONIZE_ONLY.kb},
			changes,
			typed: '',
		});
	}

	async run(): Promise<void> {
		const {store} = this.s;
		const {synchronizeOnly, SYNCHRONIZE_ONLY} = await operations();
		const step = SYNCHRONIZE_ONLY.step;
		this.s.synchronizedAlone = true;
		this.s.stepAbort = new AbortController();
		store.set({busy: true, screen: {name: 'running', step, title: SYNCHRONIZE_ONLY.title, progress: {kind: 'none'}}});
		let outcome;
		try {
			outcome = await synchronizeOnly(this.s.activeTarget, {...this.driver.hooks(step), stopRequested: () => this.s.state.leaving}, this.kind === 'full');
		} finally {
			store.set({busy: false});
		}
		if (outcome.status === 'interrupted' || this.s.state.leaving) return this.s.handovers.leave();
		if (outcome.status === 'done') {
			store.log('ok', `${SYNCHRONIZE_ONLY.title}: ${outcome.summary}`);
			store.set({screen: synchronizeOnlyDone(outcome.summary)});
			return;
		}
		const message = outcome.status === 'failed' ? outcome.message : 'it did not finish';
		store.log('error', `${SYNCHRONIZE_ONLY.title} failed: ${message}`);
		store.set({screen: synchronizeOnlyFailed(message, outcome.status === 'failed' ? outcome.advice : undefined, this.s.again())});
	}
}
