/**
 * What a key means to the wizard, named after what the admin does: type into a field, move the pointer,
 * choose, go back, ask why, leave. The front end turns keys into intents (source/ui/keymap.ts) and hands
 * them to the controller's `dispatch`, which applies them with its handler maps, typed here (ARCHITECTURE.md, "Keys and type-ahead").
 */
import type {CursorMove, Erase} from './text-entry.js';
import {CHOICE_VALUES, isChoiceOf, type ChoiceValues} from './choices.js';
import type {Screen} from './state.js';

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
	/** ? opens the why of this step; any key shows its next page, and closes it after the last. */
	| {type: 'toggle-help'}
	/** q, Ctrl+C: the quit question; then y leaves, n or Esc stays. */
	| {type: 'ask-to-leave'}
	| {type: 'leave'}
	/** n or Esc on the quit question, Esc on the why: the overlay closes. */
	| {type: 'stay'}
	/** Enter on the summary. */
	| {type: 'finish'};

/** The intent of one type, with its fields. */
export type IntentOf<K extends Intent['type']> = Extract<Intent, {type: K}>;

/**
 * What each intent does: one handler per intent type, given that intent (the controller provides them).
 * The action is named once, by its intent: a new intent without its handler is a type error here.
 */
export type IntentHandlers = {[K in Intent['type']]: (intent: IntentOf<K>) => Promise<void> | void};

/** What Enter on an item does, per screen, with that screen's value (checked, never cast): one handler per screen with a list (choices.ts). */
export type ChoiceHandlers = {[S in keyof ChoiceValues]: (value: ChoiceValues[S]) => Promise<void> | void};

/** Does what the intent says; the promise is the work it started (a step may run for minutes). */
export function applyIntent<K extends Intent['type']>(handlers: IntentHandlers, intent: IntentOf<K>): Promise<void> | void {
	const handler: (intent: IntentOf<K>) => Promise<void> | void = handlers[intent.type];
	return handler(intent);
}

/** The answer an item of a screen's list gives: `value` is checked against that screen's answers (choices.ts), never cast. */
export function applyChoice(handlers: ChoiceHandlers, screen: Screen, value: string): Promise<void> | void {
	const {name} = screen;
	if (name === 'discover' || name === 'situation') return handlers[name](value);
	return hasChoices(name) ? answerOn(handlers, name, value) : undefined;
}

function hasChoices(name: string): name is keyof typeof CHOICE_VALUES {
	return Object.hasOwn(CHOICE_VALUES, name);
}

function answerOn<S extends keyof typeof CHOICE_VALUES>(handlers: ChoiceHandlers, screen: S, value: string): Promise<void> | void {
	if (!isChoiceOf(screen, value)) return undefined;
	const handler: (value: ChoiceValues[S]) => Promise<void> | void = handlers[screen];
	return handler(value);
}
