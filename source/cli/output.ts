import type {Output} from '../app/io.js';
import {safeText} from '../text/sanitize.js';

export type {Output};

export const processOutput: Output = {
	out: text => process.stdout.write(text),
	err: text => process.stderr.write(text),
};

/** The one-line error with its hint that every refusal prints; control characters (from a path, a server's answer) shown as escapes. */
export function printError(output: Output, message: string, hint?: string): void {
	output.err(`dsmn-resync: ${safeText(message)}\n${hint ? `  ${safeText(hint)}\n` : ''}`);
}
