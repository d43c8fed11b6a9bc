import {writeFile, rename, mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {FAULT_START_ERROR, net, sc} from '../../source/lab/stand-in.js';
import {labPaths, loadLab, saveLab, type LabFault} from '../../source/lab/state.js';
import {labStatus, serviceSays} from '../../source/lab/status.js';
import {parseNetOutput, parseScQuery} from '../../source/services/parse-service-output.js';
import {runCli, tempDir} from '../helpers/run-cli.js';

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
		expect(query.stdout).toMatch(/STATE\s+: 1 {2}STOPPED/);
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
		expect(stop.stdout).toMatch(/STATE\s+: 3 {2}STOP_PENDING/);
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

describe('stand-in net and sc under a staged fault (lab fault)', () => {
	async function faulty(fault: LabFault, service: 'RUNNING' | 'STOPPED' = 'RUNNING') {
		const dir = await lab(0);
		const state = await loadLab(dir);
		await saveLab(dir, {...state, fault, service: {state: service}});
		return dir;
	}

	it('stop-refused: net says NET HELPMSG 2191, sc ControlService FAILED 1052; MSSYNC stays RUNNING', async () => {
		const dir = await faulty('stop-refused');
		const clock = fakeClock();
		const byNet = await net(dir, ['stop', 'MSSYNC'], clock);
		expect(byNet.exitCode).toBe(2);
		expect(byNet.stderr).toContain(
			'The requested pause, continue, or stop is not valid for this service.\n\nMore help is available by typing NET HELPMSG 2191.',
		);
		expect(parseNetOutput(byNet)).toMatchObject({ok: false, error: {code: 2191, meaning: 'the service refused to stop'}});
		const bySc = await sc(dir, ['stop', 'MSSYNC'], clock);
		expect(bySc).toMatchObject({exitCode: 1052, stdout: '[SC] ControlService FAILED 1052:\n\nThe requested control is not valid for this service.\n\n'});
		expect(parseScQuery(bySc)).toMatchObject({ok: false, error: {code: 1052}});
		expect(parseScQuery(await sc(dir, ['query', 'MSSYNC'], clock))).toEqual({ok: true, state: 'RUNNING'});
	});

	it('stop-hangs: the stop is taken and never finishes (STOP_PENDING, 3528, then 2189/1061) until the fault is cleared', async () => {
		const dir = await faulty('stop-hangs');
		const clock = fakeClock();
		const byNet = await net(dir, ['stop', 'MSSYNC'], clock);
		expect(byNet.stderr).toContain('NET HELPMSG 3528');
		expect(parseNetOutput(byNet)).toMatchObject({ok: false, error: {code: 3528}});
		clock.advance(3_600_000);
		const query = await sc(dir, ['query', 'MSSYNC'], clock);
		expect(query.stdout).toMatch(/STATE\s+: 3 {2}STOP_PENDING/);
		expect(parseNetOutput(await net(dir, ['start', 'MSSYNC'], clock))).toMatchObject({ok: false, error: {code: 2189}});
		expect(parseScQuery(await sc(dir, ['stop', 'MSSYNC'], clock))).toMatchObject({ok: false, error: {code: 1061}});
		expect((await runCli(['lab', 'fault', dir, 'clear'])).stdout).toContain('The hung stop has finished: MSSYNC is STOPPED.');
		expect(parseScQuery(await sc(dir, ['query', 'MSSYNC'], clock))).toEqual({ok: true, state: 'STOPPED'});
	});

	it('stop-hangs through sc: sc stop answers STOP_PENDING and the service stays there', async () => {
		const dir = await faulty('stop-hangs');
		const clock = fakeClock();
		expect((await sc(dir, ['stop', 'MSSYNC'], clock)).stdout).toMatch(/STATE\s+: 3 {2}STOP_PENDING/);
		clock.advance(3_600_000);
		expect(parseScQuery(await sc(dir, ['query', 'MSSYNC'], clock))).toEqual({ok: true, state: 'STOP_PENDING'});
	});

	it('start-refused: started then stopped at once — net 3534, sc StartService FAILED 1067, the Jet error kept as the event log would', async () => {
		const dir = await faulty('start-refused', 'STOPPED');
		const clock = fakeClock();
		const byNet = await net(dir, ['start', 'MSSYNC'], clock);
		expect(byNet.stderr).toContain('The Directory Service Manager for NetWare service could not be started.');
		expect(parseNetOutput(byNet)).toMatchObject({ok: false, error: {code: 3534}});
		expect((await loadLab(dir)).service).toEqual({state: 'STOPPED', lastError: FAULT_START_ERROR, refusedAt: expect.any(Number) as unknown});
		const bySc = await sc(dir, ['start', 'MSSYNC'], clock);
		expect(bySc).toMatchObject({exitCode: 1067, stdout: '[SC] StartService FAILED 1067:\n\nThe process terminated unexpectedly.\n\n'});
		const query = await sc(dir, ['query', 'MSSYNC'], clock);
		expect(query.stdout).toMatch(/STATE\s+: 1 {2}STOPPED/);
		expect(query.stdout).toMatch(/WIN32_EXIT_CODE\s+: 1067/);
		// The database itself is fine: once the fault is cleared, it starts.
		expect((await runCli(['lab', 'fault', dir, 'clear'])).exitCode).toBe(0);
		expect(parseNetOutput(await net(dir, ['start', 'MSSYNC'], clock))).toEqual({ok: true});
	});

	it('a net start stopped while it waits (its time limit, or dsmn-resync killed) leaves a start that ends as it would have', async () => {
		for (const [fault, ends] of [
			['start-refused', 'STOPPED'],
			[undefined, 'RUNNING'],
		] as const) {
			// A lab whose service takes its time (800 ms) to start.
			const dir = await lab();
			const {fault: _none, ...state} = await loadLab(dir);
			await saveLab(dir, {...state, ...(fault ? {fault} : {}), service: {state: 'STOPPED'}});
			const clock = fakeClock();
			const stopped = {now: clock.now, sleep: () => Promise.reject(new Error('net was stopped while it waited'))};
			await expect(net(dir, ['start', 'MSSYNC'], stopped)).rejects.toThrow('stopped while it waited');
			expect(parseScQuery(await sc(dir, ['query', 'MSSYNC'], clock))).toEqual({ok: true, state: 'START_PENDING'});
			clock.advance(60_000);
			const query = await sc(dir, ['query', 'MSSYNC'], clock);
			expect(parseScQuery(query)).toEqual({ok: true, state: ends});
			expect(query.stdout).toMatch(fault ? /WIN32_EXIT_CODE\s+: 1067/ : /WIN32_EXIT_CODE\s+: 0 /);
		}
	});

	it('lab status says a refused start is starting while it is START_PENDING, and refused, and when, once it has failed', async () => {
		// A lab whose service takes its time (800 ms) to start, and refuses to.
		const dir = await lab();
		const {fault: _none, ...state} = await loadLab(dir);
		await saveLab(dir, {...state, fault: 'start-refused', service: {state: 'STOPPED'}});
		const clock = fakeClock();
		const stopped = {now: clock.now, sleep: () => Promise.reject(new Error('net was stopped while it waited'))};
		await expect(net(dir, ['start', 'MSSYNC'], stopped)).rejects.toThrow('stopped while it waited');
		const during = await labStatus(dir, clock.now());
		expect(during.service).toEqual({name: 'MSSYNC', state: 'START_PENDING'});
		expect(serviceSays(during.service, '—')).toBe('START_PENDING — starting');
		const endsAt = (await loadLab(dir)).service.pendingUntil!;
		const after = await labStatus(dir, endsAt + 1);
		expect(after.service).toEqual({name: 'MSSYNC', state: 'STOPPED', lastError: FAULT_START_ERROR, refusedAt: new Date(endsAt).toISOString()});
		expect(serviceSays(after.service, '--')).toBe(
			`STOPPED -- start refused at ${new Date(endsAt).toISOString().slice(0, 19).replace('T', ' ')} UTC: ${FAULT_START_ERROR}`,
		);
		// Once the lab has saved the failure (the next command settles it), the same.
		await sc(dir, ['query', 'MSSYNC'], {...clock, now: () => endsAt + 1});
		expect((await labStatus(dir, endsAt + 2)).service).toEqual(after.service);
	});

	it('lab status says "last start failed" for a lab made so (--wont-start), which has no time of refusal', () => {
		expect(serviceSays({name: 'MSSYNC', state: 'STOPPED', lastError: '-550 JET_errDatabaseDirtyShutdown'}, '—')).toBe(
			'STOPPED — last start failed: -550 JET_errDatabaseDirtyShutdown',
		);
	});

	it('access-denied: System error 5 from net, OpenService FAILED 5 from sc; querying still works', async () => {
		const dir = await faulty('access-denied');
		const clock = fakeClock();
		for (const verb of ['stop', 'start']) {
			const byNet = await net(dir, [verb, 'MSSYNC'], clock);
			expect(byNet).toMatchObject({exitCode: 2, stderr: 'System error 5 has occurred.\n\nAccess is denied.\n\n'});
			expect(parseNetOutput(byNet)).toMatchObject({ok: false, error: {code: 5, meaning: 'this account may not control services there'}});
			const bySc = await sc(dir, [verb, 'MSSYNC'], clock);
			expect(bySc).toMatchObject({exitCode: 5, stdout: '[SC] OpenService FAILED 5:\n\nAccess is denied.\n\n'});
			expect(parseScQuery(bySc)).toMatchObject({ok: false, error: {code: 5}});
		}
		expect(parseScQuery(await sc(dir, ['query', 'MSSYNC'], clock))).toEqual({ok: true, state: 'RUNNING'});
	});

	it('lab fault sets and clears the fault in the state file, and lab status shows it while active', async () => {
		const dir = await lab(0);
		const set = await runCli(['lab', 'fault', dir, 'access-denied']);
		expect(set.exitCode).toBe(0);
		expect(set.stdout).toContain(`It lasts until: dsmn-resync lab fault ${dir} clear`);
		expect((await loadLab(dir)).fault).toBe('access-denied');
		const status = await runCli(['lab', 'status', dir]);
		expect(status.stdout).toMatch(/Fault staged: access-denied \(this account may query MSSYNC but not control it/);
		expect(JSON.parse((await runCli(['lab', 'status', dir, '--json'])).stdout)).toMatchObject({fault: 'access-denied'});
		expect((await runCli(['lab', 'fault', dir, 'clear'])).stdout).toContain('Fault access-denied cleared');
		expect((await loadLab(dir)).fault).toBeUndefined();
		expect((await runCli(['lab', 'status', dir])).stdout).not.toContain('Fault');
		expect((await runCli(['lab', 'fault', dir, 'clear'])).stdout).toContain('No fault was staged');
	});
});
