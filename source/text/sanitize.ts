/**
 * Makes text read from disk or from a server safe to print: every control character (C0, DEL, C1),
 * including ESC, CR and LF, is shown as an escape (\x1B, \n) instead of reaching the terminal.
 */
export function safeText(value: string): string {
	// eslint-disable-next-line no-control-regex
	return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, c => {
		if (c === '\n') return '\\n';
		if (c === '\r') return '\\r';
		if (c === '\t') return '\\t';
		return `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
	});
}
