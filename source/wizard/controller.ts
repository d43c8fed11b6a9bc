/**
 * The wizard's logic, free of Ink (ARCHITECTURE.md, "The wizard"): it wires its parts and holds nothing
 * itself: the store holds what the screens draw, the flows ask the questions, the run driver runs the
 * steps, navigation goes back and leaves. The UI subscribes and hands the admin's intents to `dispatch`.
 * One name per action: an intent type (`intents`), or for Enter on a list, the screen's handler
 * (`answers`); the few other public members are what the front end needs besides actions, each saying why
 * (test/wizard/controller-surface.test.ts lists them).
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
import type {WizardState} from './state.js';
import {confirmationMismatch} from './summary.js';
import {eraseFrom, moveCursorIn, typeInto, type CursorMove, type Erase} from './text-entry.js';
import {ChoiceCursor} from './choice-cursor.js';
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

	// ——— what the front end uses that is not an action (ARCHITECTURE.md, "The wizard": one name per action) ———

	/** The state the screens draw (useSyncExternalStore), and its changes. */
	getState = (): WizardState => this.s.store.getState();
	subscribe = (listener: () => void): (() => void) => this.s.store.subscribe(listener);
	/** The first screen: run-wizard.tsx starts the wizard once drawn. */
	start = (): Promise<void> => this.target.start();
	/** The temporary authentication file, if one was written, and the target's lock: released whenever the wizard ends. */
	dispose = (): Promise<void> => this.target.dispose();
	/** Whether Esc goes back here: the footer and the list ("Back") are drawn by it. */
	canGoBack = (): boolean => this.navigation.canGoBack();
	/** A key that answered nothing, said on screen (the input handler, use-keys.ts, knows; the store says it). */
	noteIgnoredKey = (when: 'now' | 'next-screen'): void => this.s.store.noteIgnoredKey(when);
	/** How many pages the help box took when drawn (App.tsx measures it): what "?" pages through. */
	helpPaged = (pages: number): void => this.navigation.helpPaged(pages);
	/** The quit question's note: what stays as it is when the admin leaves now. */
	leavingNote = (): string => this.navigation.leavingNote();
	/** A signal (SIGHUP, SIGTERM) from the terminal: leave at a safe point (run-wizard.tsx). */
	hangup = (signal: string): Promise<void> => this.navigation.hangup(signal);
	/** An error no screen expected: the app shell hands it here to end on a screen that says so. */
	fatal = (error: unknown): void => this.navigation.fatal(error);

	// ——— typing (one model for every line: text-entry.ts) ———

	private typeText(text: string): void {
		const screen = typeInto(this.s.store.screen, text, this.s.secret);
		if (screen) this.s.store.set({screen});
	}

	private eraseText(what: Erase = 'char'): void {
		const screen = eraseFrom(this.s.store.screen, this.s.secret, what);
		if (screen) this.s.store.set({screen});
	}

	private moveTextCursor(to: CursorMove): void {
		const screen = moveCursorIn(this.s.store.screen, to);
		if (screen) this.s.store.set({screen});
	}

	/** Tab on a line that holds a path: completed as far as it is unambiguous. */
	private async complete(): Promise<void> {
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
	private async submitText(): Promise<void> {
		const screen = this.s.store.screen;
		switch (screen.name) {
			case 'choose-backup':
				return this.restore.submitFolder();
			case 'discover':
				return this.restore.search();
			case 'confirm':
				if (!screen.word) return;
				if (screen.typed === screen.word) return this.runConfirmed(screen.step);
				this.s.store.set({screen: {...screen, typed: '', error: confirmationMismatch(screen.word, screen.typed, Boolean(this.s.run?.hasChangedAnything()))}});
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
	private async startPlan(): Promise<void> {
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
	private async resumeChoice(choice: 'resume' | 'rollback' | 'leave', breakLock = false): Promise<void> {
		if (choice === 'leave') return this.driver.resumeChoice(choice);
		const locked = await claimServer(this.s.activeRun, {isNew: false, breakLock: breakLock || this.s.options.breakLock});
		if (!locked) return this.driver.resumeChoice(choice);
		this.locked = {resume: choice};
		this.s.store.set({screen: locked.gone ? breakLockConfirmation(locked) : lockRefused(locked)});
	}

	/** What waits for the server's lock to be broken: the plan's new run, or the choice made on the resume screen. */
	private locked:
		{plan: Extract<WizardState['screen'], {name: 'plan'}>; history: WizardState['screen'][]; resume?: undefined} | {resume: 'resume' | 'rollback'} | undefined;

	/** y, or Enter on "Yes", or the typed word. */
	private async confirm(): Promise<void> {
		const screen = this.s.store.screen;
		if (screen.name !== 'confirm') return;
		if (screen.word && screen.typed !== screen.word) return;
		await this.runConfirmed(screen.step);
	}

	private async runConfirmed(step: string): Promise<void> {
		if (step === BREAK_LOCK_STEP && this.locked) {
			const locked = this.locked;
			this.locked = undefined;
			return locked.resume ? this.resumeChoice(locked.resume, true) : this.beginPlanned(locked.plan, locked.history, true);
		}
		if (step === 'synchronize-only') await this.synchronizeOnly.run();
		else if (step === 'rollback') await this.driver.rollback();
		else await this.driver.runStep(step);
	}

	// ——— keys (ARCHITECTURE.md, "Keys and type-ahead"): applied in intent.ts, the list pointer in choice-cursor.ts ———

	/** How long a screen must have been on view before a key answers it (the input handler's type-ahead). */
	get seenMs(): number {
		return this.s.deps.seenMs;
	}

	/** The pointer of the list of choices on screen: the list draws it, the arrows and Enter move and read it. */
	readonly choices = new ChoiceCursor(this);

	/**
	 * What Enter on an item of each screen's list does with its value (choices.ts): one handler per screen,
	 * calling the part that answers it. Read at each key (`choose`), as `intents` is by `dispatch`.
	 */
	readonly answers: ChoiceHandlers = {
		target: kind => this.target.chooseTarget(kind),
		resume: choice => this.resumeChoice(choice),
		inspect: choice => this.restore.continueFromInspect(choice),
		'ask-backup': answer => this.restore.answerBackup(answer),
		discover: folder => this.restore.chooseBackup(folder),
		validation: value =>
			value === 'accept' ? this.restore.acceptValidation() : value === 'back' ? this.dispatch({type: 'back'}) : this.restore.answerNtVersion(value),
		plan: () => this.startPlan(),
		manual: choice => this.driver.manualChoice(choice),
		consequences: answer => this.reconstruct.acceptConsequences(answer),
		'password-policy': policy => this.reconstruct.choosePasswordPolicy(policy),
		// "No": back where nothing has changed yet, else the quit question (the run waits in its journal).
		confirm: value => this.dispatch(value === 'yes' ? {type: 'confirm'} : this.canGoBack() ? {type: 'back'} : {type: 'ask-to-leave'}),
		failure: choice => this.driver.failureChoice(choice),
		situation: value => this.situation.answer(value),
	};

	/** What each intent does (intent.ts): one handler per intent type; a new intent without one does not type-check. */
	readonly intents: IntentHandlers = {
		'type-text': ({text}) => this.typeText(text),
		'erase-text': ({what}) => this.eraseText(what),
		'move-text-cursor': ({to}) => this.moveTextCursor(to),
		'complete-text': () => this.complete(),
		'submit-text': () => this.submitText(),
		// The multi-select keeps its own pointer (each row can be ticked); every other list has the list pointer.
		'move-cursor': ({delta}) => (this.getState().screen.name === 'multi-select' ? this.reconstruct.moveCursor(delta) : this.choices.move(delta)),
		choose: () => this.choices.choose((shown, value) => applyChoice(this.answers, shown, value)),
		'toggle-selected': () => this.reconstruct.toggleSelected(),
		'submit-selection': () => this.reconstruct.submitSelection(),
		'next-checklist-server': () => this.driver.moveChecklist(),
		'tick-checklist-server': () => this.driver.toggleChecklist(),
		confirm: () => this.confirm(),
		back: () => this.navigation.back(),
		'toggle-help': () => this.navigation.showHelp(),
		'ask-to-leave': () => this.navigation.requestQuit(),
		leave: () => this.navigation.confirmQuit(),
		stay: () => this.navigation.cancelQuit(),
		finish: () => this.navigation.done(),
	};

	/** What a key means, done: the promise is the work it started. */
	dispatch(intent: Intent): Promise<void> | void {
		return applyIntent(this.intents, intent);
	}
}
