/**
 * One screen, drawn and driven as the wizard does: its keys go through the real input handler
 * (split-keys, the type-ahead queue, the keymap, the list pointer and applyIntent) and a real controller's
 * own handler maps (controller.ts, `intents` and `answers`), whose parts (the flows, the run driver,
 * navigation) and own private steps are replaced by recorders: each call a handler makes is recorded by
 * the method's name instead of being done.
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
import {WizardController} from '../../source/wizard/controller.js';
import {applyIntent, type ChoiceHandlers, type Intent, type IntentHandlers} from '../../source/wizard/intent.js';
import type {Screen, WizardState} from '../../source/wizard/state.js';

export const KEYS = {enter: '\r', escape: '\u001B', up: '\u001B[A', down: '\u001B[B', ctrlC: '\u0003', backspace: '\u007F', tab: '\t'} as const;

/** A method a handler called (of a part of the controller, or its own), with its arguments: `['answerBackup', 'no']`. */
export type Call = [string, ...unknown[]];

/** Stands in for the controller: the state as given, the real list pointer, every other method recorded. */
function wizardOptions() {
	const command = parseCommandLine([]);
	if (command.kind !== 'wizard') throw new Error('no argument is the wizard');
	return command.options;
}

/** What the recording controller keeps as it is: the handler maps, and what the harness gives it itself (`recording`). */
const KEPT = new Set(['constructor', 'answers', 'intents', 'dispatch', 'choices', 'canGoBack', 'getState']);

export class FakeWizard {
	state: WizardState;
	readonly calls: Call[] = [];
	readonly ignoredKeys: ('now' | 'next-screen')[] = [];
	/** The list pointer, on the screen given (made before the recording controller, which is given it). */
	readonly choices: ChoiceCursor = new ChoiceCursor(this);
	canGoBackAnswer = false;
	/** What a recorded call does besides being recorded: `{answerBackup: () => wizard.set(…)}`. */
	respond: Partial<Record<string, (...args: unknown[]) => void>> = {};
	private readonly listeners = new Set<() => void>();

	constructor(screen: Screen, patch: Partial<WizardState> = {}) {
		this.state = {screen, log: [], commands: [], busy: false, leaving: false, ...patch};
	}

	/** Records a call by the name of the controller's method that the real handler calls (an optional argument not given is not recorded). */
	private record(name: string, ...args: unknown[]): void {
		while (args.length > 0 && args.at(-1) === undefined) args.pop();
		this.calls.push([name, ...args]);
		this.respond[name]?.(...args);
	}

	/**
	 * A real controller, but what its handlers call records the call instead of doing it: every part (an
	 * object field: a flow, the run driver, navigation) and every method of its own that is not what the
	 * front end uses (KEPT). The list pointer is this harness's, on the screen given; whether Esc goes back
	 * is `canGoBackAnswer`; the screen is this harness's state.
	 */
	private readonly controller: WizardController = this.recording(new WizardController(wizardOptions()));

	private recording(controller: WizardController): WizardController {
		const own = (name: string, value: unknown) => Object.defineProperty(controller, name, {value, configurable: true});
		const record =
			(name: string) =>
			(...args: unknown[]) =>
				this.record(name, ...args);
		const names = new Set([...Object.getOwnPropertyNames(controller), ...Object.getOwnPropertyNames(WizardController.prototype)]);
		for (const name of names) {
			if (KEPT.has(name)) continue;
			const value: unknown = Reflect.get(controller, name);
			if (typeof value === 'function') own(name, record(name));
			else if (typeof value === 'object' && value !== null)
				own(
					name,
					new Proxy(value, {
						get: (part, method) => (typeof method === 'string' && typeof Reflect.get(part, method) === 'function' ? record(method) : Reflect.get(part, method)),
					}),
				);
		}
		own('choices', this.choices);
		own('canGoBack', () => this.canGoBackAnswer);
		own('getState', () => this.state);
		return controller;
	}

	/** The controller's handler maps (controller.ts), doing their work on the recorders. */
	readonly answers: ChoiceHandlers = this.controller.answers;
	readonly intents: IntentHandlers = this.controller.intents;

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
