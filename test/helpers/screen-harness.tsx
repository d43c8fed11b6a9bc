/**
 * One screen, drawn and driven as the wizard does: its keys go through the real input handler
 * (split-keys, the type-ahead queue, the keymap, the list pointer and applyIntent) and the controller's own
 * handler maps (controller.ts, `intentHandlers` and `choiceHandlers`), given a stand-in for the controller
 * that records each of its methods they call instead of doing it.
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
import {parseCommandLine} from '../../source/cli/parse-args.js';
import {choiceHandlers, intentHandlers, WizardController} from '../../source/wizard/controller.js';
import {applyIntent, type ChoiceHandlers, type Intent, type IntentHandlers} from '../../source/wizard/intent.js';
import type {Screen, WizardState} from '../../source/wizard/state.js';

export const KEYS = {enter: '\r', escape: '\u001B', up: '\u001B[A', down: '\u001B[B', ctrlC: '\u0003', backspace: '\u007F', tab: '\t'} as const;

/** A controller method called, with its arguments: `['answerBackup', 'no']`. */
export type Call = [string, ...unknown[]];

/** Stands in for the controller: the state as given, the real list pointer, every other method recorded. */
function wizardOptions() {
	const command = parseCommandLine([]);
	if (command.kind !== 'wizard') throw new Error('no argument is the wizard');
	return command.options;
}

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

	/** Records a call by the name of the controller's method that the real handler calls (an optional argument not given is not recorded). */
	private record(name: string, ...args: unknown[]): void {
		while (args.length > 0 && args.at(-1) === undefined) args.pop();
		this.calls.push([name, ...args]);
		this.respond[name]?.(...args);
	}

	/**
	 * A controller whose every method records its call instead of doing it, but for the list pointer (this
	 * harness's, on the screen given) and whether Esc goes back (`canGoBackAnswer`).
	 */
	private readonly recorder: WizardController = new Proxy(new WizardController(wizardOptions()), {
		get: (controller, name, receiver) => {
			if (name === 'choices') return this.choices;
			if (name === 'canGoBack') return () => this.canGoBackAnswer;
			const value: unknown = Reflect.get(controller, name, receiver);
			return typeof value === 'function' && typeof name === 'string' ? (...args: unknown[]) => this.record(name, ...args) : value;
		},
	});

	/** The controller's handler maps (controller.ts), doing their work on the recorder. */
	readonly answers: ChoiceHandlers = choiceHandlers(this.recorder);
	readonly intents: IntentHandlers = intentHandlers(this.recorder, this.answers, () => this.state.screen);

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
