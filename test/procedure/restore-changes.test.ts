/** What Stop MSSYNC's confirmation says a roll back does to MSSYNC: in plain words, from the state the run found. */
import {describe, expect, it} from 'vitest';
import {describeRestoreChanges, type RestoreToConfirm} from '../../source/procedure/restore-changes.js';
import type {Target} from '../../source/targets/capabilities.js';

function runFound(serviceBefore: string): RestoreToConfirm {
	const target = {
		description: 'practice lab in /tmp/lab',
		service: {describe: (verb: string) => `${verb === 'query' ? 'sc' : 'net'} ${verb} MSSYNC`},
	} as unknown as Target;
	return {
		target,
		start: {at: '2026-12-06T20:00:00.000Z', serviceBefore},
		snapshot: '/tmp/snap',
		backup: '/tmp/backup',
		previewMoveAside: async () => [],
		previewCopy: async () => [],
	};
}

describe('Stop MSSYNC, and what a roll back does to it', () => {
	it('found running: a roll back starts it again', async () => {
		const lines = await describeRestoreChanges(runFound('RUNNING'), 'stop-service');
		expect(lines.at(-1)).toBe('A roll back undoes it: it starts MSSYNC again (MSSYNC was running when this run began).');
		expect(lines.join('\n')).not.toMatch(/as it was found/);
	});

	it('found stopped: a roll back leaves it stopped', async () => {
		expect((await describeRestoreChanges(runFound('STOPPED'), 'stop-service')).at(-1)).toBe(
			'A roll back leaves MSSYNC stopped, as it was when this run began.',
		);
	});
});

describe('one name for the folder the current files go to', () => {
	it('the copy names the folder the move put them in, as the move did; never "the snapshot folder"', async () => {
		const run = runFound('RUNNING');
		const target = {...run.target, database: {syncagnt: '/tmp/lab/SYNCAGNT', files: {verification: 'NAME.dsmn-resync-verify'}}} as unknown as Target;
		const copy = await describeRestoreChanges({...run, target}, 'copy-backup');
		const move = await describeRestoreChanges({...run, target}, 'move-aside');
		expect(move.join('\n')).toContain('/tmp/snap');
		expect(copy.at(-1)).toContain('/tmp/snap');
		expect([...copy, ...move].join('\n')).not.toMatch(/snapshot/i);
	});
});
