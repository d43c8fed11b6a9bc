/**
 * How an unfinished run was left, read from its journal: a step failed, a step waits for the admin, or
 * the run was cut off (the admin left, a signal, a crash) — during a step or between two.
 */
import type {JournalEntry} from '../journal/entries.js';

export type RunStanding = {
	state: 'failed' | 'awaiting-manual' | 'interrupted';
	/** The step under way when it stopped (started, never finished): resuming does it again from its start. */
	during?: string;
	/** The step that failed, or that waits for the admin. */
	step?: string;
	/** Why the step failed, as journaled. */
	message?: string;
	/**
	 * Cut off between two steps, how it was journaled: `user` when the admin chose to leave (at a safe point),
	 * else the signal (SIGHUP: the terminal closed). Absent when nothing was journaled (a crash).
	 */
	signal?: string;
};

export function runStanding(entries: readonly JournalEntry[]): RunStanding {
	const last = [...entries]
		.reverse()
		.find(e => e.type === 'step-started' || e.type === 'step-finished' || e.type === 'step-failed' || e.type === 'manual-step');
	if (last?.type === 'step-failed') return {state: 'failed', step: last.step, message: last.message};
	if (last?.type === 'manual-step') return {state: 'awaiting-manual', step: last.step};
	if (last?.type === 'step-started') return {state: 'interrupted', during: last.step};
	// Between two steps: the journal says whether the admin left (signal "user") or a signal ended it.
	const stop = entries.slice(last ? entries.lastIndexOf(last) + 1 : 0).findLast(e => e.type === 'interrupted');
	return stop?.type === 'interrupted' ? {state: 'interrupted', signal: stop.signal} : {state: 'interrupted'};
}
