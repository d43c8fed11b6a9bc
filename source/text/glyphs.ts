/** The marks every console can draw: ✓ ✗ ⚠ and block bars in UTF-8 terminals, ASCII elsewhere (DESIGN.md §1.7). */
export type Glyphs = {ok: string; error: string; warning: string; barFull: string; barEmpty: string; pointer: string; bullet: string; arrow: string; checked: string; unchecked: string};

export const UNICODE_GLYPHS: Glyphs = {ok: '✓', error: '✗', warning: '⚠', barFull: '█', barEmpty: '░', pointer: '❯', bullet: '•', arrow: '▸', checked: '◉', unchecked: '◯'};
export const ASCII_GLYPHS: Glyphs = {ok: '[ok]', error: '[X]', warning: '[!]', barFull: '#', barEmpty: '.', pointer: '>', bullet: '*', arrow: '>', checked: '[x]', unchecked: '[ ]'};

export function terminalIsUnicode(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): boolean {
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
