import {describe, expect, it} from 'vitest';
import type {JournalEntry} from '../../source/journal/entries.js';
import {runStanding} from '../../source/procedure/run-standing.js';

const at = '2026-11-29T10:00:00.000Z';
const started = (step: string): JournalEntry => ({type: 'step-started', at, step});
const finished = (step: string): JournalEntry => ({type: 'step-finished', at, step, summary: 'ok'});

describe('how an unfinished run was left', () => {
	it('cut off during a step (the copy): that step, not the one after it', () => {
		expect(
			runStanding([
				finished('stop-service'),
				started('copy-backup'),
				{type: 'copied', at, name: 'MSSYNC.MDB', size: 1, sha256: 'x'},
				{type: 'interrupted', at, step: 'copy-backup', signal: 'SIGHUP'},
			]),
		).toEqual({state: 'interrupted', during: 'copy-backup'});
	});

	it('a crash mid-step (no entry after its start) is a cut-off during it', () => {
		expect(runStanding([started('stop-service')])).toEqual({state: 'interrupted', during: 'stop-service'});
	});

	it('between two steps (a scripted run stopped before the next): none under way, and the signal that stopped it', () => {
		expect(runStanding([started('stop-service'), finished('stop-service'), {type: 'interrupted', at, step: 'move-aside', signal: 'SIGTERM'}])).toEqual({
			state: 'interrupted',
			signal: 'SIGTERM',
		});
		// Left on purpose (the wizard's "leave"), or cut off with nothing journaled (a crash).
		expect(runStanding([started('stop-service'), finished('stop-service'), {type: 'interrupted', at, signal: 'user'}])).toEqual({
			state: 'interrupted',
			signal: 'user',
		});
		expect(runStanding([started('stop-service'), finished('stop-service')])).toEqual({state: 'interrupted'});
	});

	it('a failed step, even if the admin then chose Stop here: failed, with its message', () => {
		expect(
			runStanding([
				started('synchronize'),
				{type: 'step-failed', at, step: 'synchronize', message: 'FS2 did not answer'},
				{type: 'interrupted', at, signal: 'stopped by the admin', step: 'synchronize'},
			]),
		).toEqual({state: 'failed', step: 'synchronize', message: 'FS2 did not answer'});
	});

	it('a manual step given and not yet confirmed: awaiting the admin', () => {
		expect(runStanding([started('synchronize'), {type: 'manual-step', at, step: 'synchronize', instructions: 'click'}])).toEqual({
			state: 'awaiting-manual',
			step: 'synchronize',
		});
	});
});
