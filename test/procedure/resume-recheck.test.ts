/**
 * Issue 29, item 4, as a scripted run: a restore fails at "Start MSSYNC" (the lab's start-refused fault),
 * the fault is cleared, one byte is appended to SYNCAGNT/JET00002.LOG, and `--resume` must find it before
 * MSSYNC starts on it, never claim "verified by SHA-256". Without the change, the resume said "✓ Done".
 */
import {appendFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {labPaths} from '../../source/lab/state.js';
import {runCli, tempDir} from '../helpers/run-cli.js';

describe('a scripted --resume reads again the files already in SYNCAGNT', () => {
	it('finds a byte appended to JET00002.LOG after a failed start, and starts nothing', async () => {
		const lab = join(await tempDir(), 'lab');
		expect((await runCli(['lab', 'create', lab, '--pace', '0'])).exitCode).toBe(0);
		expect((await runCli(['lab', 'fault', lab, 'start-refused'])).exitCode).toBe(0);
		const failed = await runCli(['--lab', lab, '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', join(lab, 'backup'), '--yes']);
		expect(failed.stdout).toContain('✗ Start MSSYNC failed');
		expect(failed.exitCode).toBe(1);
		expect((await runCli(['lab', 'fault', lab, 'clear'])).exitCode).toBe(0);
		await appendFile(join(labPaths(lab).syncagnt, 'JET00002.LOG'), 'x');

		const resumed = await runCli(['--lab', lab, '--resume']);
		expect(resumed.stdout).toMatch(/✗ Start MSSYNC failed: JET00002\.LOG in SYNCAGNT is not what this run copied: \d+ bytes \(copied: \d+\)/);
		expect(resumed.stdout).not.toContain('Done');
		expect(resumed.exitCode).toBe(1);
		const status = await runCli(['lab', 'status', lab]);
		expect(status.stdout).toMatch(/STOPPED/);
	}, 120_000);

	it('says what it found when the files are as copied', async () => {
		const lab = join(await tempDir(), 'lab');
		expect((await runCli(['lab', 'create', lab, '--pace', '0'])).exitCode).toBe(0);
		expect((await runCli(['lab', 'fault', lab, 'start-refused'])).exitCode).toBe(0);
		expect(
			(await runCli(['--lab', lab, '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', join(lab, 'backup'), '--yes'])).exitCode,
		).toBe(1);
		expect((await runCli(['lab', 'fault', lab, 'clear'])).exitCode).toBe(0);
		const resumed = await runCli(['--lab', lab, '--resume']);
		expect(resumed.stdout).toContain('before it, the 7 files already in SYNCAGNT read again: each still the validated bytes (SHA-256)');
		expect(resumed.exitCode).toBe(0);
	}, 120_000);
});
