import {describe, expect, it} from 'vitest';
import {keymap} from '../../source/ui/keymap.js';
import {NO_KEY, type KeyPress} from '../../source/ui/split-keys.js';
import type {Screen, WizardState} from '../../source/wizard/state.js';
import {completesPath} from '../../source/wizard/key-table.js';
import {questionMarkHelps} from '../../source/wizard/text-entry.js';

const char = (input: string): KeyPress => ({input, key: {...NO_KEY, shift: /[A-Z]/.test(input)}});
const special = (name: 'upArrow' | 'downArrow' | 'return' | 'escape' | 'tab' | 'backspace' | 'delete'): KeyPress => ({
	input: '',
	key: {...NO_KEY, [name]: true, ...(name === 'escape' ? {meta: true} : {})},
});
const UP = special('upArrow');
const DOWN = special('downArrow');
const ENTER = special('return');
const ESC = special('escape');
const TAB = special('tab');
const BACKSPACE = special('backspace');
const CTRL_C: KeyPress = {input: 'c', key: {...NO_KEY, ctrl: true}};

const stateOf = (screen: Screen, patch: Partial<WizardState> = {}): WizardState => ({screen, log: [], commands: [], busy: false, leaving: false, ...patch});
const on = (screen: Screen, press: KeyPress, patch: Partial<WizardState> = {}, alone = true) => keymap(stateOf(screen, patch), press, alone);

const confirmYesNo: Screen = {name: 'confirm', step: 'stop-service', title: 'Stop MSSYNC', changes: [], typed: ''};
const confirmWord: Screen = {...confirmYesNo, step: 'copy-backup', title: 'Copy the backup into SYNCAGNT', word: 'RESTORE'};
const multiSelect: Screen = {
	name: 'multi-select',
	purpose: 'servers',
	title: 'Which NetWare servers?',
	hint: '',
	items: [{value: 'FS1', label: 'FS1'}],
	cursor: 0,
	selected: [],
};
const manual: Extract<Screen, {name: 'manual'}> = {name: 'manual', step: 'synchronize', title: 'Synchronize all servers', instructions: []};
const summary: Screen = {name: 'summary', title: 'Done', lines: [], ok: true, exit: 0};

