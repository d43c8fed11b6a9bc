/** The restore on a new PDC (KB Q154761) as a journaled run on the lab: the copies go into SYNCAGNT\Backup; resume and roll back. */
import {readdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {isRestoredFile, isStaleInLiveFolder} from '../../source/backup/classify.js';
import {findUnfinishedRun, readJournal} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {labStatus} from '../../source/lab/status.js';
import {resumeRun} from '../../source/app/unfinished-run.js';
import {NewPdcRun} from '../../source/procedure/new-pdc-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {tempDir} from '../helpers/run-cli.js';

const fast = {serviceTimeoutMs: 3000, pollIntervalMs: 20};

async function newPdcLab() {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 20, newPdc: true});
	return {dir, paths: labPaths(dir), target: labTarget(dir)};
}

describe('a restore run on a new PDC (KB Q154761), on the lab', () => {
	it('copies the backup into SYNCAGNT\\Backup (nothing of the new installation replaced), starts MSSYNC on it, and synchronizing turns every server blue', async () => {
		const {paths, target} = await newPdcLab();
		const installation = await hashFolder(paths.syncagnt, isStaleInLiveFolder);
		const backup = await hashFolder(paths.backup, isRestoredFile);
		const run = await NewPdcRun.begin(target, paths.backup, {timings: fast});
		expect(run.steps().map(s => s.id)).toEqual(['stop-service', 'copy-backup', 'start-service', 'synchronize']);
		expect(run.steps()[3]!.manual).toBeFalsy();
		for (const step of ['stop-service', 'copy-backup']) expect(await run.execute(step), step).toMatchObject({status: 'done'});
		// The copies are in the subfolder, byte for byte; SYNCAGNT's own files are the new installation's, untouched.
		expect(await hashFolder(join(paths.syncagnt, 'Backup'), isRestoredFile)).toEqual(backup);
		expect(await hashFolder(paths.syncagnt, isStaleInLiveFolder)).toEqual(installation);
		for (const step of ['start-service', 'synchronize']) expect(await run.execute(step), step).toMatchObject({status: 'done'});
		await run.end('completed');
		expect((await labStatus(paths.root)).servers.map(s => s.synchronized)).toEqual([true, true]);
		const start = (await readJournal(run.journalPath))[0];
		expect(start).toMatchObject({type: 'run-started', flow: 'restore', pdc: 'new'});
	});

	it('cut off after the copy, it is resumed as a new-PDC run and goes on to start MSSYNC', async () => {
		const {paths, target} = await newPdcLab();
		const run = await NewPdcRun.begin(target, paths.backup, {timings: fast});
		await run.execute('stop-service');
		await run.execute('copy-backup');
		run.leaveServer();
		const unfinished = await findUnfinishedRun(target.journalDir);
		const resumed = await resumeRun(target, unfinished!);
		expect(resumed).toBeInstanceOf(NewPdcRun);
		expect(resumed.nextStep()).toBe('start-service');
		expect(await resumed.execute('start-service')).toMatchObject({status: 'done'});
		resumed.leaveServer();
	});

	it('rolled back before MSSYNC started: its copies go aside (kept), the Backup subfolder it made is gone, MSSYNC running as found', async () => {
		const {paths, target} = await newPdcLab();
		const installation = await hashFolder(paths.syncagnt, isStaleInLiveFolder);
		const backup = await hashFolder(paths.backup, isRestoredFile);
		const run = await NewPdcRun.begin(target, paths.backup, {timings: fast});
		await run.execute('stop-service');
		await run.execute('copy-backup');
		const outcome = await run.rollback();
		expect(outcome).toMatchObject({status: 'done'});
		expect(await readdir(paths.syncagnt)).not.toContain('Backup');
		expect(await hashFolder(paths.syncagnt, isStaleInLiveFolder)).toEqual(installation);
		const aside = (await readdir(join(paths.systemRoot, 'SYSTEM32'))).find(n => n.includes('rolled-back'));
		expect(aside).toBeDefined();
		expect(await hashFolder(join(paths.systemRoot, 'SYSTEM32', aside!), isRestoredFile)).toEqual(backup);
		expect((await target.service.query()).ok && (await target.service.query())).toMatchObject({state: 'RUNNING'});
		expect(run.whereThingsAre()[0]).toMatch(/The copies this run made were moved to .*rolled-back/);
	});

	it('a file in an existing Backup subfolder that the run did not copy stops the copy, and is left where it is', async () => {
		const {paths, target} = await newPdcLab();
		const {mkdir} = await import('node:fs/promises');
		await mkdir(join(paths.syncagnt, 'Backup'));
		await writeFile(join(paths.syncagnt, 'Backup', 'MSSYNC.MDB'), 'someone else');
		const run = await NewPdcRun.begin(target, paths.backup, {timings: fast});
		await run.execute('stop-service');
		const copy = await run.execute('copy-backup');
		expect(copy).toMatchObject({status: 'failed', message: expect.stringMatching(/already holds a MSSYNC\.MDB that this run did not copy/)});
		expect(await readdir(join(paths.syncagnt, 'Backup'))).toEqual(['MSSYNC.MDB']);
		run.leaveServer();
	});

	it('a Backup subfolder that was there before the run is kept by the roll back, with what else it holds', async () => {
		const {paths, target} = await newPdcLab();
		const {mkdir} = await import('node:fs/promises');
		await mkdir(join(paths.syncagnt, 'Backup'));
		await writeFile(join(paths.syncagnt, 'Backup', 'notes.txt'), "the admin's own");
		const run = await NewPdcRun.begin(target, paths.backup, {timings: fast});
		await run.execute('stop-service');
		expect(await run.execute('copy-backup')).toMatchObject({status: 'done'});
		const back = await run.rollback();
		expect(back).toMatchObject({status: 'done'});
		expect(await readdir(join(paths.syncagnt, 'Backup'))).toEqual(['notes.txt']);
	});

	it('a copy changed by someone after the run verified it stops the roll back before anything moves', async () => {
		const {paths, target} = await newPdcLab();
		const run = await NewPdcRun.begin(target, paths.backup, {timings: fast});
		await run.execute('stop-service');
		await run.execute('copy-backup');
		await writeFile(join(paths.syncagnt, 'Backup', 'SYSTEM.MDB'), 'changed');
		const back = await run.rollback();
		expect(back).toMatchObject({status: 'failed', message: expect.stringMatching(/SYSTEM\.MDB \(7 bytes.*not what this run copied\. Nothing was moved/)});
		expect((await readdir(join(paths.syncagnt, 'Backup'))).sort()).toContain('MSSYNC.MDB');
		run.leaveServer();
	});

	it('rolled back after MSSYNC started on the copies: stopped, copies aside, started again, and it says the database is the one MSSYNC took', async () => {
		const {paths, target} = await newPdcLab();
		const run = await NewPdcRun.begin(target, paths.backup, {timings: fast});
		for (const step of ['stop-service', 'copy-backup', 'start-service']) await run.execute(step);
		const outcome = await run.rollback();
		expect(outcome).toMatchObject({status: 'done', summary: expect.stringMatching(/new installation's empty database is not kept.*MSSYNC running again/)});
		expect(await readdir(paths.syncagnt)).not.toContain('Backup');
	});

	// Issue 29: one sentence for both ("brings every managed NetWare server up to the restored database") said neither.
	it("the synchronize's confirmation says what the one chosen does", async () => {
		const {paths, target} = await newPdcLab();
		const said = async (synchronize: 'normal' | 'full') => {
			const run = await NewPdcRun.begin(target, paths.backup, {timings: fast, synchronize});
			const lines = (await run.describeChanges('synchronize')).join(' ');
			run.leaveServer();
			await run.end('nothing-changed');
			return lines;
		};
		const normal = await said('normal');
		expect(normal).toMatch(
			/^Runs "Synchronize all servers": DSMN sends each managed NetWare server the account updates its database still lists as needed there/,
		);
		expect(normal).toMatch(/It does not send every account again/);
		const full = await said('full');
		expect(full).toMatch(/^Runs "Fully synchronize all servers": every propagated account is sent again/);
		expect(full).toMatch(/A roll back cannot undo it: what the servers received stays on them\.$/);
	});
});
