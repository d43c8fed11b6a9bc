/**
 * The wizard's logic, free of Ink (ARCHITECTURE.md, "The wizard"): one facade over its parts. It holds
 * nothing itself: the store holds what the screens draw, the flows ask the questions, the run driver
 * runs the steps, navigation goes back and leaves. The UI subscribes and hands the admin's intents here.
 */
import {claimServer} from '../app/claim-server.js';
import type {WizardOptions} from '../app/options.js';
import {ReconstructQuestions} from './flows/reconstruct-questions.js';
import {RestoreQuestions} from './flows/restore-questions.js';
import {SituationFlow} from './flows/situation.js';
import {SynchronizeOnly} from './flows/synchronize-only.js';
import {TargetFlow} from './flows/target.js';
import {Navigation} from './navigation.js';
import {RunDriver} from './run-driver.js';
import {operations, WizardSession, type ControllerDeps} from './session.js';
import type {Screen, WizardState} from './state.js';
import {confirmationMismatch} from './summary.js';
import {eraseFrom, moveCursorIn, typeInto, type CursorMove, type Erase} from './text-entry.js';
import {ChoiceCursor} from './choice-cursor.js';
import type {ChoiceValues} from './choices.js';
import {applyChoice, applyIntent, type ChoiceHandlers, type Intent, type IntentHandlers} from './intent.js';
import {completesPath} from './key-table.js';
import {BREAK_LOCK_STEP, breakLockConfirmation, lockRefused} from './break-lock.js';

export type {ControllerDeps};

export class WizardController {
	private readonly s: WizardSession;
	private readonly target: TargetFlow;
	private readonly restore: RestoreQuestions;
	private readonly reconstruct: ReconstructQuestions;
	private readonly driver: RunDriver;
	private readonly synchronizeOnly: SynchronizeOnly;
	private readonly navigation: Navigation;
	private readonly situation: SituationFlow;

	constructor(options: WizardOptions, deps: ControllerDeps = {}) {
		this.s = new WizardSession(options, deps);
		this.target = new TargetFlow(this.s);
		this.restore = new RestoreQuestions(this.s);
		this.reconstruct = new ReconstructQuestions(this.s);
		this.driver = new RunDriver(this.s);
		this.synchronizeOnly = new SynchronizeOnly(this.s, this.driver);
		this.navigation = new Navigation(this.s);
		this.situation = new SituationFlow(this.s, {
			askBackup: () => this.s.store.go({name: 'ask-backup', pdc: this.situation.answers.pdc}),
			repair: () => this.restore.repair(),
			restorePlan: (kind, advice) => this.restore.showPlan(kind, advice, this.situation.answers.pdc),
			synchronizeOnly: kind => this.synchronizeOnly.ask(kind),
			afterSynchronizeOnly: choice => this.synchronizeOnly.after(choice),
			binderyQuestion: (servers, versions) => this.reconstruct.chooseBinderyServers(servers, versions),
			noSupervisor: choice => this.reconstruct.afterNoSupervisor(choice),
		});
		this.s.handovers = {
			inspect: () => this.target.inspect(),
			askField: (field, error) => this.target.askField(field, error),
			askSymptom: () => this.situation.askSymptom(),
			askSynchronize: taken => this.situation.askSynchronize('restore', taken),
			askNetWare: servers => this.situation.askNetWare(servers),
			askSynchronizeOnly: async () => this.situation.askSynchronize('only'),
			startReconstruct: () => this.reconstruct.start(),
			chooseBinderyServers: async servers => this.situation.askNetWare(servers),
			confirmNext: () => this.driver.confirmNext(),
			leave: signal => this.navigation.leave(signal),
		};
	}

	// ——— what the screens draw (useSyncExternalStore) ———

	getState = (): WizardState => this.s.store.getState();
	subscribe = (listener: () => void): (() => void) => this.s.store.subscribe(listener);

	// ——— the target ———

	start = (): Promise<void> => this.target.start();
	chooseTarget = (kind: 'lab' | 'windows' | 'remote'): Promise<void> => this.target.chooseTarget(kind);
	/** The temporary authentication file, if one was written, and the target's lock: released whenever the wizard ends. */
	dispose = (): Promise<void> => this.target.dispose();

	// ——— the questions ———

	continueFromInspect = (choice?: 'continue' | 'again' | 'leave' | 'synchronize'): Promise<void> => this.restore.continueFromInspect(choice);
	answerBackup = (answer: 'yes' | 'no' | 'unsure'): Promise<void> => this.restore.answerBackup(answer);
	chooseBackup = (folder: string): Promise<void> => this.restore.chooseBackup(folder);
	acceptValidation = (): Promise<void> => this.restore.acceptValidation();
	answerNtVersion = (answer: 'nt-4.0' | 'nt-3.51'): Promise<void> => this.restore.answerNtVersion(answer);
	acceptConsequences = (answer?: ChoiceValues['consequences']): Promise<void> => this.reconstruct.acceptConsequences(answer);
	moveCursor = (delta: number): void => this.reconstruct.moveCursor(delta);
	toggleSelected = (): void => this.reconstruct.toggleSelected();
	submitSelection = (): Promise<void> => this.reconstruct.submitSelection();
	choosePasswordPolicy = (policy: 'random' | 'initial'): Promise<void> => this.reconstruct.choosePasswordPolicy(policy);
	/** Enter on a situation question (flows/situation.ts): the symptom, the PDC, the repair, the synchronize, a NetWare version. */
	answerSituation = (value: string): Promise<void> => this.situation.answer(value);

