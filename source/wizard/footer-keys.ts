/**
 * The footer: the keys that work on this screen, and only those. It is read from the same facts the
 * key handler (source/ui/App.tsx) acts on, so what it offers is what a key does.
 */
import {FIELDS} from './fields.js';
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

/** Screens with a list chosen with the arrows and Enter. */
function hasChoice(screen: Screen): boolean {
	switch (screen.name) {
		case 'target':
		case 'resume':
		case 'inspect':
		case 'ask-backup':
		case 'plan':
		case 'consequences':
		case 'password-policy':
		case 'failure':
		case 'manual':
			return true;
		case 'validation':
			return true;
		case 'discover':
			return (screen.results?.filter(r => !r.live).length ?? 0) > 0;
		case 'confirm':
			return screen.word === undefined;
		default:
			return false;
	}
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
		keys.push('Ctrl+C quit');
		return keys.join(` ${glyphs.separator} `);
	}
	if (screen.name === 'multi-select') keys.push(`${glyphs.upDown} move`, 'Space chooses', 'Enter goes on');
	else if (screen.name === 'manual' && screen.checklist?.items.length) keys.push('Tab next server', 'Space ticks', `${glyphs.upDown} Enter choose`);
	else if (hasChoice(screen)) keys.push(`${glyphs.upDown} Enter choose`);
	if (screen.name === 'confirm' && screen.word === undefined) keys.push('y yes');
	if (canGoBack) keys.push('Esc back');
	keys.push('? why', 'q quit');
	return keys.join(` ${glyphs.separator} `);
}
