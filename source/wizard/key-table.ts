/**
 * One key table (ARCHITECTURE.md, "Keys and type-ahead"): for the screen on view, which keys it takes
 * and what each means, whether it takes typing, and what the footer names. The keymap
 * (source/ui/keymap.ts), the footer and the type-ahead queue (source/ui/type-ahead.ts) all read it, so
 * the footer names exactly the keys that act.
 */
import {choicesOf} from './choices.js';
import {FIELDS} from './fields.js';
import type {Intent} from './intent.js';
import {entryOf, questionMarkHelps} from './text-entry.js';
import type {Screen, WizardState} from './state.js';

/** The keys the wizard gives a meaning to, by name. */
export type KeyName =
	| 'up'
	| 'down'
	| 'left'
	| 'right'
	| 'home'
	| 'end'
	| 'enter'
	| 'tab'
	| 'space'
	| 'esc'
	| 'backspace'
	| 'erase-word'
	| 'erase-line'
	| 'ctrl+c'
	| '?'
	| 'q'
	| 'y'
	| 'n';

/** What a key does on a screen; `answers`: it answers the question, so only alone on a screen already read. */
export type Binding = {intent: Intent; answers?: true};

export type ScreenKeys = {
	keys: Partial<Record<KeyName, Binding>>;
	/**
	 * Printable keys not bound above are typed into the screen's line (text-entry.ts). `carries`: keys
	 * typed ahead still belong here (a field, where nothing happens before Enter); a confirmation's word
	 * takes only keys typed on it once it was read.
	 */
	typing?: {carries: boolean};
	/** The footer's items, in order: each a key (or keys) and what it does, never split. */
	footer: string[];
};

/** The glyphs the footer names keys with. */
export type FooterGlyphs = {upDown: string};

const ASK_TO_LEAVE: Binding = {intent: {type: 'ask-to-leave'}};
const HELP: Binding = {intent: {type: 'toggle-help'}};

/** Whether printable keys are typed into this screen (a field, a confirmation's word). */
export function isTyping(screen: Screen): boolean {
	if (screen.name === 'discover') return screen.results === undefined && !screen.searching;
	if (screen.name === 'confirm') return screen.word !== undefined;
	return entryOf(screen) !== undefined;
}

/** Tab on this line completes a path. */
export function completesPath(screen: Screen): boolean {
	return (
		screen.name === 'choose-backup' ||
		screen.name === 'passwords-file' ||
		screen.name === 'discover' ||
		(screen.name === 'target-field' && FIELDS[screen.field].completes)
	);
}

/** The keys of the wizard's state as drawn; `canGoBack`: Esc goes back (navigation.ts). */
export function screenKeys(state: WizardState, canGoBack: boolean, glyphs: FooterGlyphs = {upDown: '↑↓'}): ScreenKeys {
	const {screen} = state;
	if (state.overlay === 'quit') return {keys: {y: {intent: {type: 'leave'}}, n: {intent: {type: 'stay'}}, esc: {intent: {type: 'stay'}}}, footer: []};
	// Any key closes the why: the overlay says so.
	if (state.overlay === 'help') return {keys: {}, footer: []};
	if (state.exit !== undefined) return {keys: {}, footer: []};
	const back: Partial<Record<KeyName, Binding>> = canGoBack ? {esc: {intent: {type: 'back'}}} : {};
	const backItem = canGoBack ? ['Esc back'] : [];
	if (state.busy) {
		// Leaving already: the step's safe point is awaited, and the screen says so.
		if (state.leaving) return {keys: {'?': HELP}, footer: ['? why']};
		return {keys: {q: ASK_TO_LEAVE, '?': HELP, 'ctrl+c': ASK_TO_LEAVE}, footer: ['q leaves at the next safe point', '? why']};
	}
	// An end: Enter (or Ctrl+C) leaves.
	if (screen.name === 'summary') {
		const finish: Binding = {intent: {type: 'finish'}};
		return {keys: {enter: finish, 'ctrl+c': finish, ...back}, footer: ['Enter leaves', ...backItem]};
	}
	if (isTyping(screen)) return typingKeys(screen, back, backItem);

	const keys: Partial<Record<KeyName, Binding>> = {};
	const footer: string[] = [];
	if (screen.name === 'multi-select') {
		Object.assign(keys, {
			up: {intent: {type: 'move-cursor', delta: -1}, answers: true},
			down: {intent: {type: 'move-cursor', delta: 1}, answers: true},
			space: {intent: {type: 'toggle-selected'}, answers: true},
			enter: {intent: {type: 'submit-selection'}, answers: true},
		} satisfies Partial<Record<KeyName, Binding>>);
		footer.push(`${glyphs.upDown} move`, 'Space chooses', 'Enter goes on');
	} else {
		if (screen.name === 'manual' && screen.checklist?.items.length) {
			keys.tab = {intent: {type: 'next-checklist-server'}, answers: true};
			keys.space = {intent: {type: 'tick-checklist-server'}, answers: true};
			footer.push('Tab next server', 'Space ticks');
		}
		if (choicesOf(screen)?.items.length) {
			keys.up = {intent: {type: 'move-cursor', delta: -1}, answers: true};
			keys.down = {intent: {type: 'move-cursor', delta: 1}, answers: true};
			keys.enter = {intent: {type: 'choose'}, answers: true};
			footer.push(`${glyphs.upDown} Enter choose`);
		}
		if (screen.name === 'confirm') {
			keys.y = {intent: {type: 'confirm'}, answers: true};
			footer.push('y yes');
		}
	}
	Object.assign(keys, back, {'?': HELP, q: ASK_TO_LEAVE, 'ctrl+c': ASK_TO_LEAVE});
	footer.push(...backItem, '? why', 'q quit');
	return {keys, footer};
}

/** A line typed into: Enter submits it, Tab completes a path, the shell's line editing; q is typed, ? too once the line holds text. */
function typingKeys(screen: Screen, back: Partial<Record<KeyName, Binding>>, backItem: string[]): ScreenKeys {
	const keys: Partial<Record<KeyName, Binding>> = {
		enter: {intent: {type: 'submit-text'}},
		backspace: {intent: {type: 'erase-text'}},
		'erase-word': {intent: {type: 'erase-text', what: 'word'}},
		'erase-line': {intent: {type: 'erase-text', what: 'line'}},
		left: {intent: {type: 'move-text-cursor', to: 'left'}},
		right: {intent: {type: 'move-text-cursor', to: 'right'}},
		home: {intent: {type: 'move-text-cursor', to: 'start'}},
		end: {intent: {type: 'move-text-cursor', to: 'end'}},
		'ctrl+c': ASK_TO_LEAVE,
		...back,
	};
	const word = screen.name === 'confirm' ? screen.word : undefined;
	const footer = [word === undefined ? 'Enter when done' : `type ${word}, Enter`];
	if (completesPath(screen)) {
		keys.tab = {intent: {type: 'complete-text'}};
		footer.push('Tab completes');
	}
	footer.push(...backItem);
	if (questionMarkHelps(screen)) keys['?'] = HELP;
	if (entryOf(screen)?.kind === 'visible') footer.push(questionMarkHelps(screen) ? '? why' : '? why (on an empty line)');
	footer.push('Ctrl+C quit');
	return {keys, typing: {carries: word === undefined}, footer};
}

/** The footer as one line: its items joined (the frame wraps it item by item: text/wrap.ts). */
export function footerKeys(state: WizardState, canGoBack: boolean, glyphs: FooterGlyphs & {separator: string}): string {
	return screenKeys(state, canGoBack, glyphs).footer.join(` ${glyphs.separator} `);
}
