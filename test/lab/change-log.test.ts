/**
 * The bad day of KB Q189441 in the lab: a restored database whose position left the domain's change log.
 * MSSYNC logs Event 8005, a plain "Synchronize all servers" turns every server blue while accounts stay
 * stale, and "Fully synchronize all servers" fixes them.
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
// What `lab status --json` prints, from its own function in-process (the text form stays a `lab status` run below).
import {labStatus} from '../../source/lab/status.js';
import {runCli, tempDir} from '../helpers/run-cli.js';
import {labRestoreArgs} from '../helpers/scripted-args.js';

/** The lab restored by a scripted run, whose exit code and last words say whether MSSYNC logged Event 8005 (README, exit status). */
async function restoredLab(backupAge: number, changeLogSize: number, event8005: boolean) {
	const dir = join(await tempDir(), 'lab');
	const created = await runCli([
		'lab',
		'create',
		dir,
		'--pace',
		'0',
		'--servers',
		'3',
		'--backup-age',
		String(backupAge),
		'--change-log-size',
		String(changeLogSize),
	]);
	expect(created.exitCode).toBe(0);
	const before = await labStatus(dir);
	// 30 days at 4 changes a day: 120 changes since the backup (as many of the 40 accounts as that touches), none on the NetWare servers yet.
	expect(before.servers.every(s => s.staleAccounts.length > 0)).toBe(true);
	const run = await runCli(labRestoreArgs(dir));
	// Event 8005 seen after the plain synchronize: done, but known out of step (exit 1), and the full synchronize named.
	expect(run.exitCode, run.stdout + run.stderr).toBe(event8005 ? 1 : 0);
	if (event8005) expect(run.stdout).toMatch(/Done, but Event 8005: the servers need a full synchronize\.[\s\S]*lab sync \S+ --full/);
	else expect(run.stdout).not.toMatch(/Event 8005:/);
	return dir;
}

describe('the change log of a restored database (lab create --backup-age --change-log-size)', () => {
	// A whole scripted restore runs in each: generous limits for a loaded machine.
	it(
		'a log too small: Event 8005 at start, every server blue after the restore, accounts still stale; a full synchronize fixes them',
		{timeout: 120_000},
		async () => {
			const dir = await restoredLab(30, 64, true);
			const after = await labStatus(dir);
			expect(after.events.map(e => e.id)).toEqual([8005]);
			expect(after.events[0]!.text).toMatch(/failed to find the last change log entry it processed\. Some user and group modifications might be lost\./);
			expect(after.servers.every(s => s.synchronized)).toBe(true);
			expect(after.servers.every(s => s.staleAccounts.length > 0)).toBe(true);

			const plain = await runCli(['lab', 'sync', dir]);
			expect(plain.exitCode).toBe(0);
			expect((await labStatus(dir)).servers.every(s => s.staleAccounts.length > 0)).toBe(true);

			const full = await runCli(['lab', 'sync', dir, '--full']);
			expect(full.exitCode).toBe(0);
			const fixed = await labStatus(dir);
			expect(fixed.servers.map(s => s.staleAccounts)).toEqual([[], [], []]);
			const text = await runCli(['lab', 'status', dir]);
			expect(text.stdout).toMatch(/Application log: Event 8005 \(MSSYNC, warning/);
		},
	);

	it('a log that still holds the position: no Event 8005, and the plain synchronize of the restore sends the changes', {timeout: 120_000}, async () => {
		const dir = await restoredLab(30, 1000, false);
		const after = await labStatus(dir);
		expect(after.events).toEqual([]);
		expect(after.servers.map(s => s.staleAccounts)).toEqual([[], [], []]);
	});

	it('a lab made without --backup-age has no change log: no stale accounts, no events', async () => {
		const dir = join(await tempDir(), 'lab');
		await runCli(['lab', 'create', dir, '--pace', '0', '--servers', '2']);
		const status = await labStatus(dir);
		expect(status.events).toEqual([]);
		expect(status.servers.map(s => s.staleAccounts)).toEqual([[], []]);
	});
});
