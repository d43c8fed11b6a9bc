import {displayWidth, truncateDisplay} from './measure.js';
import {wrapText} from './wrap.js';

/**
 * A line cut to `width` characters in the middle ("net rpc service st…-S NTPDC1"): both ends of a
 * command stay readable — the program and verb at the start, the service and server at the end.
 */
export function shortenMiddle(text: string, width: number): string {
	const chars = [...text];
	if (chars.length <= width) return text;
	if (width <= 1) return chars.slice(0, Math.max(0, width)).join('');
	const keep = width - 1;
	const head = Math.ceil(keep / 2);
	return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (keep - head)).join('')}`;
}

/**
 * A line wrapped to `width` columns (as the bundled Ink wraps it, text/wrap.ts) and cut to its first `rows`
 * rows, at a word, ending " …" (`ellipsis`): so that no number is cut short ("119 of the 12…" read as 12).
 * The line as it was where it fits.
 */
export function cutToRows(text: string, width: number, rows: number, ellipsis: string): string {
	const lines = wrapText(text, width).split('\n');
	if (lines.length <= rows) return text;
	const kept = lines.slice(0, Math.max(1, rows));
	let last = kept.at(-1)!.trimEnd();
	while (displayWidth(`${last} ${ellipsis}`) > width && last.trim().includes(' ')) last = last.slice(0, last.trimEnd().lastIndexOf(' ')).trimEnd();
	kept[kept.length - 1] = displayWidth(`${last} ${ellipsis}`) <= width ? `${last} ${ellipsis}` : truncateDisplay(last, width, ellipsis);
	return kept.join('\n');
}
