/**
 * The restore flow's questions (ARCHITECTURE.md, "The wizard"): after the inspection, is there a backup;
 * which folder (typed, picked from those found, or searched for); its validation; the plan. Begin turns
 * the plan into a `RestoreRun` bound to the validated bytes.
 */
import {cite} from '../../procedure/claims.js';
import {resolve} from 'node:path';
import {scanProgressText} from '../../backup/scan-progress.js';
import type {PageProgress} from '../../backup/validate.js';
import type {PdcSituation} from '../../procedure/new-pdc.js';
import type {NewPdcRun} from '../../procedure/new-pdc-run.js';
import type {RepairRun} from '../../procedure/repair-run.js';
import type {RestoreRun} from '../../procedure/restore-run.js';
import {NT_OF, type NtAnswer} from '../nt-version-question.js';
import {shellWord} from '../start-again.js';
import type {SynchronizeAdvice, SynchronizeKind} from '../../procedure/synchronize-choice.js';
import {operations, type WizardSession} from '../session.js';
import {targetNotReady, targetNotReadyFor} from '../summary.js';
import {synchronizePlanLine} from './situation-synchronize.js';
import {stopsFirst} from '../../procedure/repair-and-check.js';
import {newPdcPlan, repairPlan} from './situation-restore.js';
import {synchronizeLineChosen, withSynchronizeChosen} from '../../procedure/synchronize-titled.js';

export class RestoreQuestions {
	/** The backup folder the admin accepted after its validation. */
	private backup: string | undefined;
	/** The server's NT version as the admin answered it, where the target could not learn it. */
	private nt: '4.0' | '3.51' | undefined;
	/** How the servers are synchronized at the end (the situation's question, before the plan). */
	private synchronize: SynchronizeKind | undefined;

	constructor(private readonly s: WizardSession) {}

	async continueFromInspect(choice: 'continue' | 'again' | 'leave' | 'synchronize' = 'continue'): Promise<void> {
		if (choice === 'again') return this.s.handovers.inspect();
		if (choice === 'leave') {
			const screen = targetNotReady(this.s.again());
			this.s.store.set({screen, exit: screen.exit});
			return;
		}
		if (choice === 'synchronize') return this.s.handovers.askSynchronizeOnly();
		// The situation first (flows/situation.ts); the backup question follows it.
		this.s.handovers.askSymptom();
	}

	async answerBackup(answer: 'yes' | 'no' | 'unsure'): Promise<void> {
		const {store} = this.s;
		if (answer === 'no') return this.s.handovers.startReconstruct();
		if (answer === 'unsure') {
			store.go({name: 'discover', input: this.searchRoot(), searching: false});
			return;
		}
		const {discoverBackups} = await operations();
		const suggestions = await discoverBackups([this.searchRoot()], {maxDepth: 3, liveSyncagnt: this.s.activeTarget.database.syncagnt});
		const usable = suggestions.filter(s => !s.live);
		const prefill = usable.find(s => !s.madeByTool)?.folder;
		store.go({name: 'choose-backup', input: this.s.options.backup ?? prefill ?? '', candidates: [], suggestions: usable});
	}

	/** Where backups are looked for first: the lab's folder, or where the wizard was started. */
	private searchRoot(): string {
		return this.s.target?.kind === 'lab' ? this.s.target.location : process.cwd();
	}

	/** Enter on the backup folder's line. */
	async submitFolder(): Promise<void> {
		const screen = this.s.store.screen;
		if (screen.name !== 'choose-backup') return;
		if (screen.input.trim() === '') {
			this.s.store.set({screen: {...screen, error: 'Type the folder that holds the backup (Tab completes), or pick one found below.'}});
			return;
		}
		await this.chooseBackup(screen.input.trim());
	}

	/** Enter on the search line: the backups found under that folder. */
	async search(): Promise<void> {
		const {store} = this.s;
		const screen = store.screen;
		if (screen.name !== 'discover') return;
		const {results: _earlier, ...searching} = screen;
		store.set({screen: {...searching, searching: true}});
		const {discoverBackups} = await operations();
		const results = await discoverBackups([screen.input.trim() || '.'], {maxDepth: 5, liveSyncagnt: this.s.activeTarget.database.syncagnt});
		store.set({screen: {...searching, searching: false, results}});
	}

	async chooseBackup(folder: string): Promise<void> {
		const {store} = this.s;
		const message = `Checking ${folder}…`;
		store.go({name: 'loading', message});
		const {validateBackup} = await operations();
		// Every page is verified: on a large database, say how far (ARCHITECTURE.md, "Validation rules").
		const started = Date.now();
		let shown = 0;
		const onProgress = (p: PageProgress) => {
			const now = Date.now();
			if (now - shown < 250 || store.screen.name !== 'loading') return;
			shown = now;
			store.set({screen: {name: 'loading', message: `${message}\n${scanProgressText(p, now - started)}`}});
		};
		const target = this.s.activeTarget;
		const nt = this.nt ? {nt: this.nt} : {learnNt: async () => (await target.serverVersion?.learn())?.nt};
		const report = await validateBackup(resolve(folder), {liveSyncagnt: target.database.syncagnt, onProgress, ...nt});
		store.set({screen: {name: 'validation', report, checkCommand: this.s.asLaunched(`dsmn-resync check ${shellWord(report.folder)}`)}});
	}

