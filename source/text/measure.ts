/**
 * How much room text takes on a terminal: display width (a CJK character takes two columns, a
 * combining mark none), and the rows a line takes once wrapped as the bundled Ink wraps it (text/wrap.ts).
 */
import stringWidth from 'string-width';
import {wrapText} from './wrap.js';

export function displayWidth(text: string): number {
	return stringWidth(text);
}

/** The rows one line takes at this width, wrapped as the bundled Ink wraps a <Text>. */
export function wrappedRows(line: string, columns: number): number {
	if (columns <= 0 || line === '') return 1;
	return wrapText(line, columns).split('\n').length;
}

export function rowsOf(lines: readonly string[], columns: number): number {
	return lines.reduce((rows, line) => rows + wrappedRows(line, columns), 0);
}

/** The rows of items laid side by side and wrapped (Ink's flexWrap), `gap` columns apart. */
export function packedRows(items: readonly string[], columns: number, gap: number): number {
	let rows = items.length ? 1 : 0;
	let used = 0;
	for (const item of items) {
		const width = Math.min(displayWidth(item), columns);
		if (used > 0 && used + gap + width > columns) {
			rows++;
			used = width;
		} else used += (used > 0 ? gap : 0) + width;
	}
	return rows;
}

/** Pads to `width` columns as the terminal counts them (a CJK character is two). */
export function padEndDisplay(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Cuts to at most `width` columns, ending with `ellipsis` when cut. */
export function truncateDisplay(text: string, width: number, ellipsis: string): string {
	if (displayWidth(text) <= width) return text;
	let cut = '';
	for (const char of text) {
		if (displayWidth(cut + char) + displayWidth(ellipsis) > width) break;
		cut += char;
	}
	return cut + ellipsis;
}
