import type {ServerProgress} from './wizard-state.js';

/**
 * Which server rows fit: the active and failed ones first, then the rest in order, and a count of
 * those left out (DESIGN.md §6).
 */
export function visibleServers(rows: readonly ServerProgress[], room: number): {shown: ServerProgress[]; hidden: {count: number; done: number; waiting: number}} {
	if (rows.length <= room) return {shown: [...rows], hidden: {count: 0, done: 0, waiting: 0}};
	const slots = Math.max(1, room - 1); // one line for "… and N more"
	const rank = (r: ServerProgress) => (r.state === 'synchronizing' ? 0 : r.state === 'failed' ? 1 : r.state === 'waiting' ? 2 : 3);
	const ordered = rows.map((row, index) => ({row, index})).sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index);
	const chosen = new Set(ordered.slice(0, slots).map(o => o.index));
	const shown = rows.filter((_, i) => chosen.has(i));
	const rest = rows.filter((_, i) => !chosen.has(i));
	return {shown, hidden: {count: rest.length, done: rest.filter(r => r.state === 'done').length, waiting: rest.filter(r => r.state === 'waiting').length}};
}

export function syncTotals(rows: readonly ServerProgress[]): {done: number; total: number; finished: number; failed: number} {
	let done = 0;
	let total = 0;
	let finished = 0;
	let failed = 0;
	for (const r of rows) {
		done += r.done;
		total += r.total;
		if (r.state === 'done') finished++;
		if (r.state === 'failed') failed++;
	}
	return {done, total, finished, failed};
}
