/**
 * What a key does, screen by screen: the key's name looked up in the screen's key table
 * (source/wizard/key-table.ts), giving the intent the controller applies (source/wizard/intent.ts), or
 * nothing (ARCHITECTURE.md, "Keys and type-ahead"). The footer names the same table's keys.
 */
import {screenKeys, type KeyName} from '../wizard/key-table.js';
import type {Intent} from '../wizard/intent.js';
import type {WizardState} from '../wizard/state.js';
import type {KeyPress} from './split-keys.js';

/**
 * How a key arrived. `alone`: by itself (not out of a burst: keys typed ahead before a redraw, or pasted,
 * which Ink hands over as one string: split-keys.ts), on a screen that had been on view for a moment
 * (type-ahead.ts). Only such a key answers a question — moves or chooses in a list, confirms with y,
 * chooses servers. `seen`: typed once the screen it reaches was on view (a burst typed on it included);
 * only such keys are typed into a confirmation's word. Keys that answer nothing (typing into a field, ?,
 * q, Esc, Ctrl+C) act however they came.
 */
export type Arrival = {alone: boolean; seen: boolean};

const ALONE: Arrival = {alone: true, seen: true};

/** The named keys that are characters: typed into a line where the screen binds them to nothing. */
const PRINTABLE = new Set<KeyName>(['space', '?', 'q', 'y', 'n']);

/** The name of a key as the key table knows it, or undefined (a printable key is typed, where a screen takes typing). */
export function keyName({input, key}: KeyPress): KeyName | undefined {
	if (key.ctrl && input === 'c') return 'ctrl+c';
	if (key.return) return 'enter';
	if (key.tab) return 'tab';
	if (key.backspace || key.delete) return key.meta || key.ctrl ? 'erase-word' : 'backspace';
	// A shell's line editing: Ctrl+U erases up to the cursor, Ctrl+W the word before it; Ctrl+A and Ctrl+E go to the ends.
	if (key.ctrl && input === 'u') return 'erase-line';
	if (key.ctrl && input === 'w') return 'erase-word';
	if (key.home || (key.ctrl && input === 'a')) return 'home';
	if (key.end || (key.ctrl && input === 'e')) return 'end';
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.escape) return 'esc';
	if (key.ctrl || key.meta) return undefined;
	if (input === ' ') return 'space';
	if (input === '?' || input === 'q') return input;
	if (input === 'y' || input === 'Y') return 'y';
	if (input === 'n' || input === 'N') return 'n';
	return undefined;
}

/**
 * The intent of one key on the wizard's state. `arrival`: a boolean is `alone` (and `seen`); `canGoBack`:
 * Esc goes back (the controller's, navigation.ts).
 */
export function keymap(state: WizardState, press: KeyPress, arrival: Arrival | boolean = ALONE, canGoBack = true): Intent | undefined {
	const {alone, seen} = typeof arrival === 'boolean' ? {alone: arrival, seen: arrival} : arrival;
	// Esc closes the why at once, whatever its page; any other key shows its next page, and closes it after the last.
	if (state.overlay === 'help') return press.key.escape ? {type: 'stay'} : {type: 'toggle-help'};
	const table = screenKeys(state, canGoBack);
	const name = keyName(press);
	const binding = name === undefined ? undefined : table.keys[name];
	if (binding) return binding.answers && !alone ? undefined : binding.intent;
	const {input, key} = press;
	if (!table.typing || (name !== undefined && !PRINTABLE.has(name)) || !input || key.ctrl || key.meta) return undefined;
	// A confirmation's word takes only what was typed on it: never keys pressed while the step before it ran.
	if (!table.typing.carries && !seen) return undefined;
	return {type: 'type-text', text: input};
}

/** Whether keys typed ahead still belong on this screen (a field): else, arriving early, they are said to be unused (type-ahead.ts). */
export function carriesTypeAhead(state: WizardState): boolean {
	return !state.overlay && screenKeys(state, false).typing?.carries === true;
}
