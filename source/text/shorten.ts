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
