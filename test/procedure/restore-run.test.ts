import {copyFile, readdir, rm, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {isRestoredFile, isStaleInLiveFolder} from '../../source/backup/classify.js';
import {findUnfinishedRun, readJournal} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths, loadLab, saveLab} from '../../source/lab/state.js';
import {labStatus} from '../../source/lab/status.js';
import {RestoreRun} from '../../source/procedure/restore-run.js';
import type {RestoreStepId} from '../../source/procedure/restore-steps.js';
import type {ServiceControl, Target} from '../../source/targets/capabilities.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import type {ServiceState} from '../../source/services/service-state.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {tempDir} from '../helpers/run-cli.js';

const fast = {serviceTimeoutMs: 3000, pollIntervalMs: 20};

async function newLab(options: Partial<typeof LAB_DEFAULTS> = {}) {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0, ...options});
	return {dir, paths: labPaths(dir), target: labTarget(dir)};
}

async function runSteps(run: RestoreRun, steps: RestoreStepId[]) {
	for (const step of steps) expect(await run.execute(step), step).toMatchObject({status: 'done'});
}

/** A service whose answers the test scripts, around a real lab's folders. */
function scriptedService(initial: ServiceState, behaviour: {stopTo?: ServiceState; startError?: number} = {}): ServiceControl & {state: ServiceState} {
	const service = {
		serviceName: 'MSSYNC',
		state: initial,
		async query() {
			return {ok: true as const, state: service.state};
		},
		async stop() {
			service.state = behaviour.stopTo ?? 'STOPPED';
			return {ok: true as const};
		},
		describe: (verb: string) => (verb === 'query' ? 'sc query MSSYNC' : `net ${verb} MSSYNC`),
		async start() {
			if (behaviour.startError)
				return {
					ok: false as const,
					error: {code: behaviour.startError, meaning: 'the service started and then stopped at once', advice: "look in Event Viewer's Application log"},
				};
			service.state = 'RUNNING';
			return {ok: true as const};
		},
	};
	return service;
}

