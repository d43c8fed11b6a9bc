import type {Output} from '../app/io.js';
import {toAscii} from '../text/ascii.js';
import type {Glyphs} from '../text/glyphs.js';
import {safeText} from '../text/sanitize.js';

export type {Output};

export const processOutput: Output = {
	out: text => process.stdout.write(text),
	err: text => process.stderr.write(text),
};

/** The same output, written in ASCII only when the glyphs chosen are (--ascii, TERM=dumb, a locale that is not UTF-8). */
export function inGlyphs<O extends Output>(given: O, glyphs: Glyphs): O {
	return glyphs.ascii ? {...given, out: (text: string) => given.out(toAscii(text)), err: (text: string) => given.err(toAscii(text))} : given;
}

/** The one-line error with its hint that every refusal prints; control characters (from a path, a server's answer) shown as escapes. */
export function printError(output: Output, message: string, hint?: string): void {
	output.err(`dsmn-resync: ${safeText(message)}\n${hint ? `  ${safeText(hint)}\n` : ''}`);
}
