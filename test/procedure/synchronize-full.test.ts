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
});
