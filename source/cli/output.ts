import type {Output} from '../app/io.js';

export type {Output};

export const processOutput: Output = {
	out: text => process.stdout.write(text),
	err: text => process.stderr.write(text),
};

/** The one-line error with its hint that every refusal prints. */
export function printError(output: Output, message: string, hint?: string): void {
	output.err(`dsmn-resync: ${message}\n${hint ? `  ${hint}\n` : ''}`);
}
