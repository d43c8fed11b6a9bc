/** Where the CLI's text goes; injectable so the commands are tested without a process. */
export type Output = {out: (text: string) => void; err: (text: string) => void};

export const processOutput: Output = {
	out: text => process.stdout.write(text),
	err: text => process.stderr.write(text),
};

/** The one-line error with its hint that every refusal prints. */
export function printError(output: Output, message: string, hint?: string): void {
	output.err(`dsmn-resync: ${message}\n${hint ? `  ${hint}\n` : ''}`);
}
