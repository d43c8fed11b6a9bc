import type {ServerProgress} from '../wizard/state.js';

/**
 * Which server rows fit: the active and failed ones first, then the rest in order, and a count of
 * those left out (ARCHITECTURE.md, "Synchronize all servers").
 */
export type HiddenServers = {count: number; synchronizing: number; failed: number; waiting: number; done: number};

export function visibleServers(rows: readonly ServerProgress[], room: number): {shown: ServerProgress[]; hidden: HiddenServers} {
	if (rows.length <= room) return {shown: [...rows], hidden: {count: 0, synchronizing: 0, failed: 0, waiting: 0, done: 0}};
	const slots = Math.max(1, room - 1); // one line for "… and N more"
	const rank = (r: ServerProgress) => (r.state === 'synchronizing' ? 0 : r.state === 'failed' ? 1 : r.state === 'waiting' ? 2 : 3);
	const ordered = rows.map((row, index) => ({row, index})).sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index);
	const chosen = new Set(ordered.slice(0, slots).map(o => o.index));
	const shown = rows.filter((_, i) => chosen.has(i));
	const rest = rows.filter((_, i) => !chosen.has(i));
	const count = (state: ServerProgress['state']) => rest.filter(r => r.state === state).length;
	return {shown, hidden: {count: rest.length, synchronizing: count('synchronizing'), failed: count('failed'), waiting: count('waiting'), done: count('done')}};
}

/** "8 done, 1 failed, 15 waiting" — the states of the servers left out, those that have any. */
export function describeHidden(hidden: HiddenServers): string {
	return (['synchronizing', 'failed', 'waiting', 'done'] as const)
		.filter(state => hidden[state] > 0)
		.map(state => `${hidden[state]} ${state}`)
		.join(', ');
}

/**
 * The overall count: the total stays what was planned, so that the bar neither jumps back nor forward when a
 * server fails; the updates a failed server did not send are counted as `unsent` and said beside the bar.
 * `expected`: what can still come (the total less `unsent`), for the time left; `running`: the servers waiting
 * or synchronizing, none once only failed ones remain (then no time left is estimated: ARCHITECTURE.md,
 * "Synchronize all servers").
 */
export function syncTotals(rows: readonly ServerProgress[]): {
	done: number;
	total: number;
	unsent: number;
	expected: number;
	finished: number;
	failed: number;
	running: number;
} {
	let done = 0;
	let total = 0;
	let unsent = 0;
	let finished = 0;
	let failed = 0;
	let running = 0;
	for (const r of rows) {
		done += r.done;
		total += r.total;
		if (r.state === 'failed') unsent += Math.max(0, r.total - r.done);
		if (r.state === 'done') finished++;
		else if (r.state === 'failed') failed++;
		else running++;
	}
	return {done, total, unsent, expected: total - unsent, finished, failed, running};
}

/** Beside the bar, once a server failed: its updates are not sent, and the bar will stop short by that many. */
export function unsentNote(totals: {unsent: number; failed: number}): string {
	return totals.failed > 0 && totals.unsent > 0 ? ` · ${totals.unsent} not sent` : '';
}