	// ——— typing (one model for every line: text-entry.ts) ———

	typeText(text: string): void {
		const screen = typeInto(this.s.store.screen, text, this.s.secret);
		if (screen) this.s.store.set({screen});
	}

	eraseText(what: Erase = 'char'): void {
		const screen = eraseFrom(this.s.store.screen, this.s.secret, what);
		if (screen) this.s.store.set({screen});
	}

	moveTextCursor(to: CursorMove): void {
		const screen = moveCursorIn(this.s.store.screen, to);
		if (screen) this.s.store.set({screen});
	}

	/** Tab on a line that holds a path: completed as far as it is unambiguous. */
	async complete(): Promise<void> {
		const screen = this.s.store.screen;
		if (!completesPath(screen) || !('input' in screen)) return;
		const {completePath} = await operations();
		const {completed, candidates} = await completePath(screen.input);
		const now = this.s.store.screen;
		// The line completed: the cursor at its end.
		if (now.name === 'choose-backup') this.s.store.set({screen: moveCursorIn({...now, input: completed, candidates}, 'end') ?? now});
		else if (now.name === 'discover' || now.name === 'passwords-file' || now.name === 'target-field')
			this.s.store.set({screen: moveCursorIn({...now, input: completed}, 'end') ?? {...now, input: completed}});
	}

	/** Enter on a line: whatever that line answers. */
	async submitText(): Promise<void> {
		const screen = this.s.store.screen;
		switch (screen.name) {
			case 'choose-backup':
				return this.restore.submitFolder();
			case 'discover':
				return this.restore.search();
			case 'confirm':
				if (!screen.word) return;
				if (screen.typed === screen.word) return this.runConfirmed(screen.step);
				this.s.store.set({screen: {...screen, typed: '', error: confirmationMismatch(screen.word, screen.typed)}});
				return;
			case 'password-entry':
				return this.reconstruct.submitPassword();
			case 'passwords-file':
				return this.reconstruct.submitPasswordsFile();
			case 'target-field':
				return this.target.submitField();
		}
	}

	// ——— the run ———

	/** Begin on the plan: the run of the flow planned, then its first confirmation. */
	async startPlan(): Promise<void> {
		const screen = this.s.store.screen;
		if (screen.name !== 'plan') return;
		await this.beginPlanned(screen, [...this.s.store.history]);
	}

	/** The run of the plan, once the server's writer lock is held (app/claim-server.ts, as a scripted run claims it); `breakLock`: the admin typed the holder's name. */
	private async beginPlanned(plan: Extract<WizardState['screen'], {name: 'plan'}>, history: WizardState['screen'][], breakLock = false): Promise<void> {
		const run = plan.flow === 'reconstruct' ? await this.reconstruct.begin() : await this.restore.begin(plan.flow);
		// Refused before any step: this run is closed (nothing changed), a new one begins if the lock is broken.
		const locked = await claimServer(run, {isNew: true, breakLock: breakLock || this.s.options.breakLock});
		if (!locked) return this.driver.begin(run, plan, history);
		this.locked = {plan, history};
		this.s.store.set({screen: locked.gone ? breakLockConfirmation(locked) : lockRefused(locked)});
	}

	/** A run found unfinished, resumed or rolled back: the server's writer lock claimed first, as a scripted --resume or --rollback does. */
	private async resumeClaimed(choice: 'resume' | 'rollback' | 'leave', breakLock = false): Promise<void> {
		if (choice === 'leave') return this.driver.resumeChoice(choice);
		const locked = await claimServer(this.s.activeRun, {isNew: false, breakLock: breakLock || this.s.options.breakLock});
		if (!locked) return this.driver.resumeChoice(choice);
		this.locked = {resume: choice};
		this.s.store.set({screen: locked.gone ? breakLockConfirmation(locked) : lockRefused(locked)});
	}

	/** What waits for the server's lock to be broken: the plan's new run, or the choice made on the resume screen. */
	private locked:
		{plan: Extract<WizardState['screen'], {name: 'plan'}>; history: WizardState['screen'][]; resume?: undefined} | {resume: 'resume' | 'rollback'} | undefined;

	confirmNext = (): Promise<void> => this.driver.confirmNext();

	/** y, or Enter on "Yes", or the typed word. */
	async confirm(): Promise<void> {
		const screen = this.s.store.screen;
		if (screen.name !== 'confirm') return;
		if (screen.word && screen.typed !== screen.word) return;
		await this.runConfirmed(screen.step);
	}

	private async runConfirmed(step: string): Promise<void> {
		if (step === BREAK_LOCK_STEP && this.locked) {
			const locked = this.locked;
			this.locked = undefined;
			return locked.resume ? this.resumeClaimed(locked.resume, true) : this.beginPlanned(locked.plan, locked.history, true);
		}
		if (step === 'synchronize-only') await this.synchronizeOnly.run();
		else if (step === 'rollback') await this.driver.rollback();
		else await this.driver.runStep(step);
	}

