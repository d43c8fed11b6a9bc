import {execFileSync} from 'node:child_process';
import {mkdir, mkdtemp, open, readdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {isStaleInLiveFolder} from '../../source/backup/classify.js';
import {readJournal} from '../../source/journal/journal.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {runCli} from '../helpers/run-cli.js';

/** A real full disk: a small tmpfs, which needs root. Elsewhere this is skipped, and says so. */
let mountPoint: string | undefined;
let scratch: string;

beforeAll(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'dsmn-diskfull-'));
	const point = join(scratch, 'small-disk');
	await mkdir(point);
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=20m', 'tmpfs', point], {stdio: 'ignore'});
		mountPoint = point;
	} catch {
		console.log('disk-full test skipped: mounting a small tmpfs needs root (CAP_SYS_ADMIN)');
	}
});

afterAll(async () => {
	if (mountPoint) execFileSync('umount', ['-l', mountPoint], {stdio: 'ignore'});
	await rm(scratch, {recursive: true, force: true});
});

describe('a disk that fills up during the copy', () => {
	it('fails with a clear message, leaves no partial file, and rolls back byte for byte', async ({skip}) => {
		if (!mountPoint) return skip();
		const lab = join(mountPoint, 'lab');
		expect((await runCli(['lab', 'create', lab, '--pace', '0'])).exitCode).toBe(0);
		// The backup lives on another disk; its database is larger than the space left on the lab's.
		const backup = join(scratch, 'backup');
		execFileSync('cp', ['-r', join(lab, 'backup'), backup]);
		await rm(join(lab, 'backup'), {recursive: true});
		const handle = await open(join(backup, 'MSSYNC.MDB'), 'r+');
		await handle.truncate(40 * 1024 * 1024);
		await handle.close();
		const syncagnt = join(lab, 'SystemRoot', 'SYSTEM32', 'SYNCAGNT');
		const originals = await hashFolder(syncagnt, isStaleInLiveFolder);

		const run = await runCli(['--lab', lab, '--flow', 'restore', '--backup', backup, '--yes']);
		expect(run.exitCode).toBe(1);
		expect(run.stdout).toMatch(/Copy the backup into SYNCAGNT failed: .*ENOSPC/);
		expect(run.stdout).toContain('What to do: the disk is full: free some space on that volume, then retry');
		expect((await readdir(syncagnt)).filter(n => n.endsWith('.dsmn-copy'))).toEqual([]);
		const [journalName] = await readdir(join(lab, 'journal'));
		expect((await readJournal(join(lab, 'journal', journalName!))).at(-1)).toMatchObject({type: 'step-failed', step: 'copy-backup'});

		const rollback = await runCli(['--lab', lab, '--rollback']);
		expect(rollback.exitCode).toBe(0);
		expect(await hashFolder(syncagnt, isStaleInLiveFolder)).toEqual(originals);
		expect(JSON.parse((await runCli(['lab', 'status', lab, '--json'])).stdout).service.state).toBe('RUNNING');
	});
});
