import {describe, expect, it} from 'vitest';
import {footerKeys} from '../../source/wizard/key-table.js';
import type {Screen, WizardState} from '../../source/wizard/state.js';

const glyphs = {upDown: '↑↓', separator: '·'};
const state = (screen: Screen, extra: Partial<WizardState> = {}): WizardState => ({screen, log: [], commands: [], busy: false, leaving: false, ...extra});

describe('the footer offers only the keys that work on the screen', () => {
	it('a text field: Enter, Tab where it completes, Ctrl+C — never q, which is typed into the field', () => {
		const field = footerKeys(state({name: 'choose-backup', input: '', candidates: [], suggestions: []}), true, glyphs);
		expect(field).toBe('Enter when done · Tab completes · Esc back · ? why · Ctrl+C quit');
		const typing = footerKeys(state({name: 'choose-backup', input: '/b', candidates: [], suggestions: []}), true, glyphs);
		expect(typing).toBe('Enter when done · Tab completes · Esc back · ? why (on an empty line) · Ctrl+C quit');
		expect(footerKeys(state({name: 'password-entry', stage: 'first', length: 0}), false, glyphs)).toBe('Enter when done · Ctrl+C quit');
		expect(footerKeys(state({name: 'confirm', step: 's', title: 'T', changes: [], typed: '', word: 'RESTORE'}), false, glyphs)).toBe(
			'type RESTORE, Enter · ? why · Ctrl+C quit',
		);
	});

	it('Esc back only where it goes back; y where it confirms; nothing on the last frame', () => {
		const confirm: Screen = {name: 'confirm', step: 's', title: 'T', changes: [], typed: ''};
		expect(footerKeys(state(confirm), false, glyphs)).toBe('↑↓ Enter choose · y yes · ? why · q quit');
		expect(footerKeys(state(confirm), true, glyphs)).toBe('↑↓ Enter choose · y yes · Esc back · ? why · q quit');
		expect(footerKeys(state({name: 'summary', title: 'x', lines: [], ok: true, exit: 0}), false, glyphs)).toBe('Enter leaves');
		expect(footerKeys(state({name: 'summary', title: 'x', lines: [], ok: true, exit: 0}, {exit: 0}), false, glyphs)).toBe('');
		expect(footerKeys(state({name: 'running', step: 's', title: 'T', progress: {kind: 'none'}}, {busy: true, leaving: true}), false, glyphs)).toBe('? why');
	});

	it('the multi-select and the manual checklist name their own keys', () => {
		expect(footerKeys(state({name: 'multi-select', purpose: 'servers', title: '', hint: '', items: [], cursor: 0, selected: []}), true, glyphs)).toBe(
			'↑↓ move · Space chooses · Enter goes on · Esc back · ? why · q quit',
		);
		expect(
			footerKeys(
				state({name: 'manual', step: 'synchronize', title: 'S', instructions: [], checklist: {items: [{name: 'FS1', ticked: false}], cursor: 0}}),
				false,
				glyphs,
			),
		).toBe('Tab next server · Space ticks · ↑↓ Enter choose · ? why · q quit');
	});
});
