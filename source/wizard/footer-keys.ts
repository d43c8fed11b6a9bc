/**
 * The footer: the keys that work on this screen, and only those. It is read from the same facts the
 * keymap (source/ui/keymap.ts) reads, so what it offers is what a key does.
 */
import {choicesOf} from './choices.js';
import {FIELDS} from './fields.js';
import {entryOf, questionMarkHelps} from './text-entry.js';
import type {Screen, WizardState} from './state.js';

/** Text fields: every printable key is typed into them, q and ? included. */
export function isTyping(screen: Screen): boolean {
	return (
		screen.name === 'choose-backup' ||
		screen.name === 'passwords-file' ||
		screen.name === 'password-entry' ||
		screen.name === 'target-field' ||
		(screen.name === 'discover' && screen.results === undefined && !screen.searching) ||
		(screen.name === 'confirm' && screen.word !== undefined)
	);
}

export function footerKeys(state: WizardState, canGoBack: boolean, glyphs: {upDown: string; separator: string}): string {
	const {screen} = state;
	if (state.exit !== undefined) return '';
	if (state.overlay) return '';
	if (state.busy) return state.leaving ? '' : `q leaves at the next safe point ${glyphs.separator} ? why`;
	if (screen.name === 'summary') return canGoBack ? `Enter leaves ${glyphs.separator} Esc back` : 'Enter leaves';
	const keys: string[] = [];
	if (isTyping(screen)) {
		const completes =
			screen.name === 'choose-backup' ||
			screen.name === 'passwords-file' ||
			screen.name === 'discover' ||
			(screen.name === 'target-field' && FIELDS[screen.field].completes);
		keys.push(screen.name === 'confirm' ? `type ${screen.word}, Enter` : 'Enter when done');
		if (completes) keys.push('Tab completes');
		if (canGoBack) keys.push('Esc back');
		if (entryOf(screen)?.kind === 'visible') keys.push(questionMarkHelps(screen) ? '? why' : '? why (on an empty line)');
		keys.push('Ctrl+C quit');
		return keys.join(` ${glyphs.separator} `);
	}
	if (screen.name === 'multi-select') keys.push(`${glyphs.upDown} move`, 'Space chooses', 'Enter goes on');
	else if (screen.name === 'manual' && screen.checklist?.items.length) keys.push('Tab next server', 'Space ticks', `${glyphs.upDown} Enter choose`);
	else if (choicesOf(screen)?.items.length) keys.push(`${glyphs.upDown} Enter choose`);
	if (screen.name === 'confirm' && screen.word === undefined) keys.push('y yes');
	if (canGoBack) keys.push('Esc back');
	keys.push('? why', 'q quit');
	return keys.join(` ${glyphs.separator} `);
}
