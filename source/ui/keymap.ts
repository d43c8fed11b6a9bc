/**
 * What a key does, screen by screen: a pure function of the wizard's state and one key, giving the
 * intent the controller applies (source/wizard/intent.ts), or nothing (ARCHITECTURE.md, "Keys and
 * type-ahead"). The footer (source/wizard/footer-keys.ts) offers exactly these keys.
 */
import {choicesOf} from '../wizard/choices.js';
import {isTyping} from '../wizard/footer-keys.js';
import {questionMarkHelps} from '../wizard/text-entry.js';
import type {Intent} from '../wizard/intent.js';
import type {WizardState} from '../wizard/state.js';
import type {KeyPress} from './split-keys.js';

/**
 * `alone`: the key came by itself (not out of a burst: keys typed ahead before a redraw, or pasted, which
 * Ink hands over as one string: split-keys.ts), on a screen that had been on view for a moment
 * (type-ahead.ts). Only such a key answers a question — moves or chooses in a list, confirms with y,
 * chooses servers — on every screen: keys pressed together, or before the screen could be read, answer
 * nothing, and the screen says so (use-keys.ts). Typing into a field, ?, q, Esc and Ctrl+C answer nothing.
 */
export function keymap(state: WizardState, {input, key}: KeyPress, alone = true): Intent | undefined {
	const {screen, overlay} = state;
	if (overlay === 'quit') {
		if (input === 'y' || input === 'Y') return {type: 'leave'};
		if (input === 'n' || input === 'N' || key.escape) return {type: 'stay'};
		return undefined;
	}
	// Any key closes the why.
	if (overlay === 'help') return {type: 'toggle-help'};
	if (key.ctrl && input === 'c') return {type: 'ask-to-leave'};
	if (screen.name === 'multi-select') {
		if (input === '?') return {type: 'toggle-help'};
		if (key.escape) return {type: 'back'};
		if (input === 'q') return {type: 'ask-to-leave'};
		if (!alone) return undefined;
		if (key.upArrow) return {type: 'move-cursor', delta: -1};
		if (key.downArrow) return {type: 'move-cursor', delta: 1};
		if (input === ' ') return {type: 'toggle-selected'};
		if (key.return) return {type: 'submit-selection'};
		return undefined;
	}
	// A text field takes every printable key, q included, and ? except on an empty visible line (text-entry.ts).
	if (isTyping(screen)) {
		if (input === '?' && questionMarkHelps(screen)) return {type: 'toggle-help'};
		if (key.return) return {type: 'submit-text'};
		if (key.tab) return {type: 'complete-text'};
		if (key.backspace || key.delete) return key.meta || key.ctrl ? {type: 'erase-text', what: 'word'} : {type: 'erase-text'};
		// A shell's line editing: Ctrl+U erases up to the cursor, Ctrl+W the word before it.
		if (key.ctrl && input === 'u') return {type: 'erase-text', what: 'line'};
		if (key.ctrl && input === 'w') return {type: 'erase-text', what: 'word'};
		// The cursor: Left, Right, Home or Ctrl+A, End or Ctrl+E.
		if (key.leftArrow) return {type: 'move-text-cursor', to: 'left'};
		if (key.rightArrow) return {type: 'move-text-cursor', to: 'right'};
		if (key.home || (key.ctrl && input === 'a')) return {type: 'move-text-cursor', to: 'start'};
		if (key.end || (key.ctrl && input === 'e')) return {type: 'move-text-cursor', to: 'end'};
		if (key.escape) return {type: 'back'};
		if (input && !key.ctrl && !key.meta) return {type: 'type-text', text: input};
		return undefined;
	}
	if (screen.name === 'manual' && screen.checklist && alone) {
		if (key.tab) return {type: 'next-checklist-server'};
		if (input === ' ') return {type: 'tick-checklist-server'};
	}
	if (input === '?') return {type: 'toggle-help'};
	if (input === 'q') return {type: 'ask-to-leave'};
	if (key.escape) return {type: 'back'};
	if (screen.name === 'summary' && key.return) return {type: 'finish'};
	if (screen.name === 'confirm' && alone && (input === 'y' || input === 'Y')) return {type: 'confirm'};
	// The list: not while a step runs, nor once the wizard is leaving.
	if (alone && !state.busy && state.exit === undefined && choicesOf(screen)?.items.length) {
		if (key.upArrow) return {type: 'move-cursor', delta: -1};
		if (key.downArrow) return {type: 'move-cursor', delta: 1};
		if (key.return) return {type: 'choose'};
	}
	return undefined;
}
