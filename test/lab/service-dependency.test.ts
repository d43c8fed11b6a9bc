/** MSSYNC depends on NwcWorkstation (KB Q154706), and net can say 2184 after a stop that worked (KB Q171882): the lab reproduces both. */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {net, sc} from '../../source/lab/stand-in.js';
import {loadLab, saveLab} from '../../source/lab/state.js';
import {stopService} from '../../source/procedure/mssync-service.js';
import {parseNetOutput, parseScQuery} from '../../source/services/parse-service-output.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {tempDir} from '../helpers/run-cli.js';

function fakeClock() {
	let now = 1_000_000;
	return {now: () => now, sleep: async (ms: number) => void (now += ms)};
}

async function labWith(fault: 'gateway-stopped' | 'stop-says-2184', running: boolean) {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0});
	const state = await loadLab(dir);
	await saveLab(dir, {...state, fault, service: {state: running ? 'RUNNING' : 'STOPPED'}});
	return dir;
}

describe('Gateway Service for NetWare stopped (lab fault gateway-stopped)', () => {
	it('net start MSSYNC fails with System error 1068, and the explanation names NwcWorkstation and Q154706', async () => {
		const dir = await labWith('gateway-stopped', false);
		const start = await net(dir, ['start', 'MSSYNC'], fakeClock());
		expect(start.stderr).toContain('System error 1068 has occurred.');
		const parsed = parseNetOutput(start);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.error.code).toBe(1068);
		expect(parsed.error.meaning).toMatch(/MSSYNC depends on NwcWorkstation, Gateway Service for NetWare \(KB Q154706\)/);
		expect(parsed.error.advice).toMatch(/net start NwcWorkstation/);
	});

	it('sc start fails with 1068; sc query NwcWorkstation shows it STOPPED until net start NwcWorkstation', async () => {
		const dir = await labWith('gateway-stopped', false);
		const clock = fakeClock();
		expect((await sc(dir, ['start', 'MSSYNC'], clock)).stdout).toMatch(/StartService FAILED 1068/);
		expect(parseScQuery(await sc(dir, ['query', 'NwcWorkstation'], clock))).toEqual({ok: true, state: 'STOPPED'});
		expect((await net(dir, ['start', 'NwcWorkstation'], clock)).exitCode).toBe(0);
		expect(parseScQuery(await sc(dir, ['query', 'NwcWorkstation'], clock))).toEqual({ok: true, state: 'RUNNING'});
		expect((await loadLab(dir)).fault).toBeUndefined();
	});
});

describe('a stop that worked, answered with NET HELPMSG 2184 (lab fault stop-says-2184)', () => {
	it('net says 2184 and MSSYNC is STOPPED', async () => {
		const dir = await labWith('stop-says-2184', true);
		const clock = fakeClock();
		const stop = await net(dir, ['stop', 'MSSYNC'], clock);
		expect(stop.stderr).toMatch(/The service has not been started\.[\s\S]*NET HELPMSG 2184/);
		expect(parseScQuery(await sc(dir, ['query', 'MSSYNC'], clock))).toEqual({ok: true, state: 'STOPPED'});
	});

	it('the step "Stop MSSYNC" queries the state and is done, instead of failing on 2184', async () => {
		const dir = await labWith('stop-says-2184', true);
		const outcome = await stopService(labTarget(dir).service, {serviceTimeoutMs: 10_000, pollIntervalMs: 20}, {});
		expect(outcome).toMatchObject({status: 'done'});
	});
});
