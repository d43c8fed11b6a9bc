/** The synchronize view's arithmetic: what the bar counts while servers finish and fail. */
import {describe, expect, it} from 'vitest';
import {syncTotals, unsentNote} from '../../source/ui/sync-view-model.js';
import type {ServerProgress} from '../../source/wizard/state.js';

const server = (name: string, done: number, state: ServerProgress['state']): ServerProgress => ({name, total: 120, done, state});

// Issue 29 (the second walker): when FS3 failed, its unsent updates left the total and the bar jumped from
// "50/600" to "50/480" without a word, which reads as progress.
describe('syncTotals', () => {
	it('keeps the total when a server fails, and counts what it did not send', () => {
		const before = [server('FS1', 30, 'synchronizing'), server('FS2', 10, 'synchronizing'), server('FS3', 10, 'synchronizing')];
		const after = before.map(s => (s.name === 'FS3' ? {...s, state: 'failed' as const, reason: 'FS3 stopped answering'} : s));
		expect(syncTotals(before)).toMatchObject({done: 50, total: 360, unsent: 0, expected: 360});
		expect(syncTotals(after)).toMatchObject({done: 50, total: 360, unsent: 110, expected: 250, failed: 1, running: 2});
		expect(unsentNote(syncTotals(before))).toBe('');
		expect(unsentNote(syncTotals(after))).toBe(' · 110 not sent');
	});

	it('at the end with failed servers: the bar stops short by what was not sent, and nothing runs', () => {
		const end = [server('FS1', 120, 'done'), server('FS2', 0, 'failed'), server('FS3', 40, 'failed')];
		const totals = syncTotals(end);
		expect(totals).toMatchObject({done: 160, total: 360, unsent: 200, expected: 160, finished: 1, failed: 2, running: 0});
		expect(totals.done + totals.unsent).toBe(totals.total);
	});
});