describe('a restore run on the lab', () => {
	it('restores the backup byte for byte, keeps the originals byte for byte, and turns every server green', async () => {
		const {dir, paths, target} = await newLab();
		const originals = await hashFolder(paths.syncagnt, isStaleInLiveFolder);
		const backup = await hashFolder(paths.backup, isRestoredFile);
		const run = await RestoreRun.begin(target, paths.backup, {timings: fast});
		await runSteps(run, ['stop-service', 'move-aside', 'copy-backup']);
		expect(await hashFolder(paths.syncagnt, isRestoredFile)).toEqual(backup);
		expect(await hashFolder(run.snapshot)).toEqual(originals);
		await runSteps(run, ['start-service', 'synchronize']);
		expect(run.nextStep()).toBeUndefined();
		await run.end('completed');

		expect(await readdir(paths.syncagnt)).not.toContain('JET.CHK');
		const status = await labStatus(dir);
		expect(status.service.state).toBe('RUNNING');
		expect(status.servers.every(s => s.synchronized)).toBe(true);
		expect(await findUnfinishedRun(target.journalDir)).toBeUndefined();
		const journal = await readJournal(run.journalPath);
		expect(journal.map(e => e.type)).toContain('copied');
		expect(journal.at(-1)).toMatchObject({type: 'run-ended', outcome: 'completed'});
	});

	it('synchronizing without a restore leaves the damaged servers red (the KB symptom)', async () => {
		const {dir, target} = await newLab();
		const before = (await labStatus(dir)).servers.filter(s => !s.synchronized).map(s => s.name);
		const results = await target.sync!.synchronizeAll();
		expect(results.filter(r => !r.ok).map(r => r.server)).toEqual(before);
		expect(results.find(r => !r.ok)?.reason).toMatch(/-1018/);
		expect((await labStatus(dir)).servers.filter(s => !s.synchronized).map(s => s.name)).toEqual(before);
	});

	it('refuses to start the service when the backup was copied over stale logs (why the KB moves them aside)', async () => {
		const {dir, paths, target} = await newLab();
		await target.service.stop();
		const {cp} = await import('node:fs/promises');
		for (const name of ['MSSYNC.MDB', 'SYSTEM.MDB', 'JET.LOG']) await cp(join(paths.backup, name), join(paths.syncagnt, name));
		expect(await target.service.start()).toMatchObject({ok: false, error: {code: 3534}});
		expect((await loadLab(dir)).service.lastError).toMatch(/-501|-533/);
	});

	it('resumes after a crash between steps, and after a crash in the middle of the copy', async () => {
		const {paths, target} = await newLab();
		const backup = await hashFolder(paths.backup, isRestoredFile);
		const first = await RestoreRun.begin(target, paths.backup, {timings: fast});
		await runSteps(first, ['stop-service', 'move-aside']);
		// The process dies here: no end, no close. A partial copy of ours is left behind, as a crash mid-copy would.
		await writeFile(join(paths.syncagnt, '.MSSYNC.MDB.dsmn-copy'), 'partial');
		const unfinished = await findUnfinishedRun(target.journalDir);
		expect(unfinished?.start.backup).toBe(paths.backup);
		const resumed = await RestoreRun.resume(target, unfinished!, fast);
		expect(resumed.finishedSteps()).toEqual(['stop-service', 'move-aside']);
		expect(resumed.nextStep()).toBe('copy-backup');
		await runSteps(resumed, ['copy-backup']);
		expect(await hashFolder(paths.syncagnt, isRestoredFile)).toEqual(backup);
		await runSteps(resumed, ['start-service', 'synchronize']);
		expect(await readdir(paths.syncagnt)).not.toContain('.MSSYNC.MDB.dsmn-copy');
	});

	it('resumes after a crash between putting a verified copy in place and journaling it (found by the crash harness)', async () => {
		const {paths, target} = await newLab();
		const backup = await hashFolder(paths.backup, isRestoredFile);
		const first = await RestoreRun.begin(target, paths.backup, {timings: fast});
		await runSteps(first, ['stop-service', 'move-aside']);
		// The copy of MSSYNC.MDB was renamed into place; the process died before the journal said so.
		await copyFile(join(paths.backup, 'MSSYNC.MDB'), join(paths.syncagnt, 'MSSYNC.MDB'));
		const resumed = await RestoreRun.resume(target, (await findUnfinishedRun(target.journalDir))!, fast);
		await runSteps(resumed, ['copy-backup']);
		expect(await hashFolder(paths.syncagnt, isRestoredFile)).toEqual(backup);
		const journal = await readJournal(resumed.journalPath);
		expect(
			journal
				.filter(e => e.type === 'copied')
				.map(e => e.type === 'copied' && e.name)
				.sort(),
		).toEqual(Object.keys(backup).sort());
	});

	it('still refuses a database in SYNCAGNT that is not the backup and that this run did not copy', async () => {
		const {paths, target} = await newLab();
		const run = await RestoreRun.begin(target, paths.backup, {timings: fast});
		await runSteps(run, ['stop-service', 'move-aside']);
		await writeFile(join(paths.syncagnt, 'MSSYNC.MDB'), 'someone else put this here');
		expect(await run.execute('copy-backup')).toMatchObject({status: 'failed', message: 'SYNCAGNT already holds a MSSYNC.MDB that this run did not copy'});
	});

	it('rolls back after a failed copy: originals back byte for byte, copies kept aside, service as it was', async () => {
		const {dir, paths, target} = await newLab();
		const originals = await hashFolder(paths.syncagnt);
		const run = await RestoreRun.begin(target, paths.backup, {timings: fast});
		await runSteps(run, ['stop-service', 'move-aside']);
		const files = await run.previewCopy();
		expect(files.length).toBeGreaterThan(3);
		// The backup medium loses a file after validation: the copy fails part way.
		let copied = 0;
		const outcome = await run.execute('copy-backup', {
			onCopyProgress: e => {
				if (e.fileDone === e.fileTotal && ++copied === 2) void rm(join(paths.backup, 'SYSTEM.MDB'));
			},
		});
		expect(outcome).toMatchObject({status: 'failed'});
		const rolledBack = await run.rollback();
		expect(rolledBack).toMatchObject({
			status: 'done',
			summary: expect.stringMatching(
				/^11 original files back in SYNCAGNT, each checked by SHA-256 against what was moved aside; the 6 restored files moved to .*SYNCAGNT\.rolled-back-/,
			),
		});
		expect(await hashFolder(paths.syncagnt)).toEqual(originals);
		expect((await labStatus(dir)).service.state).toBe('RUNNING');
		const aside = (await readdir(paths.systemRoot + '/SYSTEM32')).filter(n => n.startsWith('SYNCAGNT.rolled-back-'));
		expect(aside).toHaveLength(1);
		expect(await findUnfinishedRun(target.journalDir)).toBeUndefined();
	});

	it('rolls back a run cut off right after the move, from the journal alone, partial copies included', async () => {
		const {paths, target} = await newLab();
		const originals = await hashFolder(paths.syncagnt);
		const first = await RestoreRun.begin(target, paths.backup, {timings: fast});
		await runSteps(first, ['stop-service', 'move-aside']);
		await writeFile(join(paths.syncagnt, '.MSSYNC.MDB.dsmn-copy'), 'killed in the middle of a copy');
		const resumed = await RestoreRun.resume(target, (await findUnfinishedRun(target.journalDir))!, fast);
		expect(await resumed.rollback()).toMatchObject({status: 'done'});
		expect(await hashFolder(paths.syncagnt)).toEqual(originals);
		expect(await readdir(paths.syncagnt)).not.toContain('.MSSYNC.MDB.dsmn-copy');
	});

	it('refuses to touch the database when the service was started again behind its back', async () => {
		const {paths, target} = await newLab();
		const run = await RestoreRun.begin(target, paths.backup, {timings: fast});
		await runSteps(run, ['stop-service']);
		await target.service.start();
		const outcome = await run.execute('move-aside');
		expect(outcome).toMatchObject({
			status: 'failed',
			message: expect.stringMatching(/MSSYNC is RUNNING \(sc query MSSYNC\): .*the database must not be touched while it runs/),
		});
		expect((await readdir(paths.syncagnt)).length).toBe(12);
	});

	it('fails plainly when the service will not stop, and goes on once it does', async () => {
		const {paths, target} = await newLab();
		const service = scriptedService('RUNNING', {stopTo: 'STOP_PENDING'});
		const stubborn: Target = {...target, service};
		const run = await RestoreRun.begin(stubborn, paths.backup, {timings: {serviceTimeoutMs: 200, pollIntervalMs: 20}});
		const outcome = await run.execute('stop-service');
		expect(outcome).toMatchObject({
			status: 'failed',
			message: 'MSSYNC did not stop within 0 s: it is still STOP_PENDING (its stop began and has not finished)',
			advice: expect.stringContaining("Control Panel's Stop cannot end a stop already under way; if it never does, restart the PDC, then retry this step"),
		});
		service.state = 'STOPPED';
		expect(await run.execute('stop-service')).toMatchObject({status: 'done', summary: 'MSSYNC was already stopped'});
	});

	it('reports a service that will not start with its NET HELPMSG number and advice', async () => {
		const {paths, target} = await newLab();
		const service = scriptedService('STOPPED', {startError: 3534});
		const run = await RestoreRun.begin({...target, service}, paths.backup, {timings: fast});
		const outcome = await run.execute('start-service');
		expect(outcome).toMatchObject({status: 'failed', message: expect.stringContaining('NET HELPMSG 3534'), advice: expect.stringContaining('Event Viewer')});
	});

	it('lets the other servers finish when one is offline, and retries it once it answers', async () => {
		const {dir, paths, target} = await newLab({offline: ['FS3']});
		const run = await RestoreRun.begin(target, paths.backup, {timings: fast});
		await runSteps(run, ['stop-service', 'move-aside', 'copy-backup', 'start-service']);
		const first = await run.execute('synchronize');
		expect(first).toMatchObject({
			status: 'failed',
			message: '1 of 5 servers still shows a red X: FS3 did not answer: the NetWare server is down or unreachable',
		});
		expect((await labStatus(dir)).servers.filter(s => !s.synchronized).map(s => s.name)).toEqual(['FS3']);
		const state = await loadLab(dir);
		await saveLab(dir, {...state, servers: state.servers.map(s => ({...s, offline: false}))});
		expect(await run.execute('synchronize', {only: ['FS3']})).toMatchObject({status: 'done', summary: '1 server synchronized'});
		expect((await labStatus(dir)).servers.every(s => s.synchronized)).toBe(true);
	});
});
