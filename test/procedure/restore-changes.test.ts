/** What Stop MSSYNC's confirmation says a roll back does to MSSYNC: in plain words, from the state the run found. */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {beginRestore} from '../../source/app/begin-run.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {tempDir} from '../helpers/run-cli.js';
import {describeRestoreChanges, type RestoreToConfirm} from '../../source/procedure/restore-changes.js';
import type {Target} from '../../source/targets/capabilities.js';
import {RESTORE_STEPS} from '../../source/procedure/restore-steps.js';

function runFound(serviceBefore: string, stateNow?: string): RestoreToConfirm {
	const target = {
		description: 'practice lab in /tmp/lab',
		database: {syncagnt: '/tmp/SYNCAGNT', files: {verification: 'flushed to disk, read back and compared by SHA-256'}},
		service: {
			describe: (verb: string) => `${verb === 'query' ? 'sc' : 'net'} ${verb} MSSYNC`,
			...(stateNow ? {query: () => Promise.resolve({ok: true, state: stateNow})} : {}),
		},
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

describe('Stop MSSYNC when MSSYNC is stopped already (issue 29)', () => {
	it('a restore that finds MSSYNC stopped has no "Stop MSSYNC" step; one found running keeps it', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 20});
		const target = labTarget(dir);
		const running = await beginRestore(target, {backup: labPaths(dir).backup});
		expect(running.steps()[0]?.id).toBe('stop-service');
		expect(await running.execute('stop-service')).toMatchObject({status: 'done'});
		await running.end('abandoned');
		const stopped = await beginRestore(target, {backup: labPaths(dir).backup});
		expect(stopped.steps().map(s => s.id)).toEqual(['move-aside', 'copy-backup', 'start-service', 'synchronize']);
		await stopped.end('abandoned');
	});

	it('its confirmation never says synchronization pauses when MSSYNC reports STOPPED now', async () => {
		const lines = (await describeRestoreChanges(runFound('STOP_PENDING', 'STOPPED'), 'stop-service')).join('\n');
		expect(lines).toContain('MSSYNC reports STOPPED already: this step only confirms it and stops nothing.');
		expect(lines).not.toContain('Synchronization pauses');
		expect((await describeRestoreChanges(runFound('RUNNING', 'RUNNING'), 'stop-service')).join('\n')).toContain(
			'Synchronization pauses until MSSYNC starts again (step 4).',
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

describe("the Copy step's `?`: the confirmation's lines, then why (issue 29)", () => {
	it('says the temporary name, the flush and the SHA-256 once: in the lines, not again in why', async () => {
		const lines = await describeRestoreChanges(runFound('RUNNING'), 'copy-backup');
		const why = RESTORE_STEPS.find(step => step.id === 'copy-backup')!.why;
		const help = [...lines, why].join('\n');
		for (const said of [/temporary name/g, /flushed/g, /SHA-256/g]) expect(help.match(said) ?? [], String(said)).toHaveLength(1);
		expect(why).toMatch(/half-copied database can never be found/);
	});
});
