/**
 * Ink hands a burst of plain keys — typed ahead before a redraw, as a slow SSH link delivers them, or
 * pasted — to the input handler as one string, Enter and Backspace included ("RESTORE\r"). Only
 * escape sequences (arrows, Esc) come apart. This splits such a burst into the keys a person pressed,
 * so that each is handled in turn, on the screen it was meant for.
 */
import type {Key} from 'ink';

export type KeyPress = {input: string; key: Key};

/** A key with no modifier and no special key: what a plain character is, and the base of every key built here. */
export const NO_KEY: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

export function splitBurst(input: string, key: Key): KeyPress[] {
	// A line feed alone is Enter too: what the terminal sends for Enter typed before the wizard took the
	// keyboard (the line discipline turns it into one), or Ctrl+J. Ink names it "enter", not "return".
	if (input === '\n' && !key.return) return [{input: '', key: {...NO_KEY, return: true}}];
	// One key, or a sequence Ink already recognised: as it is.
	if ([...input].length <= 1 || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.escape || key.meta) return [{input, key}];
	const keys: KeyPress[] = [];
	for (const char of input) {
		if (char === '\r' || char === '\n') keys.push({input: '', key: {...NO_KEY, return: true}});
		else if (char === '\t') keys.push({input: '', key: {...NO_KEY, tab: true}});
		else if (char === '\u007F' || char === '\b') keys.push({input: '', key: {...NO_KEY, backspace: true}});
		else if (char === '\u0003') keys.push({input: 'c', key: {...NO_KEY, ctrl: true}});
		else if (char === '\u0015') keys.push({input: 'u', key: {...NO_KEY, ctrl: true}});
		else if (char === '\u0017') keys.push({input: 'w', key: {...NO_KEY, ctrl: true}});
		else if (char === '\u0001') keys.push({input: 'a', key: {...NO_KEY, ctrl: true}});
		else if (char === '\u0005') keys.push({input: 'e', key: {...NO_KEY, ctrl: true}});
		else if (char < ' ')
			continue; // another control character: no key of ours
		else keys.push({input: char, key: {...NO_KEY, shift: /[A-Z]/.test(char)}});
	}
	return keys;
}
