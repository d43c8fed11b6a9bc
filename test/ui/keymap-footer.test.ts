/**
 * The footer names exactly the keys that act: for every kind of screen (each in the states that change
 * its keys), a key the footer names is one the keymap gives a meaning to, and a key the keymap gives a
 * meaning to is one the footer names (ARCHITECTURE.md, "Keys and type-ahead").
 */
import {describe, expect, it} from 'vitest';
import {keymap} from '../../source/ui/keymap.js';
import {NO_KEY, type KeyPress} from '../../source/ui/split-keys.js';
import {footerKeys} from '../../source/wizard/key-table.js';
import type {Screen, WizardState} from '../../source/wizard/state.js';

const char = (input: string): KeyPress => ({input, key: NO_KEY});
const special = (name: 'upArrow' | 'downArrow' | 'return' | 'escape' | 'tab'): KeyPress => ({input: '', key: {...NO_KEY, [name]: true}});

/** The keys a footer can name, and how each is pressed. */
const PROBES = {
	'↑↓': [special('upArrow'), special('downArrow')],
	Enter: [special('return')],
	Tab: [special('tab')],
	Space: [char(' ')],
	y: [char('y')],
	q: [char('q')],
	'?': [char('?')],
	Esc: [special('escape')],
	'Ctrl+C': [{input: 'c', key: {...NO_KEY, ctrl: true}}],
} as const;
type Named = keyof typeof PROBES;

/** The keys one footer item names: "↑↓ Enter choose" names both; "type RESTORE, Enter" names Enter. */
function namedBy(item: string): Named[] {
	// "? why (on an empty line)": the key acts in another state of the same screen (tested there).
	if (item.endsWith('(on an empty line)')) return [];
	const named: Named[] = [];
	for (const word of item.replace(/^type \S+, /, '').split(' ')) {
		if (!(word in PROBES)) break;
		named.push(word as Named);
	}
	return named;
}

const report = {folder: '/b', valid: true, files: [], errors: [], warnings: []};
const step = {step: 'copy-backup', title: 'Copy the backup into SYNCAGNT'};
const confirm: Extract<Screen, {name: 'confirm'}> = {name: 'confirm', ...step, changes: ['x'], typed: ''};

/** Every kind of screen, in each state that changes its keys (the compiler checks that none is missing). */
const SCREENS: {[N in Screen['name']]: Extract<Screen, {name: N}>[]} = {
	target: [{name: 'target'}],
	loading: [{name: 'loading', message: 'Looking at the target…'}],
	resume: [
		{
			name: 'resume',
			journal: 'j',
			finished: [],
			next: 'Start MSSYNC',
			flow: 'restore',
			started: 't',
			standing: {state: 'interrupted'},
			canRollback: true,
			rollbackBegan: false,
		},
	],
	'target-field': [
		{name: 'target-field', field: 'host', input: '', length: 0},
		{name: 'target-field', field: 'host', input: 'nt', length: 2},
		{name: 'target-field', field: 'password', input: '', length: 3},
	],
	inspect: [{name: 'inspect', syncagnt: 'S', service: 'RUNNING', servers: [], files: 12, real: false, checks: [{name: 'c', ok: true, detail: 'd'}]}],
	'ask-backup': [{name: 'ask-backup'}],
	'choose-backup': [
		{name: 'choose-backup', input: '', candidates: [], suggestions: []},
		{name: 'choose-backup', input: '/b', candidates: [], suggestions: []},
	],
	discover: [
		{name: 'discover', input: '/', searching: false},
		{name: 'discover', input: '/', searching: true},
		{name: 'discover', input: '/', searching: false, results: [{folder: '/b', modified: new Date(0), files: 7, size: 1, live: false}]},
	],
	validation: [
		{name: 'validation', report},
		{name: 'validation', report: {...report, valid: false}},
	],
	plan: [{name: 'plan', flow: 'restore', steps: ['a'], lines: []}],
	confirm: [confirm, {...confirm, word: 'RESTORE'}, {...confirm, word: 'RESTORE', typed: 'RES'}],
	running: [{name: 'running', ...step, progress: {kind: 'none'}}],
	failure: [{name: 'failure', ...step, message: 'm', advice: 'a', canRollback: true}],
	manual: [
		{name: 'manual', step: 'synchronize', title: 'Synchronize', instructions: []},
		{name: 'manual', step: 'synchronize', title: 'Synchronize', instructions: [], checklist: {items: [{name: 'FS1', ticked: false}], cursor: 0}},
	],
	consequences: [{name: 'consequences', servers: ['FS1']}],
	'multi-select': [{name: 'multi-select', purpose: 'servers', title: 'Which?', hint: '', items: [{value: 'FS1', label: 'FS1'}], cursor: 0, selected: []}],
	situation: [
		{
			name: 'situation',
			step: 'symptom',
			title: 'What brings you here?',
			lines: [],
			items: [{label: 'A red X', value: 'red-x'}],
			initial: 0,
			help: {why: 'w', kb: 'k'},
		},
	],
	'password-policy': [{name: 'password-policy'}],
	'password-entry': [{name: 'password-entry', stage: 'first', length: 0}],
	'passwords-file': [
		{name: 'passwords-file', input: ''},
		{name: 'passwords-file', input: '/p'},
	],
	summary: [
		{name: 'summary', title: 'Done', lines: [], ok: true, exit: 0},
		{name: 'summary', title: 'Nothing done', lines: [], ok: true, exit: 0, back: true},
	],
};

/** The wizard's states around a screen that change its keys: a step running, the wizard leaving, the last frame. */
function statesOf(screen: Screen): WizardState[] {
	const base: WizardState = {screen, log: [], commands: [], busy: false, leaving: false};
	if (screen.name === 'running')
		return [
			{...base, busy: true},
			{...base, busy: true, leaving: true},
		];
	if (screen.name === 'summary') return [base, {...base, exit: 0}];
	return [base];
}

describe('the footer and the keymap read one key table', () => {
	const cases = Object.values(SCREENS)
		.flat()
		.flatMap(screen => statesOf(screen))
		.flatMap(state => [true, false].map(canGoBack => ({state, canGoBack})));

	it.each(
		cases.map(
			c =>
				[
					`${c.state.screen.name}${c.state.busy ? ' (busy)' : ''}${c.state.leaving ? ' (leaving)' : ''}${c.state.exit !== undefined ? ' (exit)' : ''}${c.canGoBack ? ', can go back' : ''}`,
					c,
				] as const,
		),
	)('%s: the footer names every key that acts, and only those', (_name, {state, canGoBack}) => {
		const footer = footerKeys(state, canGoBack, {upDown: '↑↓', separator: '·'});
		const named = new Set(footer ? footer.split(' · ').flatMap(namedBy) : []);
		const acting = new Set(
			(Object.keys(PROBES) as Named[]).filter(name =>
				PROBES[name].every(press => {
					const intent = keymap(state, press, true, canGoBack);
					return intent !== undefined && intent.type !== 'type-text';
				}),
			),
		);
		// Ctrl+C ends the wizard everywhere: named as such where q is typed into a line, else by "q quit".
		if (named.has('q') || footer.startsWith('Enter leaves')) named.add('Ctrl+C');
		expect({footer, keys: [...acting].sort()}).toEqual({footer, keys: [...named].sort()});
	});

	it('covers every kind of screen', () => {
		expect(new Set(cases.map(c => c.state.screen.name)).size).toBe(Object.keys(SCREENS).length);
	});
});