	manualChoice = (choice: 'done' | 'later'): Promise<void> => this.driver.manualChoice(choice);
	moveChecklist = (): void => this.driver.moveChecklist();
	toggleChecklist = (): void => this.driver.toggleChecklist();
	failureChoice = (choice: 'retry' | 'retry-failed' | 'rollback' | 'finish' | 'stop'): Promise<void> => this.driver.failureChoice(choice);
	resumeChoice = (choice: 'resume' | 'rollback' | 'leave'): Promise<void> => this.resumeClaimed(choice);

	// ——— going back and leaving ———

	canGoBack = (): boolean => this.navigation.canGoBack();
	back = (): Promise<void> => this.navigation.back();
	noteIgnoredKey = (when: 'now' | 'next-screen'): void => this.s.store.noteIgnoredKey(when);
	showHelp = (): void => this.navigation.showHelp();
	helpPaged = (pages: number): void => this.navigation.helpPaged(pages);
	leavingNote = (): string => this.navigation.leavingNote();
	requestQuit = (): void => this.navigation.requestQuit();
	cancelQuit = (): void => this.navigation.cancelQuit();
	confirmQuit = (): Promise<void> => this.navigation.confirmQuit();
	hangup = (signal: string): Promise<void> => this.navigation.hangup(signal);
	fatal = (error: unknown): void => this.navigation.fatal(error);
	done = (): void => this.navigation.done();

	// ——— keys (ARCHITECTURE.md, "Keys and type-ahead"): applied in intent.ts, the list pointer in choice-cursor.ts ———

	/** How long a screen must have been on view before a key answers it. */
	get seenMs(): number {
		return this.s.deps.seenMs;
	}

	/** The pointer of the list of choices on screen. */
	readonly choices = new ChoiceCursor(this);

	/** What Enter on an item of each screen's list does with its value (choices.ts): one handler per screen. */
	readonly answers: ChoiceHandlers = choiceHandlers(this);

	/** What each intent does (intent.ts): one handler per intent type; a new intent without one does not type-check. */
	readonly intents: IntentHandlers = intentHandlers(this, this.answers, () => this.s.store.screen);

	/** What a key means, done: the promise is the work it started. */
	dispatch(intent: Intent): Promise<void> | void {
		return applyIntent(this.intents, intent);
	}
}

/**
 * What each intent does, by the controller `c`'s own methods, on the screen `screen()` gives (its working
 * state). A function of the controller rather than a field of it so that the screen tests drive the same
 * map with a stand-in that records each method called (test/helpers/screen-harness.tsx): one map, one name
 * per action.
 */
export function intentHandlers(c: WizardController, answers: ChoiceHandlers, screen: () => Screen): IntentHandlers {
	return {
		'type-text': ({text}) => c.typeText(text),
		'erase-text': ({what}) => c.eraseText(what),
		'move-text-cursor': ({to}) => c.moveTextCursor(to),
		'complete-text': () => c.complete(),
		'submit-text': () => c.submitText(),
		// The multi-select keeps its own pointer (each row can be ticked); every other list has the list pointer.
		'move-cursor': ({delta}) => (screen().name === 'multi-select' ? c.moveCursor(delta) : c.choices.move(delta)),
		choose: () => c.choices.choose((shown, value) => applyChoice(answers, shown, value)),
		'toggle-selected': () => c.toggleSelected(),
		'submit-selection': () => c.submitSelection(),
		'next-checklist-server': () => c.moveChecklist(),
		'tick-checklist-server': () => c.toggleChecklist(),
		confirm: () => c.confirm(),
		back: () => c.back(),
		'toggle-help': () => c.showHelp(),
		'ask-to-leave': () => c.requestQuit(),
		leave: () => c.confirmQuit(),
		stay: () => c.cancelQuit(),
		finish: () => c.done(),
	};
}

/** What Enter on an item of each screen's list does with its value (choices.ts), by the controller `c`'s own methods: one handler per screen. */
export function choiceHandlers(c: WizardController): ChoiceHandlers {
	return {
		target: kind => c.chooseTarget(kind),
		resume: choice => c.resumeChoice(choice),
		inspect: choice => c.continueFromInspect(choice),
		'ask-backup': answer => c.answerBackup(answer),
		discover: folder => c.chooseBackup(folder),
		validation: value => (value === 'accept' ? c.acceptValidation() : value === 'back' ? c.back() : c.answerNtVersion(value)),
		plan: () => c.startPlan(),
		manual: choice => c.manualChoice(choice),
		consequences: answer => c.acceptConsequences(answer),
		'password-policy': policy => c.choosePasswordPolicy(policy),
		// "No": back where nothing has changed yet, else the quit question (the run waits in its journal).
		confirm: value => (value === 'yes' ? c.confirm() : c.canGoBack() ? c.back() : c.requestQuit()),
		failure: choice => c.failureChoice(choice),
		situation: value => c.answerSituation(value),
	};
}
