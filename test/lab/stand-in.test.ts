import {writeFile, rename, mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {net, sc} from '../../source/lab/stand-in.js';
import {labPaths, loadLab} from '../../source/lab/state.js';
import {parseNetOutput, parseScQuery} from '../../source/targets/parse-service-output.js';
import {tempDir} from '../helpers/run-cli.js';

/** A clock the test moves by hand, so pending states are seen without waiting. */
function fakeClock() {
	let now = 1_000_000;
	return {now: () => now, sleep: async (ms: number) => void (now += ms), advance: (ms: number) => void (now += ms)};
}

async function lab(pace = 125) {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace});
	return dir;
}

describe('stand-in net and sc', () => {
	it('stops the running service, going through STOP_PENDING, and reports it as sc does', async () => {
		const dir = await lab();
		const clock = fakeClock();
		const stop = await net(dir, ['stop', 'MSSYNC'], clock);
		expect(stop.exitCode).toBe(0);
		expect(stop.stdout).toContain('The Directory Service Manager for NetWare service was stopped successfully.');
		const query = await sc(dir, ['query', 'MSSYNC'], clock);
		expect(query.stdout).toMatch(/STATE\s+: 1  STOPPED/);
		expect(parseScQuery(query)).toEqual({ok: true, state: 'STOPPED'});
	});

	it('answers a second stop with NET HELPMSG 3521 and an unknown service with 2185', async () => {
		const dir = await lab();
		const clock = fakeClock();
		await net(dir, ['stop', 'MSSYNC'], clock);
		const again = await net(dir, ['stop', 'MSSYNC'], clock);
		expect(again.exitCode).toBe(2);
		expect(again.stderr).toContain('NET HELPMSG 3521');
		expect(parseNetOutput(again)).toMatchObject({ok: false, error: {code: 3521}});
		expect(parseNetOutput(await net(dir, ['stop', 'NOSUCH'], clock))).toMatchObject({ok: false, error: {code: 2185}});
		const unknown = await sc(dir, ['query', 'NOSUCH'], clock);
		expect(unknown.exitCode).toBe(1060);
		expect(parseScQuery(unknown)).toMatchObject({ok: false, error: {code: 1060}});
	});

	it('reports STOP_PENDING to sc while a stop is under way, and 2189 to net', async () => {
		const dir = await lab();
		const clock = fakeClock();
		const stop = await sc(dir, ['stop', 'MSSYNC'], clock);
		expect(stop.stdout).toMatch(/STATE\s+: 3  STOP_PENDING/);
		expect(parseNetOutput(await net(dir, ['start', 'MSSYNC'], clock))).toMatchObject({ok: false, error: {code: 2189}});
		clock.advance(10_000);
		expect(parseScQuery(await sc(dir, ['query', 'MSSYNC'], clock))).toEqual({ok: true, state: 'STOPPED'});
	});

	it('refuses to start with no database in SYNCAGNT (3534), and starts once it is back', async () => {
		const dir = await lab();
		const clock = fakeClock();
		await net(dir, ['stop', 'MSSYNC'], clock);
		const {syncagnt} = labPaths(dir);
		await mkdir(join(dir, 'aside'));
		await rename(join(syncagnt, 'MSSYNC.MDB'), join(dir, 'aside', 'MSSYNC.MDB'));
		const refused = await net(dir, ['start', 'MSSYNC'], clock);
		expect(parseNetOutput(refused)).toMatchObject({ok: false, error: {code: 3534}});
		expect((await loadLab(dir)).service).toMatchObject({state: 'STOPPED', lastError: expect.stringContaining('-1811')});
		await rename(join(dir, 'aside', 'MSSYNC.MDB'), join(syncagnt, 'MSSYNC.MDB'));
		expect(parseNetOutput(await net(dir, ['start', 'MSSYNC'], clock))).toEqual({ok: true});
		expect(parseNetOutput(await net(dir, ['start', 'MSSYNC'], clock))).toMatchObject({ok: false, error: {code: 2182}});
	});

	it('refuses to start when a log from another database is in SYNCAGNT (Jet -530)', async () => {
		const dir = await lab();
		const clock = fakeClock();
		await net(dir, ['stop', 'MSSYNC'], clock);
		const bogus = new Uint8Array(4096).fill(7);
		await writeFile(join(labPaths(dir).syncagnt, 'JET00003.LOG'), bogus);
		await net(dir, ['start', 'MSSYNC'], clock);
		expect((await loadLab(dir)).service.lastError).toMatch(/-530/);
	});
});
