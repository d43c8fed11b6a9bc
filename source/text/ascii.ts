/**
 * Text for a terminal that draws ASCII only (LANG=C, TERM=dumb or linux, --ascii): every character the
 * program itself writes outside ASCII has an ASCII form here. Text read from disk or a server has been
 * through sanitize.ts already; anything still outside ASCII becomes "?".
 */
const WORDS: Record<string, string> = {
	'…': '...',
	'—': '--',
	'–': '-',
	'·': '-',
	'→': '->',
	'←': '<-',
	'↑': 'Up',
	'↓': 'Down',
	'“': '"',
	'”': '"',
	'‘': "'",
	'’': "'",
	'≥': '>=',
	'≤': '<=',
	'×': 'x',
	'✓': '[ok]',
	'✗': '[X]',
	'⚠': '[!]',
	'•': '*',
	'▸': '~',
	'❯': '>',
	'◉': '[x]',
	'◯': '[ ]',
	'█': '#',
	'░': '.',
	'\u00A0': ' ',
};

/** Box drawing, one cell for one cell, so that a frame already laid out keeps its columns. */
const CELLS: Record<string, string> = {
	'╭': '+',
	'╮': '+',
	'╰': '+',
	'╯': '+',
	'┌': '+',
	'┐': '+',
	'└': '+',
	'┘': '+',
	'├': '+',
	'┤': '+',
	'┬': '+',
	'┴': '+',
	'┼': '+',
	'─': '-',
	'━': '-',
	'│': '|',
	'┃': '|',
	'…': '.',
	'—': '-',
	'–': '-',
	'·': '-',
	'→': '>',
	'←': '<',
	'↑': '^',
	'↓': 'v',
	'“': '"',
	'”': '"',
	'‘': "'",
	'’': "'",
	'•': '*',
	'▸': '~',
	'❯': '>',
	'█': '#',
	'░': '.',
	'\u00A0': ' ',
	// The wrap's mark on the row a broken word goes on to (text/wrap.ts, CONTINUED): not a character of a name.
	'↳': '+',
};

const NOT_ASCII = /[\u0080-\u{10FFFF}]/gu;

/**
 * A menu path's ▸ between two words (Control Panel ▸ Services) reads as a manual writes it in ASCII, ">";
 * also at a row's end, where a wrap broke the path after it ("Log >" | "Application"); a ▸ alone marks the
 * running step, "~" (not the list pointer's ">").
 */
const MENU_STEP = /(?<=\S) ▸(?= |$)/gm;

/** The arrow keys named as a pair ("←→ Home End move"): in ASCII their names, not "<-->" or "UpDown". */
const ARROW_KEYS: Record<string, string> = {'←→': 'Left/Right', '↑↓': 'Up/Down'};
const ARROW_PAIR = /←→|↑↓/g;

/** The ASCII form of a text that is still to be laid out (widths may change: "…" becomes "..."). */
export function toAscii(text: string): string {
	return text
		.replace(MENU_STEP, ' >')
		.replace(ARROW_PAIR, pair => ARROW_KEYS[pair]!)
		.replace(NOT_ASCII, char => WORDS[char] ?? CELLS[char] ?? '?');
}

/** The ASCII form of text already laid out in columns: each character becomes exactly one. */
export function toAsciiCells(text: string): string {
	return text.replace(MENU_STEP, ' >').replace(NOT_ASCII, char => CELLS[char] ?? (WORDS[char]?.length === 1 ? WORDS[char] : '?'));
}
