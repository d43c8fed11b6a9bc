/** The dsmpack /r repair (KB Q197852) as a journaled run: simulated on the lab, a manual step on a real server, then verified by MSSYNC starting. */
import {copyFile, readdir, readFile, rename, rm, utimes, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {findUnfinishedRun, readJournal} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {REPAIR_UNDO, RepairRun} from '../../source/procedure/repair-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {tempDir} from '../helpers/run-cli.js';

const fast = {serviceTimeoutMs: 3000, pollIntervalMs: 20};

async function crashedLab() {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 20, wontStart: true});
	return {dir, paths: labPaths(dir), target: labTarget(dir)};
}

describe('the repair run (dsmpack /r, KB Q197852)', () => {
	// Issue 29 (the second walker): the repair's confirmation did not say whether it could be undone.
	it('its confirmation ends on whether it can be undone, true to what the tool keeps: no roll back, mssync.bkp left in SYNCAGNT', async () => {
		const {target} = await crashedLab();
		const {repair: _none, ...real} = target;
		for (const on of [target, real]) {
			const run = await RepairRun.begin(on, {timings: fast});
			const last = (await run.describeChanges('dsmpack')).at(-1);
			expect(last).toBe(REPAIR_UNDO);
			expect(last).toMatch(/^It cannot be undone by this tool: a repair has no roll back\. The database as it was stays in SYNCAGNT as mssync\.bkp/);
			// As the run is: no roll back, and its roll back refuses, naming mssync.bkp as what is kept.
			expect(run.canRollback).toBe(false);
			expect(await run.rollback()).toMatchObject({status: 'failed', advice: expect.stringContaining('mssync.bkp')});
			run.leaveServer();
		}
	});

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

	it('an earlier repair’s mssync.bkp is moved aside before the manual step, journaled, and named; a confirmation without a new one is refused', async () => {
		const {paths, target} = await crashedLab();
		const {repair: _none, ...real} = target;
		const earlier = join(paths.syncagnt, 'mssync.bkp');
		await writeFile(earlier, 'an earlier repair');
		const run = await RepairRun.begin(real, {timings: fast});
		expect((await run.describeChanges('dsmpack'))[0]).toMatch(/already there .* moved aside first as .*mssync\.bkp\.before-\d{8}-\d{6}/);
		const manual = await run.execute('dsmpack');
		expect(manual).toMatchObject({
			status: 'manual',
			instructions: expect.arrayContaining([expect.stringMatching(/moved aside first, not replaced: it is now .*before-/)]),
		});
		const aside = (await readdir(paths.syncagnt)).find(n => n.startsWith('mssync.bkp.before-'))!;
		expect(await readFile(join(paths.syncagnt, aside), 'utf8')).toBe('an earlier repair');
		expect(await readdir(paths.syncagnt)).not.toContain('mssync.bkp');
		const journal = await readJournal(run.journalPath);
		expect(journal.filter(e => e.type === 'move' || e.type === 'moved').map(e => e.type)).toEqual(['move', 'moved']);
		expect(journal.find(e => e.type === 'move')).toMatchObject({from: earlier, to: join(paths.syncagnt, aside), size: 'an earlier repair'.length});
		const refused = await run.confirmManual('dsmpack');
		expect(refused).toMatchObject({
			status: 'failed',
			message: expect.stringMatching(/no mssync\.bkp .* has not run since this step began at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC.*not marked done/),
		});
		expect(run.whereThingsAre()[0]).toMatch(new RegExp(`earlier repair left .* is kept as .*${aside.replace(/\./g, '\\.')}`));
		run.leaveServer();
		// The admin runs dsmpack /r now; confirmed on --resume in a new process: nothing is moved again, the earlier copy stays.
		await copyFile(
			join(
				paths.syncagnt,
				(await readdir(paths.syncagnt)).find(n => /^mssync\.mdb$/i.test(n))!,
			),
			earlier,
		);
		const resumed = await RepairRun.resume(real, (await findUnfinishedRun(target.journalDir))!, fast);
		expect(await resumed.confirmManual('dsmpack')).toMatchObject({status: 'done'});
		expect(await readFile(join(paths.syncagnt, aside), 'utf8')).toBe('an earlier repair');
		resumed.leaveServer();
	});

	it('a journal of an older version (mssync.bkp noted, not moved): a stale one is refused as not written since the step began, and the advice keeps it first', async () => {
		const {paths, target} = await crashedLab();
		const {repair: _none, ...real} = target;
		const stale = join(paths.syncagnt, 'mssync.bkp');
		const run = await RepairRun.begin(real, {timings: fast});
		expect(await run.execute('dsmpack')).toMatchObject({status: 'manual'});
		run.leaveServer();
		// As the older version journaled it: the file there when the step began, its size and time, and nothing moved.
		await writeFile(stale, 'an earlier repair');
		await utimes(stale, new Date('2026-01-02T03:04:05Z'), new Date('2026-01-02T03:04:05Z'));
		const lines = (await readFile(run.journalPath, 'utf8'))
			.trimEnd()
			.split('\n')
			.map(l => JSON.parse(l) as Record<string, unknown>);
		const older = lines.map(e =>
			e['type'] === 'file-before' ? {...e, size: 'an earlier repair'.length, mtimeMs: new Date('2026-01-02T03:04:05Z').getTime()} : e,
		);
		await writeFile(run.journalPath, older.map(e => JSON.stringify(e)).join('\n') + '\n');
		const resumed = await RepairRun.resume(real, (await findUnfinishedRun(target.journalDir))!, fast);
		const refused = await resumed.confirmManual('dsmpack');
		expect(refused).toMatchObject({
			status: 'failed',
			message: expect.stringMatching(/mssync\.bkp .* was not written since this step began at .* UTC .*not marked done/),
			advice: expect.stringMatching(/^first copy .*mssync\.bkp somewhere safe .*; then run dsmpack \/r/),
		});
		expect(refused.status === 'failed' && refused.message).not.toMatch(/has not run on this database/);
		expect(await resumed.execute('start-service')).toMatchObject({
			status: 'failed',
			message: expect.stringMatching(/was not written since.*MSSYNC was not started/),
		});
		expect(await target.service.query()).toMatchObject({state: 'STOPPED'});
		resumed.leaveServer();
	});

	it('cut between the move aside and its "moved" entry: the resumed step reads the disk, moving it once, whether the rename was done or not', async () => {
		for (const renamed of [true, false]) {
			const {paths, target} = await crashedLab();
			const {repair: _none, ...real} = target;
			const earlier = join(paths.syncagnt, 'mssync.bkp');
			await writeFile(earlier, 'an earlier repair');
			const run = await RepairRun.begin(real, {timings: fast});
			await run.execute('dsmpack');
			run.leaveServer();
			// The journal as a cut after "move" leaves it; the rename done or not.
			const lines = (await readFile(run.journalPath, 'utf8')).trimEnd().split('\n');
			await writeFile(run.journalPath, lines.slice(0, lines.findIndex(l => l.includes('"type":"move"')) + 1).join('\n') + '\n');
			const aside = (await readdir(paths.syncagnt)).find(n => n.startsWith('mssync.bkp.before-'))!;
			if (!renamed) await rename(join(paths.syncagnt, aside), earlier);
			const resumed = await RepairRun.resume(real, (await findUnfinishedRun(target.journalDir))!, fast);
			expect(await resumed.execute('dsmpack')).toMatchObject({status: 'manual'});
			expect(await readFile(join(paths.syncagnt, aside), 'utf8')).toBe('an earlier repair');
			expect(await readdir(paths.syncagnt)).not.toContain('mssync.bkp');
			const journal = await readJournal(resumed.journalPath);
			expect(journal.filter(e => e.type === 'move' || e.type === 'moved').map(e => e.type)).toEqual(['move', 'moved']);
			resumed.leaveServer();
		}
	});

	it('on the lab: a second repair moves the first one’s mssync.bkp aside before its dsmpack runs', async () => {
		const {paths, target} = await crashedLab();
		const first = await RepairRun.begin(target, {timings: fast});
		expect(await first.execute('dsmpack')).toMatchObject({status: 'done'});
		expect(await first.execute('start-service')).toMatchObject({status: 'done'});
		await first.end('completed');
		const kept = await readFile(join(paths.syncagnt, 'mssync.bkp'));
		expect(await target.service.stop()).toMatchObject({ok: true});
		const second = await RepairRun.begin(target, {timings: fast});
		expect(await second.execute('dsmpack')).toMatchObject({status: 'done', summary: expect.stringMatching(/the earlier one moved aside as .*before-/)});
		const aside = (await readdir(paths.syncagnt)).find(n => n.startsWith('mssync.bkp.before-'))!;
		expect(await readFile(join(paths.syncagnt, aside))).toEqual(kept);
		expect(second.whereThingsAre()[0]).toMatch(/earlier repair left .* is kept as .*mssync\.bkp\.before-/);
		second.leaveServer();
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