	/** The answer to the NT version question: the backup checked again with it (nt-version-question.ts). */
	async answerNtVersion(answer: NtAnswer): Promise<void> {
		const screen = this.s.store.screen;
		if (screen.name !== 'validation') return;
		this.nt = NT_OF[answer];
		this.s.activeTarget.serverVersion?.answer(this.nt);
		await this.chooseBackup(screen.report.folder);
	}

	async acceptValidation(): Promise<void> {
		const screen = this.s.store.screen;
		if (screen.name !== 'validation' || !screen.report.valid) return;
		const target = this.s.activeTarget;
		const {restorePreflight} = await operations();
		// The same preflight as a scripted run, with the bytes the copy needs: refused here, before MSSYNC is stopped.
		this.s.store.go({name: 'loading', message: 'Checking the target for this backup…'});
		const failing = (await restorePreflight(target, screen.report, {onCommand: this.s.store.onCommand})).filter(c => !c.ok);
		if (failing.length) {
			this.s.store.set({screen: targetNotReadyFor(failing)});
			return;
		}
		this.backup = screen.report.folder;
		// Synchronize or Fully synchronize, judged from the backup's age: asked before the plan (the run journals it).
		this.s.handovers.askSynchronize(screen.report.taken);
	}

	/** The plan, once the synchronize is chosen: KB Q148678's steps, or KB Q154761's on a new PDC. */
	async showPlan(kind: SynchronizeKind, advice: SynchronizeAdvice, pdc: PdcSituation | undefined): Promise<void> {
		const target = this.s.activeTarget;
		if (this.backup === undefined) throw new Error('no backup was accepted');
		this.synchronize = kind;
		const at = synchronizePlanLine(kind, advice);
		if (pdc === 'new') {
			const plan = newPdcPlan(target, this.backup, at);
			this.s.store.go({...plan, steps: plan.steps.map(line => synchronizeLineChosen(line, kind))});
			return;
		}
		const {RESTORE_STEPS} = await operations();
		// As the run's own steps (procedure/restore-run.ts): no "Stop MSSYNC" when it is found stopped.
		const stopFirst = await stopsFirst(target, [], this.s.store.onCommand);
		this.s.store.go({
			name: 'plan',
			flow: 'restore',
			steps: withSynchronizeChosen(
				RESTORE_STEPS.filter(step => stopFirst || step.id !== 'stop-service'),
				kind,
			).map(step => `${step.title}${step.confirmation.kind === 'typed' ? ` (you will type ${step.confirmation.word})` : ''}`),
			lines: [
				`Backup: ${this.backup}`,
				...(stopFirst ? [] : ['MSSYNC is stopped already: there is nothing to stop first.']),
				`The current files will be kept in ${target.database.files.join(target.database.snapshotParent, 'SYNCAGNT.before-restore-…')}`,
				at,
				`Journal: ${target.journalDir}`,
			],
		});
	}

	/** "MSSYNC will not start", repair chosen: the plan of the dsmpack repair (KB Q197852), before any restore. */
	async repair(): Promise<void> {
		this.s.store.set({kb: cite('dsmpack', ['Q197852'])});
		const target = this.s.activeTarget;
		// Whether the plan stops MSSYNC first is asked of the server: a real one can take seconds to answer.
		this.s.store.go({name: 'loading', message: "Asking MSSYNC's state (the plan stops it first only if it runs)…"});
		this.s.store.go(repairPlan(target, await stopsFirst(target, [], this.s.store.onCommand)));
	}

	/** Begin on the plan: the run, bound to the backup's bytes as they are now (the repair has no backup). */
	async begin(flow: 'restore' | 'new-pdc' | 'repair' = 'restore'): Promise<RestoreRun | NewPdcRun | RepairRun> {
		const {beginRestore, NewPdcRun, RepairRun} = await operations();
		const onCommand = this.s.store.onCommand;
		const breakLock = this.s.options.breakLock;
		if (flow === 'repair') {
			const repair = await RepairRun.begin(this.s.activeTarget, {onCommand});
			if (breakLock) repair.breakLockIfGone = true;
			return repair;
		}
		if (this.backup === undefined) throw new Error('no backup was accepted');
		const synchronize = this.synchronize ? {synchronize: this.synchronize} : {};
		if (flow === 'new-pdc') {
			const run = await NewPdcRun.begin(this.s.activeTarget, this.backup, {onCommand, ...synchronize});
			if (breakLock) run.breakLockIfGone = true;
			return run;
		}
		return beginRestore(this.s.activeTarget, {backup: this.backup, ...synchronize}, {breakLock, onCommand});
	}
}
