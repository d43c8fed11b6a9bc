import type {LogLine} from './state.js';

/**
 * A line of the checks at the end: a command (the checks' prose lines are sentences, ending in "." or ":")
 * is logged as one, continued as the shell it is typed into continues a line: cmd.exe at the PDC, or, for
 * the practice lab's own (dsmn-resync's, as launched), the shell here.
 */
export function checkLine(line: string, launched: string): {text: string; command?: LogLine['command']} {
	if (/[.:]$/.test(line)) return {text: launched};
	const here = launched !== line || line.startsWith('dsmn-resync ');
	return {text: launched, command: {continuation: here && process.platform !== 'win32' ? '\\' : '^'}};
}