describe('the keymap: what a key does on each screen', () => {
	it('the quit question: y leaves, n or Esc stays, anything else does nothing', () => {
		for (const screen of [{name: 'ask-backup'} as const, confirmWord, multiSelect]) {
			expect(on(screen, char('y'), {overlay: 'quit'})).toEqual({type: 'leave'});
			expect(on(screen, char('Y'), {overlay: 'quit'})).toEqual({type: 'leave'});
			expect(on(screen, char('n'), {overlay: 'quit'})).toEqual({type: 'stay'});
			expect(on(screen, char('N'), {overlay: 'quit'})).toEqual({type: 'stay'});
			expect(on(screen, ESC, {overlay: 'quit'})).toEqual({type: 'stay'});
			expect(on(screen, ENTER, {overlay: 'quit'})).toBeUndefined();
			expect(on(screen, char('q'), {overlay: 'quit'})).toBeUndefined();
		}
	});

	it('the why (?): any key turns its page or closes it, even in a text field', () => {
		for (const press of [char('x'), ENTER, DOWN, char('?')]) expect(on(confirmWord, press, {overlay: 'help'})).toEqual({type: 'toggle-help'});
	});

	// Issue 29: Esc on the first of two pages showed the second; it closes the help at once, on any page.
	it('Esc closes the why at once, whatever its page', () => {
		for (const helpPage of [0, 1]) expect(on(confirmWord, ESC, {overlay: 'help', helpPage})).toEqual({type: 'stay'});
	});

	it('Ctrl+C asks to leave on every screen, text fields included; on the end screen it leaves', () => {
		for (const screen of [{name: 'target'} as const, confirmWord, multiSelect, {name: 'loading', message: '…'} as const])
			expect(on(screen, CTRL_C)).toEqual({type: 'ask-to-leave'});
		expect(on(summary, CTRL_C)).toEqual({type: 'finish'});
	});

	it('a list: the arrows move the pointer, Enter chooses; ? asks why, q asks to leave, Esc goes back', () => {
		const lists: Screen[] = [{name: 'target'}, {name: 'ask-backup'}, {name: 'plan', flow: 'restore', steps: [], lines: []}, manual];
		for (const screen of lists) {
			expect(on(screen, UP)).toEqual({type: 'move-cursor', delta: -1});
			expect(on(screen, DOWN)).toEqual({type: 'move-cursor', delta: 1});
			expect(on(screen, ENTER)).toEqual({type: 'choose'});
			expect(on(screen, char('?'))).toEqual({type: 'toggle-help'});
			expect(on(screen, char('q'))).toEqual({type: 'ask-to-leave'});
			expect(on(screen, ESC)).toEqual({type: 'back'});
			// Digits do not choose: no choice happens by accident.
			expect(on(screen, char('1'))).toBeUndefined();
		}
	});

	it('a list: an Enter out of a burst (typed ahead, pasted) never chooses', () => {
		expect(on({name: 'ask-backup'}, ENTER, {}, false)).toBeUndefined();
		// … but q and ? in a burst still act: they choose nothing.
		expect(on({name: 'ask-backup'}, char('q'), {}, false)).toEqual({type: 'ask-to-leave'});
	});

	it('a list: nothing is chosen while a step runs, nor once the wizard is leaving', () => {
		expect(on(confirmYesNo, ENTER, {busy: true})).toBeUndefined();
		expect(on(confirmYesNo, DOWN, {busy: true})).toBeUndefined();
		expect(on(confirmYesNo, ENTER, {exit: 130})).toBeUndefined();
		// q still asks to leave at the next safe point.
		expect(on({name: 'running', step: 'copy-backup', title: 'Copy', progress: {kind: 'none'}}, char('q'), {busy: true})).toEqual({type: 'ask-to-leave'});
	});

	it('a y/N confirmation: y (or Y) confirms, as does Enter on "Yes"', () => {
		expect(on(confirmYesNo, char('y'))).toEqual({type: 'confirm'});
		expect(on(confirmYesNo, char('Y'))).toEqual({type: 'confirm'});
		expect(on(confirmYesNo, ENTER)).toEqual({type: 'choose'});
		expect(on(confirmYesNo, char('n'))).toBeUndefined();
		// Out of a burst, or before the screen could be read: y confirms nothing.
		expect(on(confirmYesNo, char('y'), {}, false)).toBeUndefined();
	});

	it('? on an empty visible line asks for help (typed confirmations, paths, names); in a password, or once typing began, it is typed', () => {
		const empty: Screen[] = [
			confirmWord,
			{name: 'choose-backup', input: '', candidates: [], suggestions: []},
			{name: 'passwords-file', input: ''},
			{name: 'target-field', field: 'host', input: '', length: 0},
		];
		for (const screen of empty) expect(on(screen, char('?'))).toEqual({type: 'toggle-help'});
		expect(on({...confirmWord, typed: 'RES'}, char('?'))).toEqual({type: 'type-text', text: '?'});
		expect(on({name: 'password-entry', stage: 'first', length: 0}, char('?'))).toEqual({type: 'type-text', text: '?'});
	});

	it("a key typed before a confirmation's word was on view (while the step before it ran) is not typed into it; a field takes it", () => {
		const early = {alone: false, seen: false};
		expect(keymap(stateOf(confirmWord), char('y'), early)).toBeUndefined();
		expect(keymap(stateOf(confirmWord), char('y'), {alone: false, seen: true})).toEqual({type: 'type-text', text: 'y'});
		expect(keymap(stateOf({name: 'target-field', field: 'host', input: '', length: 0}), char('y'), early)).toEqual({type: 'type-text', text: 'y'});
	});

	it('a text field takes every printable key, q and ? included; Enter submits, Tab completes, Backspace erases, Esc goes back', () => {
		const fields: Screen[] = [
			confirmWord,
			{name: 'choose-backup', input: '', candidates: [], suggestions: []},
			{name: 'passwords-file', input: ''},
			{name: 'password-entry', stage: 'first', length: 0},
			{name: 'target-field', field: 'host', input: '', length: 0},
			{name: 'discover', input: '/', searching: false},
		];
		for (const screen of fields) {
			expect(on(screen, char('q'))).toEqual({type: 'type-text', text: 'q'});
			if (!questionMarkHelps(screen)) expect(on(screen, char('?'))).toEqual({type: 'type-text', text: '?'});
			expect(on(screen, char('y'))).toEqual({type: 'type-text', text: 'y'});
			expect(on(screen, char(' '))).toEqual({type: 'type-text', text: ' '});
			expect(on(screen, ENTER)).toEqual({type: 'submit-text'});
			// Tab completes a path; on a password, a name or a confirmation's word it does nothing.
			expect(on(screen, TAB)).toEqual(completesPath(screen) ? {type: 'complete-text'} : undefined);
			expect(on(screen, BACKSPACE)).toEqual({type: 'erase-text'});
			expect(on(screen, special('delete'))).toEqual({type: 'erase-text'});
			expect(on(screen, ESC)).toEqual({type: 'back'});
			expect(on(screen, DOWN)).toBeUndefined();
		}
		// A shell's line editing.
		const ctrl = (input: string): KeyPress => ({input, key: {...NO_KEY, ctrl: true}});
		for (const screen of fields) {
			expect(on(screen, ctrl('u'))).toEqual({type: 'erase-text', what: 'line'});
			expect(on(screen, ctrl('w'))).toEqual({type: 'erase-text', what: 'word'});
			expect(on(screen, {input: '', key: {...NO_KEY, backspace: true, meta: true}})).toEqual({type: 'erase-text', what: 'word'});
			// The cursor: Ctrl+A and Home to the start, Ctrl+E and End to the end, Left and Right.
			expect(on(screen, ctrl('a'))).toEqual({type: 'move-text-cursor', to: 'start'});
			expect(on(screen, ctrl('e'))).toEqual({type: 'move-text-cursor', to: 'end'});
			expect(on(screen, {input: '', key: {...NO_KEY, home: true}})).toEqual({type: 'move-text-cursor', to: 'start'});
			expect(on(screen, {input: '', key: {...NO_KEY, end: true}})).toEqual({type: 'move-text-cursor', to: 'end'});
			expect(on(screen, {input: '', key: {...NO_KEY, leftArrow: true}})).toEqual({type: 'move-text-cursor', to: 'left'});
			expect(on(screen, {input: '', key: {...NO_KEY, rightArrow: true}})).toEqual({type: 'move-text-cursor', to: 'right'});
		}
		// Pasted text arrives whole, and is typed whole.
		expect(on(confirmWord, char('RESTORE'))).toEqual({type: 'type-text', text: 'RESTORE'});
		// Enter out of a burst still submits a field: that is how a path typed ahead is taken.
		expect(on(confirmWord, ENTER, {}, false)).toEqual({type: 'submit-text'});
	});

	it('the search: a field until it searches; while it searches, no typing; then a list of what it found', () => {
		expect(on({name: 'discover', input: '/', searching: true}, char('x'))).toBeUndefined();
		expect(on({name: 'discover', input: '/', searching: true}, char('q'))).toEqual({type: 'ask-to-leave'});
		expect(on({name: 'discover', input: '/', searching: false, results: []}, ENTER)).toBeUndefined();
		const found = {folder: '/b', modified: new Date(0), files: 2, size: 1, live: false};
		expect(on({name: 'discover', input: '/', searching: false, results: [found]}, ENTER)).toEqual({type: 'choose'});
		expect(on({name: 'discover', input: '/', searching: false, results: [{...found, live: true}]}, ENTER)).toBeUndefined();
	});

	it('a multi-select: arrows move, Space chooses or leaves, Enter goes on (not out of a burst: the one rule), Esc back, q leaves', () => {
		expect(on(multiSelect, UP)).toEqual({type: 'move-cursor', delta: -1});
		expect(on(multiSelect, DOWN)).toEqual({type: 'move-cursor', delta: 1});
		expect(on(multiSelect, char(' '))).toEqual({type: 'toggle-selected'});
		expect(on(multiSelect, ENTER)).toEqual({type: 'submit-selection'});
		expect(on(multiSelect, ENTER, {}, false)).toBeUndefined();
		expect(on(multiSelect, char(' '), {}, false)).toBeUndefined();
		expect(on(multiSelect, char('q'), {}, false)).toEqual({type: 'ask-to-leave'});
		expect(on(multiSelect, ESC)).toEqual({type: 'back'});
		expect(on(multiSelect, char('q'))).toEqual({type: 'ask-to-leave'});
		expect(on(multiSelect, char('?'))).toEqual({type: 'toggle-help'});
		expect(on(multiSelect, char('x'))).toBeUndefined();
	});

	it('the manual synchronization: Tab to the next server, Space ticks it, and the list below as any list', () => {
		const withChecklist: Screen = {...manual, checklist: {items: [{name: 'FS1', ticked: false}], cursor: 0}};
		expect(on(withChecklist, TAB)).toEqual({type: 'next-checklist-server'});
		expect(on(withChecklist, char(' '))).toEqual({type: 'tick-checklist-server'});
		expect(on(withChecklist, ENTER)).toEqual({type: 'choose'});
		expect(on(manual, TAB)).toBeUndefined();
		expect(on(manual, char(' '))).toBeUndefined();
	});

	it('the summary: Enter finishes, Esc goes back (where the controller allows it)', () => {
		expect(on(summary, ENTER)).toEqual({type: 'finish'});
		expect(on(summary, ENTER, {}, false)).toEqual({type: 'finish'});
		expect(on(summary, ESC)).toEqual({type: 'back'});
		expect(on(summary, DOWN)).toBeUndefined();
	});

	it('a screen with nothing to choose: only ?, q and Esc', () => {
		for (const screen of [{name: 'loading', message: '…'} as const]) {
			expect(on(screen, ENTER)).toBeUndefined();
			expect(on(screen, DOWN)).toBeUndefined();
			expect(on(screen, char('?'))).toEqual({type: 'toggle-help'});
			expect(on(screen, char('q'))).toEqual({type: 'ask-to-leave'});
			expect(on(screen, ESC)).toEqual({type: 'back'});
		}
	});
});
