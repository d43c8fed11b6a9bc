import type {Output} from '../app/io.js';
import {toAscii} from '../text/ascii.js';
import type {Glyphs} from '../text/glyphs.js';
import {safeText} from '../text/sanitize.js';

export type {Output};

export const processOutput: Output = {
	out: text => process.stdout.write(text),
	err: text => process.stderr.write(text),
};

/**
 * The same, for what is printed before the program loads (`--version`, `--help`, a usage error: ARCHITECTURE.md,
 * "The command line and the front ends"): written straight to the file descriptor, because making
 * process.stdout on a terminal (a TTY stream: tty, net and the streams set up) costs Node more than the
 * rest of such a start. `fs` comes from process.getBuiltinModule (Node 20.16 and later), which loads
 * nothing new; where it is missing, or the descriptor will not take the text now (a non-blocking pipe
 * that is full), the rest goes through the stream.
 */
export const directOutput: Output = {
	out: text => writeDirect(1, text),
	err: text => writeDirect(2, text),
};

function writeDirect(fd: 1 | 2, text: string): void {
	const bytes = Buffer.from(text);
	let written = 0;
	const fs = typeof process.getBuiltinModule === 'function' ? process.getBuiltinModule('node:fs') : undefined;
	try {
		while (fs && written < bytes.length) written += fs.writeSync(fd, bytes, written);
	} catch {
		// EAGAIN and the like: the stream below writes the rest when it can.
	}
	if (written < bytes.length) (fd === 1 ? process.stdout : process.stderr).write(bytes.subarray(written));
}

/** The same output, written in ASCII only when the glyphs chosen are (--ascii, TERM=dumb, a locale that is not UTF-8). */
export function inGlyphs<O extends Output>(given: O, glyphs: Glyphs): O {
	return glyphs.ascii ? {...given, out: (text: string) => given.out(toAscii(text)), err: (text: string) => given.err(toAscii(text))} : given;
}

/** The one-line error with its hint that every refusal prints; control characters (from a path, a server's answer) shown as escapes. */
export function printError(output: Output, message: string, hint?: string): void {
	output.err(`dsmn-resync: ${safeText(message)}\n${hint ? `  ${safeText(hint)}\n` : ''}`);
}
