/** The preflight checks NwcWorkstation, which MSSYNC depends on (KB Q154706), where the target can query it. */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {loadLab, saveLab} from '../../source/lab/state.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {preflight} from '../../source/targets/preflight.js';
import {tempDir} from '../helpers/run-cli.js';

async function lab() {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 1, accounts: 5});
	return dir;
}

describe('preflight: Gateway Service for NetWare', () => {
	it('running: a passing check that names it', async () => {
		const checks = await preflight(labTarget(await lab()));
		expect(checks.find(c => c.name === 'gateway')).toMatchObject({ok: true, detail: expect.stringMatching(/NwcWorkstation .* answers: RUNNING/)});
	});

	it('stopped (lab fault gateway-stopped): refused before anything changes, saying System error 1068 and what to start', async () => {
		const dir = await lab();
		await saveLab(dir, {...(await loadLab(dir)), fault: 'gateway-stopped'});
		const check = (await preflight(labTarget(dir))).find(c => c.name === 'gateway');
		expect(check).toMatchObject({ok: false, detail: expect.stringMatching(/is STOPPED: MSSYNC, which depends on it, cannot start \(System error 1068\)/)});
		expect(check!.fix).toMatch(/net start NwcWorkstation/);
	});
});
