import {execFileSync} from 'node:child_process';
import {closeSync, openSync, writeSync} from 'node:fs';
import {mkdir, mkdtemp, open, readdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {isStaleInLiveFolder} from '../../source/backup/classify.js';
import {readJournal} from '../../source/journal/journal.js';
import {RestoreRun} from '../../source/procedure/restore-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {labCreate} from '../helpers/lab-in-process.js';
import {runCli} from '../helpers/run-cli.js';
import {smallDiskUnavailable} from '../helpers/small-disk.js';

/** A real full disk: a small tmpfs, which needs root. Elsewhere this is skipped, and says so; under CI it fails (test/helpers/small-disk.ts). */
let mountPoint: string | undefined;
let scratch: string;

beforeAll(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'dsmn-diskfull-'));
	const point = join(scratch, 'small-disk');
	await mkdir(point);
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=20m', 'tmpfs', point], {stdio: 'ignore'});
		mountPoint = point;
	} catch (error) {
		// Skipped, and said so, where a tmpfs cannot be mounted; under CI that fails instead.
		smallDiskUnavailable((error as Error).message.split('\n')[0] ?? 'mount failed');
	}
});

afterAll(async () => {
	if (mountPoint) execFileSync('umount', ['-l', mountPoint], {stdio: 'ignore'});
	await rm(scratch, {recursive: true, force: true});
});

const FAST = {serviceTimeoutMs: 5000, pollIntervalMs: 20};

/** A lab on the small disk whose backup (on another disk) holds a database of this many MiB. */
async function labWithBigBackup(name: string, mib: number) {
	const lab = join(mountPoint!, name);
	await labCreate(lab, '--pace', '0');
	const backup = join(scratch, `${name}-backup`);
	execFileSync('cp', ['-r', join(lab, 'backup'), backup]);
	await rm(join(lab, 'backup'), {recursive: true});
	const handle = await open(join(backup, 'MSSYNC.MDB'), 'r+');
	await handle.truncate(mib * 1024 * 1024);
	await handle.close();
	const syncagnt = join(lab, 'SystemRoot', 'SYSTEM32', 'SYNCAGNT');
	return {lab, backup, syncagnt, originals: await hashFolder(syncagnt, isStaleInLiveFolder)};
}

/** Writes zeros until the volume is full, as another program would (synchronously: from inside the copy's progress report). */
function fillTheDisk(folder: string): string {
	const path = join(folder, 'someone-elses-log');
	const fd = openSync(path, 'w');
	const block = Buffer.alloc(256 * 1024);
	try {
		for (;;) writeSync(fd, block);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
	} finally {
		closeSync(fd);
	}
	return path;
}

async function expectRolledBack(lab: string, syncagnt: string, originals: Record<string, string>) {
	const rollback = await runCli(['--lab', lab, '--rollback']);
	expect(rollback.exitCode, rollback.stdout).toBe(0);
	expect(await hashFolder(syncagnt, isStaleInLiveFolder)).toEqual(originals);
	expect(JSON.parse((await runCli(['lab', 'status', lab, '--json'])).stdout).service.state).toBe('RUNNING');
}

describe('a disk too small, or filling up during the copy', () => {
	// Each test has the small disk to itself.
	afterEach(async () => {
		if (mountPoint) for (const name of await readdir(mountPoint)) await rm(join(mountPoint, name), {recursive: true, force: true});
	});

	it('refuses before any change when the backup cannot fit (preflight)', async ({skip}) => {
		if (!mountPoint) return skip();
		const {lab, backup, syncagnt, originals} = await labWithBigBackup('too-small', 40);
		const run = await runCli(['--lab', lab, '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', backup, '--yes']);
		expect(run.exitCode).toBe(1);
		expect(run.stdout).toMatch(/✗ \d+\.\d MiB free, 4\d\.\d MiB needed for the copy: \d+(\.\d)? MiB short/);
		expect(run.stdout).toContain('The target is not ready: nothing was changed.');
		expect(await hashFolder(syncagnt, isStaleInLiveFolder)).toEqual(originals);
	});

	it('fails with a clear message when the disk fills mid-copy, leaves no partial file, and rolls back byte for byte', async ({skip}) => {
		if (!mountPoint) return skip();
		const {lab, backup, syncagnt, originals} = await labWithBigBackup('fills-up', 4);
		const run = await RestoreRun.begin(labTarget(lab), backup, {timings: FAST});
		for (const step of ['stop-service', 'move-aside'] as const) expect(await run.execute(step)).toMatchObject({status: 'done'});
		// Another program fills the volume while MSSYNC.MDB is being copied.
		let filler: string | undefined;
		const outcome = await run.execute('copy-backup', {
			onCopyProgress: event => {
				if (!filler && event.file === 'MSSYNC.MDB' && event.fileDone > 0) filler = fillTheDisk(mountPoint!);
			},
		});
		expect(filler, JSON.stringify(outcome)).toBeDefined();
		expect(outcome).toMatchObject({
			status: 'failed',
			message: expect.stringContaining('ENOSPC'),
			advice: expect.stringContaining('the disk is full: free some space on that volume, then retry'),
		});
		expect((await readdir(syncagnt)).filter(n => n.endsWith('.dsmn-copy'))).toEqual([]);
		const [journalName] = await readdir(join(lab, 'journal'));
		expect((await readJournal(join(lab, 'journal', journalName!))).at(-1)).toMatchObject({type: 'step-failed', step: 'copy-backup'});

		// Rolling back needs no space (renames only): it works with the disk still full.
		await expectRolledBack(lab, syncagnt, originals);
		await rm(filler!);
	});

	it('refuses at the copy step itself when the space went between the plan and the copy, and retries once it is back', async ({skip}) => {
		if (!mountPoint) return skip();
		const {lab, backup, syncagnt, originals} = await labWithBigBackup('went-away', 4);
		const run = await RestoreRun.begin(labTarget(lab), backup, {timings: FAST});
		for (const step of ['stop-service', 'move-aside'] as const) expect(await run.execute(step)).toMatchObject({status: 'done'});
		const filler = fillTheDisk(mountPoint);
		const outcome = await run.execute('copy-backup');
		expect(outcome).toMatchObject({
			status: 'failed',
			message: expect.stringMatching(
				/^on the volume of .*SYNCAGNT, \d+(\.\d)? (B|KiB|MiB) free, \d+\.\d MiB needed for the copy: \d+(\.\d)? [KM]iB short: nothing was copied$/,
			),
		});
		await rm(filler);
		expect(await run.execute('copy-backup')).toMatchObject({status: 'done'});
		await expectRolledBack(lab, syncagnt, originals);
	});
});
