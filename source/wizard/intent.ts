/**
 * What a key means to the wizard, named after what the admin does: type into a field, move the pointer,
 * choose, go back, ask why, leave. The front end turns keys into intents (source/ui/keymap.ts) and hands
 * them to the controller's `dispatch`, which applies them here (ARCHITECTURE.md, "Keys and type-ahead").
 */
import type {CursorMove, Erase} from './text-entry.js';
import type {ChoiceCursor} from './choice-cursor.js';
import {isChoiceOf, type ChoiceValues} from './choices.js';
import type {NtAnswer} from './nt-version-question.js';
import type {Screen, WizardState} from './state.js';

export type Intent =
	/** Text fields: a printable key (or several pasted), Backspace, Tab, Enter. */
	| {type: 'type-text'; text: string}
	/** Backspace (a character), Ctrl+W (a word), Ctrl+U (the line). */
	| {type: 'erase-text'; what?: Erase}
	/** Left, Right, Home or Ctrl+A, End or Ctrl+E: where typing goes in the line. */
	| {type: 'move-text-cursor'; to: CursorMove}
	| {type: 'complete-text'}
	| {type: 'submit-text'}
	/** The pointer of the list on screen: a choice list's, or a multi-select's. */
	| {type: 'move-cursor'; delta: number}
	/** Enter on a choice list: the item under the pointer. */
	| {type: 'choose'}
	/** A multi-select: Space chooses or leaves the item under the pointer; Enter goes on. */
	| {type: 'toggle-selected'}
	| {type: 'submit-selection'}
	/** The manual synchronization's checklist: Tab to the next server, Space ticks it. */
	| {type: 'next-checklist-server'}
	| {type: 'tick-checklist-server'}
	/** y on a confirmation. */
	| {type: 'confirm'}
	| {type: 'back'}
	/** ? opens the why of this step; any key closes it. */
	| {type: 'toggle-help'}
	/** q, Ctrl+C: the quit question; then y leaves, n or Esc stays. */
	| {type: 'ask-to-leave'}
	| {type: 'leave'}
	| {type: 'stay'}
	/** Enter on the summary. */
	| {type: 'finish'};

/** The controller as an intent reaches it: its public methods (source/wizard/controller.ts `implements` it, so the two cannot drift), and the list pointer. */
export interface IntentTarget {
	getState(): WizardState;
	canGoBack(): boolean;
	readonly choices: Pick<ChoiceCursor, 'move' | 'choose'>;
	typeText(text: string): void;
	eraseText(what?: Erase): void;
	moveTextCursor(to: CursorMove): void;
	complete(): Promise<void>;
	submitText(): Promise<void>;
	moveCursor(delta: number): void;
	toggleSelected(): void;
	submitSelection(): Promise<void>;
	moveChecklist(): void;
	toggleChecklist(): void;
	confirm(): Promise<void>;
	back(): Promise<void>;
	showHelp(): void;
	requestQuit(): void;
	confirmQuit(): Promise<void>;
	cancelQuit(): void;
	done(): void;
	chooseTarget(kind: ChoiceValues['target']): Promise<void>;
	resumeChoice(choice: ChoiceValues['resume']): Promise<void>;
	continueFromInspect(choice: ChoiceValues['inspect']): Promise<void>;
	answerBackup(answer: ChoiceValues['ask-backup']): Promise<void>;
	chooseBackup(folder: ChoiceValues['discover']): Promise<void>;
	acceptValidation(): Promise<void>;
	answerNtVersion(answer: NtAnswer): Promise<void>;
	startPlan(): Promise<void>;
	manualChoice(choice: ChoiceValues['manual']): Promise<void>;
	acceptConsequences(answer?: ChoiceValues['consequences']): Promise<void>;
	choosePasswordPolicy(policy: ChoiceValues['password-policy']): Promise<void>;
	failureChoice(choice: ChoiceValues['failure']): Promise<void>;
	answerSituation(value: ChoiceValues['situation']): Promise<void>;
}

/** Does what the intent says; the promise is the work it started (a step may run for minutes). */
export function applyIntent(wizard: IntentTarget, intent: Intent): Promise<void> | void {
	switch (intent.type) {
		case 'type-text':
			return wizard.typeText(intent.text);
		case 'erase-text':
			return intent.what ? wizard.eraseText(intent.what) : wizard.eraseText();
		case 'move-text-cursor':
			return wizard.moveTextCursor(intent.to);
		case 'complete-text':
			return wizard.complete();
		case 'submit-text':
			return wizard.submitText();
		case 'move-cursor':
			if (wizard.getState().screen.name === 'multi-select') return wizard.moveCursor(intent.delta);
			return wizard.choices.move(intent.delta);
		case 'choose':
			return wizard.choices.choose((screen, value) => applyChoice(wizard, screen, value));
		case 'toggle-selected':
			return wizard.toggleSelected();
		case 'submit-selection':
			return wizard.submitSelection();
		case 'next-checklist-server':
			return wizard.moveChecklist();
		case 'tick-checklist-server':
			return wizard.toggleChecklist();
		case 'confirm':
			return wizard.confirm();
		case 'back':
			return wizard.back();
		case 'toggle-help':
			return wizard.showHelp();
		case 'ask-to-leave':
			return wizard.requestQuit();
		case 'leave':
			return wizard.confirmQuit();
		case 'stay':
			return wizard.cancelQuit();
		case 'finish':
			return wizard.done();
	}
}

/** The answer an item of a screen's list gives: `value` is checked against that screen's answers (choices.ts), never cast. */
function applyChoice(wizard: IntentTarget, screen: Screen, value: string): Promise<void> | void {
	switch (screen.name) {
		case 'target':
			return isChoiceOf('target', value) ? wizard.chooseTarget(value) : undefined;
		case 'resume':
			return isChoiceOf('resume', value) ? wizard.resumeChoice(value) : undefined;
		case 'inspect':
			return isChoiceOf('inspect', value) ? wizard.continueFromInspect(value) : undefined;
		case 'ask-backup':
			return isChoiceOf('ask-backup', value) ? wizard.answerBackup(value) : undefined;
		case 'discover':
			return wizard.chooseBackup(value);
		case 'validation':
			if (value === 'nt-4.0' || value === 'nt-3.51') return wizard.answerNtVersion(value);
			return value === 'accept' ? wizard.acceptValidation() : wizard.back();
		case 'plan':
			return wizard.startPlan();
		case 'manual':
			return isChoiceOf('manual', value) ? wizard.manualChoice(value) : undefined;
		case 'consequences':
			return isChoiceOf('consequences', value) ? wizard.acceptConsequences(value) : undefined;
		case 'password-policy':
			return isChoiceOf('password-policy', value) ? wizard.choosePasswordPolicy(value) : undefined;
		case 'confirm':
			// "No": back where nothing has changed yet, else the quit question (the run waits in its journal).
			if (value === 'yes') return wizard.confirm();
			return wizard.canGoBack() ? wizard.back() : wizard.requestQuit();
		case 'failure':
			return isChoiceOf('failure', value) ? wizard.failureChoice(value) : undefined;
		case 'situation':
			return wizard.answerSituation(value);
		default:
			return undefined;
	}
}
