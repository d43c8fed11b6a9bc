/**
 * One screen, drawn and driven as the wizard does: its keys go through the real input handler
 * (split-keys, the type-ahead queue, the keymap, the list pointer and applyIntent) to a stand-in for the
 * controller whose handler maps record the controller method each real handler calls.
 */
import {render} from 'ink-testing-library';
import type {ReactNode} from 'react';
import {useSyncExternalStore} from 'react';
import {UNICODE_GLYPHS} from '../../source/text/glyphs.js';
import {GlyphsContext} from '../../source/ui/theme.js';
import {useKeys} from '../../source/ui/use-keys.js';
import type {ChoiceView} from '../../source/ui/widgets/Select.js';
import {ChoiceCursor} from '../../source/wizard/choice-cursor.js';
import {choicesOf} from '../../source/wizard/choices.js';
import {applyChoice, applyIntent, type ChoiceHandlers, type Intent, type IntentHandlers} from '../../source/wizard/intent.js';
import type {Screen, WizardState} from '../../source/wizard/state.js';

export const KEYS = {enter: '\r', escape: '\u001B', up: '\u001B[A', down: '\u001B[B', ctrlC: '\u0003', backspace: '\u007F', tab: '\t'} as const;

/** A controller method called, with its arguments: `['answerBackup', 'no']`. */
export type Call = [string, ...unknown[]];

/** Stands in for the controller: the state as given, the real list pointer, every other method recorded. */
export class FakeWizard {
	state: WizardState;
	readonly calls: Call[] = [];
	readonly ignoredKeys: ('now' | 'next-screen')[] = [];
	readonly choices: ChoiceCursor;
	canGoBackAnswer = false;
	/** What a recorded call does besides being recorded: `{answerBackup: () => wizard.set(…)}`. */
	respond: Partial<Record<string, (...args: unknown[]) => void>> = {};
	private readonly listeners = new Set<() => void>();

	constructor(screen: Screen, patch: Partial<WizardState> = {}) {
		this.state = {screen, log: [], commands: [], busy: false, leaving: false, ...patch};
		this.choices = new ChoiceCursor(this);
	}

	/** Records a call by the name of the controller's method that the real handler calls. */
	private record(name: string, ...args: unknown[]): void {
		this.calls.push([name, ...args]);
		this.respond[name]?.(...args);
	}

	/** The controller's handler maps (controller.ts), each recording the method it calls. */
	readonly intents: IntentHandlers = {
		'type-text': ({text}) => this.record('typeText', text),
		'erase-text': ({what}) => (what ? this.record('eraseText', what) : this.record('eraseText')),
		'move-text-cursor': ({to}) => this.record('moveTextCursor', to),
		'complete-text': () => this.record('complete'),
		'submit-text': () => this.record('submitText'),
		'move-cursor': ({delta}) => (this.state.screen.name === 'multi-select' ? this.record('moveCursor', delta) : this.choices.move(delta)),
		choose: () => this.choices.choose((screen, value) => applyChoice(this.answers, screen, value)),
		'toggle-selected': () => this.record('toggleSelected'),
		'submit-selection': () => this.record('submitSelection'),
		'next-checklist-server': () => this.record('moveChecklist'),
		'tick-checklist-server': () => this.record('toggleChecklist'),
		confirm: () => this.record('confirm'),
		back: () => this.record('back'),
		'toggle-help': () => this.record('showHelp'),
		'ask-to-leave': () => this.record('requestQuit'),
		leave: () => this.record('confirmQuit'),
		stay: () => this.record('cancelQuit'),
		finish: () => this.record('done'),
	};

	readonly answers: ChoiceHandlers = {
		target: kind => this.record('chooseTarget', kind),
		resume: choice => this.record('resumeChoice', choice),
		inspect: choice => this.record('continueFromInspect', choice),
		'ask-backup': answer => this.record('answerBackup', answer),
		discover: folder => this.record('chooseBackup', folder),
		validation: value =>
			value === 'accept' ? this.record('acceptValidation') : value === 'back' ? this.record('back') : this.record('answerNtVersion', value),
		plan: () => this.record('startPlan'),
		manual: choice => this.record('manualChoice', choice),
		consequences: answer => this.record('acceptConsequences', answer),
		'password-policy': policy => this.record('choosePasswordPolicy', policy),
		confirm: value => (value === 'yes' ? this.record('confirm') : this.canGoBackAnswer ? this.record('back') : this.record('requestQuit')),
		failure: choice => this.record('failureChoice', choice),
		situation: value => this.record('answerSituation', value),
	};

	getState = (): WizardState => this.state;

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	/** As the controller's own changes: drawn at once. */
	set(patch: Partial<WizardState>): void {
		this.state = {...this.state, ...patch};
		for (const listener of this.listeners) listener();
	}

	dispatch = (intent: Intent): Promise<void> | void => applyIntent(this.intents, intent);

	noteIgnoredKey = (when: 'now' | 'next-screen'): void => void this.ignoredKeys.push(when);

	fatal = (error: unknown): void => {
		throw error;
	};
}

function Harness({wizard, draw}: {wizard: FakeWizard; draw: (screen: Screen, choice: ChoiceView) => ReactNode}) {
	useKeys(wizard);
	const {screen} = useSyncExternalStore(wizard.subscribe, wizard.getState);
	const pointer = useSyncExternalStore(wizard.choices.subscribe, wizard.choices.pointer);
	return <>{draw(screen, {items: choicesOf(screen, wizard.canGoBackAnswer)?.items ?? [], pointer})}</>;
}

/** Draws `screen` with `draw` (the screen's component), its list and pointer as the wizard gives them. */
export function mountScreen<S extends Screen>(screen: S, draw: (screen: S, choice: ChoiceView) => ReactNode, patch: Partial<WizardState> = {}) {
	const wizard = new FakeWizard(screen, patch);
	const ui = render(
		<GlyphsContext.Provider value={UNICODE_GLYPHS}>
			<Harness wizard={wizard} draw={(now, choice) => draw(now as S, choice)} />
		</GlyphsContext.Provider>,
	);
	const frame = () => ui.lastFrame() ?? '';
	return {wizard, ui, frame};
}

/** The list a screen offers, with the pointer where it starts: for drawing a screen without keys. */
export function choiceOf(screen: Screen, canGoBack = false): ChoiceView {
	const list = choicesOf(screen, canGoBack);
	return {items: list?.items ?? [], pointer: list?.initial ?? 0};
}
