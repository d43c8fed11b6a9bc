/**
 * The use cases "begin", "resume" and "roll back" a run, and MSSYNC as a run leaves it, driven in-process
 * without a front end (ARCHITECTURE.md, "Use cases").
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {beginReconstruct, beginRestore} from '../../source/app/begin-run.js';
import {rollBack} from '../../source/app/roll-back.js';
import {serviceLineNow, serviceNotAsFound} from '../../source/app/service-as-found.js';
import {resumeUnfinished} from '../../source/app/unfinished-run.js';
import {findUnfinishedRun, Journal, readJournal} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {tempDir} from '../helpers/run-cli.js';

async function newLab() {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0});
	return {dir, paths: labPaths(dir), target: labTarget(dir)};
}

describe('beginRestore', () => {
	it('journals the run with its answers and changes nothing on the target; --break-lock reaches the run', async () => {
		const {paths, target} = await newLab();
		const before = await hashFolder(paths.syncagnt);
		const run = await beginRestore(target, {backup: paths.backup, synchronize: 'full'}, {breakLock: true});
		expect(run).toMatchObject({flow: 'restore', backup: paths.backup, breakLockIfGone: true});
		expect(run.nextStep()).toBe('stop-service');
		const [start, validated] = await readJournal(run.journalPath);
		expect(start).toMatchObject({type: 'run-started', flow: 'restore', backup: paths.backup, synchronize: 'full'});
		expect(validated).toMatchObject({type: 'backup-validated'});
		expect(await hashFolder(paths.syncagnt)).toEqual(before);
	});
});

describe('beginReconstruct', () => {
	it('begins with the plan and hands the initial password to the run, which then does not ask for it', async () => {
		const {dir, target} = await newLab();
		const plan = {servers: ['FS1'], restoreBindery: [], passwordPolicy: 'initial' as const, passwordsFile: join(dir, 'passwords.txt')};
		const withPassword = await beginReconstruct(target, {plan, initialPassword: 'Spring-2026'});
		expect(withPassword).toMatchObject({flow: 'reconstruct', servers: ['FS1'], breakLockIfGone: false});
		expect(withPassword.needsInitialPassword()).toBe(false);
		await withPassword.end('abandoned');
		const without = await beginReconstruct(target, {plan});
		expect(without.needsInitialPassword()).toBe(true);
	});
});

describe('resumeUnfinished and rollBack', () => {
	it('reopens a run cut off during a step, says how it was left; the roll back puts SYNCAGNT and MSSYNC back and names the red servers', async () => {
		const {paths, target} = await newLab();
		const before = await hashFolder(paths.syncagnt);
		const begun = await beginRestore(target, {backup: paths.backup});
		expect(await begun.execute('stop-service')).toMatchObject({status: 'done'});
		expect(await serviceLineNow(begun, () => 'run it again')).toBe(
			'MSSYNC is stopped (it was running when this run began): DSMN synchronizes nothing until it runs again. To bring it back: run it again.',
		);
		const journal = await Journal.reopen(begun.journalPath);
		await journal.append({type: 'step-started', step: 'move-aside'});
		await journal.close();

		const unfinished = await findUnfinishedRun(target.journalDir);
		const {run, found} = await resumeUnfinished(target, unfinished!, {breakLock: true});
		expect(run.breakLockIfGone).toBe(true);
		expect(found).toMatchObject({
			journal: begun.journalPath,
			flow: 'restore',
			backup: paths.backup,
			standing: {state: 'interrupted', during: 'move-aside'},
			standingTitle: 'Move the current database aside',
			next: {step: 'move-aside', title: 'Move the current database aside'},
			finished: ['Stop MSSYNC'],
		});

		const rolled = await rollBack(run);
		expect(rolled).toMatchObject({status: 'done', red: expect.any(Array) as unknown});
		expect(rolled.kept.join(' ')).toContain(begun.journalPath);
		expect(await hashFolder(paths.syncagnt)).toEqual(before);
		expect(await serviceLineNow(run, () => 'never said')).toBeUndefined();
	});

	it('a reconstruct cannot be rolled back: a failed result with advice, nothing changed', async () => {
		const {dir, target} = await newLab();
		const run = await beginReconstruct(target, {plan: {servers: ['FS1'], restoreBindery: [], passwordPolicy: 'random', passwordsFile: join(dir, 'p.txt')}});
		expect(await rollBack(run)).toMatchObject({status: 'failed', message: 'a reconstruct cannot be rolled back by the tool'});
	});
});

describe('serviceNotAsFound', () => {
	it('says MSSYNC is not as the run found it, and how to bring it back; nothing when it is as found', () => {
		expect(serviceNotAsFound('RUNNING', 'RUNNING', 'x')).toBeUndefined();
		expect(serviceNotAsFound('STOPPED', 'START_PENDING', 'x')).toBe(
			'MSSYNC is starting (START_PENDING; it was stopped when this run began). To bring it back: x.',
		);
	});
});
