/** The synchronize step, plain or full, against the lab's change log (lab create --backup-age --change-log-size). */
import {copyFile, readdir, rm} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {staleOn} from '../../source/lab/change-log.js';
import {net} from '../../source/lab/stand-in.js';
import {labPaths, loadLab} from '../../source/lab/state.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {synchronizeInstructions, synchronizeStep} from '../../source/procedure/synchronize-step.js';
import {synchronizeChanges} from '../../source/procedure/synchronize-choice.js';
import {citationProblems} from '../../source/procedure/claims.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {tempDir} from '../helpers/run-cli.js';

const clock = () => {
	let now = Date.now();
	return {now: () => now, sleep: async (ms: number) => void (now += ms)};
};

/** A lab whose backup is restored by hand, its change log too small for the 30 days since: MSSYNC logs Event 8005. */
async function restoredPastTheLog() {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 30, backupAgeDays: 30, changeLogSize: 10});
	const {syncagnt, backup} = labPaths(dir);
	expect((await net(dir, ['stop', 'MSSYNC'], clock())).exitCode).toBe(0);
	for (const name of await readdir(syncagnt)) await rm(join(syncagnt, name));
	for (const name of await readdir(backup)) await copyFile(join(backup, name), join(syncagnt, name));
	expect((await net(dir, ['start', 'MSSYNC'], clock())).exitCode).toBe(0);
	expect((await loadLab(dir)).events?.map(e => e.id)).toEqual([8005]);
	return dir;
}

describe('synchronizeStep', () => {
	it('plain: every server blue, the changes since the backup still stale', async () => {
		const dir = await restoredPastTheLog();
		expect(await synchronizeStep(labTarget(dir), {})).toMatchObject({status: 'done'});
		const state = await loadLab(dir);
		expect(staleOn(state, 'FS1').length).toBeGreaterThan(0);
	});

	it('full: the stale accounts are fixed', async () => {
		const dir = await restoredPastTheLog();
		expect(await synchronizeStep(labTarget(dir), {}, {full: true})).toMatchObject({status: 'done'});
		const state = await loadLab(dir);
		expect([staleOn(state, 'FS1'), staleOn(state, 'FS2')]).toEqual([[], []]);
	});

	it('by hand, the instructions name the menu item that was chosen', () => {
		expect(synchronizeInstructions(['FS1'], '2026-12-06T10:00:00Z', true)[1]).toMatch(/^Choose NetWare Server ▸ Fully synchronize all servers\./);
		expect(synchronizeInstructions(['FS1'], '2026-12-06T10:00:00Z')[1]).toMatch(/^Choose NetWare Server ▸ Synchronize all servers\./);
	});

	// The plain one was once said to take "about the number of accounts times the number of servers", as the full one does.
	it('each says how long it takes as that one does: the plain one by what waits, the full one by every account', () => {
		const plain = synchronizeInstructions(['FS1'], '2026-12-06T10:00:00Z')[1]!;
		expect(plain).not.toMatch(/times the number of servers/);
		// What KB Q148678 says of it, and no more.
		expect(plain).toMatch(
			/How long it takes depends on the number of NetWare servers to synchronize and the number of accounts to propagate: it may take a significant amount of time \(KB Q148678\)\./,
		);
		expect(plain).not.toMatch(/can be many/);
		expect(synchronizeInstructions(['FS1'], '2026-12-06T10:00:00Z', true)[1]).toMatch(/about the number of accounts times the number of servers/);
		const [normal, full] = [synchronizeChanges('normal').join(' '), synchronizeChanges('full').join(' ')];
		expect(normal).toMatch(/still lists as needed there; only what changed is sent \(KB Q183684\)/);
		expect(normal).toMatch(/It does not send every account again/);
		expect(full).toMatch(/every propagated account is sent again/);
		for (const text of [normal, full]) {
			expect(text).toMatch(/can be retried/);
			expect(citationProblems(text)).toEqual([]);
		}
	});
});
