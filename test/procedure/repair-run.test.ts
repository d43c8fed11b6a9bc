/** The dsmpack /r repair (KB Q197852) as a journaled run: simulated on the lab, a manual step on a real server, then verified by MSSYNC starting. */
import {copyFile, readdir, rm, utimes, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {findUnfinishedRun, readJournal} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {RepairRun} from '../../source/procedure/repair-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {tempDir} from '../helpers/run-cli.js';

const fast = {serviceTimeoutMs: 3000, pollIntervalMs: 20};

async function crashedLab() {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 20, wontStart: true});
	return {dir, paths: labPaths(dir), target: labTarget(dir)};
}

describe('the repair run (dsmpack /r, KB Q197852)', () => {
	it('its first step fits the state found: Stop MSSYNC only when MSSYNC is not stopped, and kept on resume once it began', async () => {
		const {target} = await crashedLab();
		expect((await RepairRun.begin(target, {timings: fast})).steps()[0]!.id).toBe('dsmpack');
		const running = join(await tempDir(), 'lab');
		await createLab(running, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 20});
		const onRunning = labTarget(running);
		const run = await RepairRun.begin(onRunning, {timings: fast});
		expect(run.steps().map(s => s.id)).toEqual(['stop-service', 'dsmpack', 'start-service']);
		expect(await run.execute('stop-service')).toMatchObject({status: 'done'});
		run.leaveServer();
		// Resumed with MSSYNC now stopped: the step it began with is still its first.
		const unfinished = await findUnfinishedRun(onRunning.journalDir);
		const resumed = await RepairRun.resume(onRunning, unfinished!, fast);
		expect(resumed.steps().map(s => s.id)).toEqual(['stop-service', 'dsmpack', 'start-service']);
		expect(resumed.nextStep()).toBe('dsmpack');
		resumed.leaveServer();
	});

	it('a repair begun without Stop MSSYNC never gains it on resume, though MSSYNC was started meanwhile', async () => {
		const {dir, target} = await crashedLab();
		const run = await RepairRun.begin(target, {timings: fast});
		expect(run.steps().map(s => s.id)).toEqual(['dsmpack', 'start-service']);
		expect(await run.execute('dsmpack')).toMatchObject({status: 'done'});
		run.leaveServer();
		// The admin (or a closed terminal after dsmpack) left it; MSSYNC, repaired, was started by hand.
		expect(await labTarget(dir).service.start()).toMatchObject({ok: true});
		const resumed = await RepairRun.resume(target, (await findUnfinishedRun(target.journalDir))!, fast);
		expect(resumed.steps().map(s => s.id)).toEqual(['dsmpack', 'start-service']);
		expect(resumed.nextStep()).toBe('start-service');
		resumed.leaveServer();
	});

	it('on the lab: MSSYNC stopped, dsmpack repairs in place keeping mssync.bkp, and MSSYNC starts again', async () => {
		const {paths, target} = await crashedLab();
		expect(await target.service.start()).toMatchObject({ok: false});
		const run = await RepairRun.begin(target, {timings: fast});
		// MSSYNC was found stopped (it will not start): the run does not begin by stopping it.
		expect(run.steps().map(s => s.id)).toEqual(['dsmpack', 'start-service']);
		expect(run.steps()[0]!.manual).toBeFalsy();
		expect(await run.execute('dsmpack')).toMatchObject({status: 'done', details: expect.arrayContaining(['Operation completed successfully.'])});
		expect(await readdir(paths.syncagnt)).toContain('mssync.bkp');
		expect(await run.execute('start-service')).toMatchObject({status: 'done', summary: expect.stringMatching(/the repair worked \(mssync\.bkp kept\)/)});
		await run.end('completed');
		expect(run.whereThingsAre()[0]).toMatch(/kept as .*mssync\.bkp/);
		expect((await readJournal(run.journalPath))[0]).toMatchObject({flow: 'repair'});
		expect(run.canRollback).toBe(false);
	});

	it('on a target without dsmpack of its own: a manual step at the console; without mssync.bkp the start is refused', async () => {
		const {paths, target} = await crashedLab();
		const {repair: _none, ...real} = target;
		const run = await RepairRun.begin(real, {timings: fast});
		expect(run.steps()[0]!.manual).toBe(true);
		const manual = await run.execute('dsmpack');
		// SYNCAGNT as the PDC's own prompt names it: this target's folder (one of this machine's) means nothing there.
		expect(manual).toMatchObject({
			status: 'manual',
			instructions: expect.arrayContaining([expect.stringContaining('cd /d %SystemRoot%\\System32\\Syncagnt  then  dsmpack /r')]),
		});
		// The admin confirmed, but dsmpack left no mssync.bkp: it did not run. Checked before the step is marked done.
		await rm(join(paths.syncagnt, 'mssync.bkp'), {force: true});
		expect(await run.confirmManual('dsmpack')).toMatchObject({status: 'failed', message: expect.stringMatching(/no mssync\.bkp .* not marked done/)});
		expect(run.finishedSteps()).not.toContain('dsmpack');
		expect(run.nextStep()).toBe('dsmpack');
		const start = await run.execute('start-service');
		expect(start).toMatchObject({status: 'failed', message: expect.stringMatching(/no mssync\.bkp .* MSSYNC was not started/)});
		expect(await target.service.query()).toMatchObject({state: 'STOPPED'});
		run.leaveServer();
	});

	it('a stale mssync.bkp, left by an earlier repair, is not taken for this run’s: the step is not marked done until dsmpack writes it again', async () => {
		const {paths, target} = await crashedLab();
		const {repair: _none, ...real} = target;
		const stale = join(paths.syncagnt, 'mssync.bkp');
		await writeFile(stale, 'an earlier repair');
		await utimes(stale, new Date('2026-01-02T03:04:05Z'), new Date('2026-01-02T03:04:05Z'));
		const run = await RepairRun.begin(real, {timings: fast});
		expect(await run.execute('dsmpack')).toMatchObject({status: 'manual'});
		const refused = await run.confirmManual('dsmpack');
		expect(refused).toMatchObject({
			status: 'failed',
			message: expect.stringMatching(/mssync\.bkp .* is the one that was there before the dsmpack step began.*not marked done/),
		});
		expect(run.finishedSteps()).not.toContain('dsmpack');
		// Journaled when the step began, so a confirmation from another process (--resume) checks the same.
		const before = (await readJournal(run.journalPath)).find(e => e.type === 'file-before');
		expect(before).toMatchObject({step: 'dsmpack', path: stale, size: 'an earlier repair'.length});
		expect(await run.execute('start-service')).toMatchObject({
			status: 'failed',
			message: expect.stringMatching(/before the dsmpack step began.*MSSYNC was not started/),
		});
		expect(await target.service.query()).toMatchObject({state: 'STOPPED'});
		run.leaveServer();
		// The admin runs dsmpack /r now: mssync.bkp written again. Confirmed on --resume, in a new process.
		await copyFile(
			join(
				paths.syncagnt,
				(await readdir(paths.syncagnt)).find(n => /^mssync\.mdb$/i.test(n))!,
			),
			stale,
		);
		const resumed = await RepairRun.resume(real, (await findUnfinishedRun(target.journalDir))!, fast);
		expect(await resumed.confirmManual('dsmpack')).toMatchObject({status: 'done'});
		resumed.leaveServer();
	});

	it('on the lab: its own dsmpack over a stale mssync.bkp passes the check', async () => {
		const {paths, target} = await crashedLab();
		const stale = join(paths.syncagnt, 'mssync.bkp');
		await writeFile(stale, 'an earlier repair');
		await utimes(stale, new Date('2026-01-02T03:04:05Z'), new Date('2026-01-02T03:04:05Z'));
		const run = await RepairRun.begin(target, {timings: fast});
		expect(await run.execute('dsmpack')).toMatchObject({status: 'done'});
		expect(await run.execute('start-service')).toMatchObject({status: 'done'});
		run.leaveServer();
	});

	it('a repair that does not bring MSSYNC back says to restore from a backup', async () => {
		const {paths, target} = await crashedLab();
		const {repair: _none, ...real} = target;
		const run = await RepairRun.begin(real, {timings: fast});
		await run.execute('dsmpack');
		// mssync.bkp there, but the crash was not repaired (dsmpack not really run): the start fails.
		await writeFile(join(paths.syncagnt, 'mssync.bkp'), 'x');
		expect(await run.confirmManual('dsmpack')).toMatchObject({status: 'done'});
		const start = await run.execute('start-service');
		expect(start).toMatchObject({
			status: 'failed',
			message: expect.stringMatching(/the repair did not bring MSSYNC back/),
			advice: expect.stringMatching(/restore the database from a backup/),
		});
		run.leaveServer();
	});
});
