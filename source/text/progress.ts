import {formatBytes, formatDuration} from './format.js';
import type {Glyphs} from './glyphs.js';

/** A bar of `width` cells for `done` out of `total`. */
export function bar(done: number, total: number, width: number, glyphs: Glyphs): string {
	const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
	const full = Math.round(ratio * width);
	return glyphs.barFull.repeat(full) + glyphs.barEmpty.repeat(Math.max(0, width - full));
}

export function percent(done: number, total: number): string {
	return `${total > 0 ? Math.floor((done / total) * 100) : 100}%`.padStart(4);
}

/**
 * "12.5 MiB/s, 0:42 left" from what is done since `startedAt`. `estimate: false` when nothing is on its way
 * any more (only failed servers remain): the rate alone, or nothing before there is one, never a time left.
 */
export function rateAndEta(done: number, total: number, startedAt: number, now: number, unit: 'bytes' | 'accounts', estimate = true): string {
	const seconds = (now - startedAt) / 1000;
	if (seconds < 0.5 || done === 0) return estimate ? 'estimating…' : '';
	const rate = done / seconds;
	const left = rate > 0 ? ((total - done) / rate) * 1000 : Number.POSITIVE_INFINITY;
	const rateText = unit === 'bytes' ? `${formatBytes(rate)}/s` : `${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} updates/s`;
	return estimate ? `${rateText}, ${Number.isFinite(left) ? formatDuration(left) : '?'} left` : rateText;
}
