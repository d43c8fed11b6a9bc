/** MSSYNC will not start after a crash (lab create --wont-start); dsmpack /r repairs it in place (KB Q197852). */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {exists} from '../../source/fs/exists.js';
import {net} from '../../source/lab/stand-in.js';
import {labPaths} from '../../source/lab/state.js';
import {parseNetOutput} from '../../source/services/parse-service-output.js';
import {runCli, tempDir} from '../helpers/run-cli.js';

function fakeClock() {
	let now = Date.now();
	return {now: () => now, sleep: async (ms: number) => void (now += ms)};
}

async function crashedLab() {
	const dir = join(await tempDir(), 'lab');
	const created = await runCli(['lab', 'create', dir, '--pace', '0', '--servers', '2', '--accounts', '20', '--wont-start']);
	expect(created.exitCode, created.stderr).toBe(0);
	return dir;
}

describe('lab create --wont-start, then lab dsmpack', () => {
	it('MSSYNC will not start (JET -550); dsmpack keeps mssync.bkp; then MSSYNC starts and synchronizing clears the red X', {timeout: 60_000}, async () => {
		const dir = await crashedLab();
		const status = JSON.parse((await runCli(['lab', 'status', dir, '--json'])).stdout.trim());
		expect(status.service).toMatchObject({state: 'STOPPED', lastError: expect.stringMatching(/^-550 JET_errDatabaseDirtyShutdown/)});

		const refused = await net(dir, ['start', 'MSSYNC'], fakeClock());
		expect(parseNetOutput(refused)).toMatchObject({ok: false, error: {code: 3534}});

		const repaired = await runCli(['lab', 'dsmpack', dir]);
		expect(repaired.exitCode, repaired.stderr).toBe(0);
		expect(repaired.stdout).toMatch(/Initiating DEFRAGMENTATION mode \(with REPAIR option\)[\s\S]*Operation completed successfully\./);
		expect(await exists(join(labPaths(dir).syncagnt, 'mssync.bkp'))).toBe(true);

		expect((await net(dir, ['start', 'MSSYNC'], fakeClock())).exitCode).toBe(0);
		const sync = await runCli(['lab', 'sync', dir]);
		expect(sync.exitCode, sync.stdout).toBe(0);
		const after = JSON.parse((await runCli(['lab', 'status', dir, '--json'])).stdout.trim()) as {servers: {synchronized: boolean}[]};
		expect(after.servers.every(s => s.synchronized)).toBe(true);
	});

	it('dsmpack is refused while MSSYNC runs: the database is open', async () => {
		const dir = join(await tempDir(), 'lab');
		await runCli(['lab', 'create', dir, '--pace', '0', '--servers', '1', '--accounts', '5']);
		const refused = await runCli(['lab', 'dsmpack', dir]);
		expect(refused.exitCode).toBe(2);
		expect(refused.stderr).toMatch(/MSSYNC is RUNNING: dsmpack needs the database closed/);
		expect(await exists(join(labPaths(dir).syncagnt, 'mssync.bkp'))).toBe(false);
	});
});
