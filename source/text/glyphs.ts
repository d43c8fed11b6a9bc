/**
 * The marks every console can draw: ✓ ✗ ⚠, block bars, rounded borders in UTF-8 terminals; an ASCII form
 * of each elsewhere. Chosen once per process, from the locale or --ascii, for every command.
 */
export type Glyphs = {
	ascii: boolean;
	ok: string;
	error: string;
	warning: string;
	barFull: string;
	barEmpty: string;
	pointer: string;
	bullet: string;
	arrow: string;
	checked: string;
	unchecked: string;
	/** Between items on one line (the header, the footer). */
	separator: string;
	/** The up and down arrow keys, as the footer names them. */
	upDown: string;
	/** The border of an overlay (Ink's border styles). */
	border: 'round' | 'classic';
};

export const UNICODE_GLYPHS: Glyphs = {
	ascii: false,
	ok: '✓',
	error: '✗',
	warning: '⚠',
	barFull: '█',
	barEmpty: '░',
	pointer: '❯',
	bullet: '•',
	arrow: '▸',
	checked: '◉',
	unchecked: '◯',
	separator: '·',
	upDown: '↑↓',
	border: 'round',
};
export const ASCII_GLYPHS: Glyphs = {
	ascii: true,
	ok: '[ok]',
	error: '[X]',
	warning: '[!]',
	barFull: '#',
	barEmpty: '.',
	pointer: '>',
	bullet: '*',
	// Not the list pointer's ">": a step running must not look like the item chosen.
	arrow: '~',
	checked: '[x]',
	unchecked: '[ ]',
	separator: '-',
	upDown: 'Up/Down',
	border: 'classic',
};

function terminalIsUnicode(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): boolean {
	const term = env['TERM'] ?? '';
	if (term === 'linux' || term === 'dumb') return false;
	const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '';
	if (locale) return /utf-?8/i.test(locale);
	// Windows consoles draw these marks; an unset locale elsewhere is the POSIX "C" locale.
	return platform === 'win32';
}

export function chooseGlyphs(env: NodeJS.ProcessEnv, ascii: boolean, platform: NodeJS.Platform = process.platform): Glyphs {
	return !ascii && terminalIsUnicode(env, platform) ? UNICODE_GLYPHS : ASCII_GLYPHS;
}

/** A status mark in a column, padded to the widest of the set's ✓ ✗ ⚠: "[ok] FS1" and "[X]  FS2" line up. */
export function markCell(mark: string, glyphs: Glyphs): string {
	return mark.padEnd(Math.max(glyphs.ok.length, glyphs.error.length, glyphs.warning.length));
}
