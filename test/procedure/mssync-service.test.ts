/**
 * Stop MSSYNC's failure at the time limit (issue 29): said from the state found then, for each target. A
 * service stuck stopping (STOP_PENDING) is not ended from Control Panel (its stop is already under way): it is
 * waited for, or the PDC restarted, or, in the lab, its fault cleared; one still running refused or ignored
 * the stop. Either way no file was moved, and the advice says so and what comes next.
 */
import {describe, expect, it} from 'vitest';
import {stopService} from '../../source/procedure/mssync-service.js';
import type {ServiceState} from '../../source/services/service-state.js';
import type {ServiceControl} from '../../source/targets/capabilities.js';

const fast = {serviceTimeoutMs: 60, pollIntervalMs: 5};

/** MSSYNC that answers every stop and then stays `stays`; described as `how` describes it. */
function service(stays: ServiceState, how: Pick<ServiceControl, 'describe'> & Partial<Pick<ServiceControl, 'stuck' | 'stoppedWords'>>): ServiceControl {
	let state: ServiceState = 'RUNNING';
	return {
		serviceName: 'MSSYNC',
		...how,
		query: () => Promise.resolve({ok: true, state}),
		stop: () => ((state = stays), Promise.resolve({ok: true})),
		start: () => Promise.resolve({ok: true}),
	};
}

const windows = {describe: (verb: string) => (verb === 'query' ? 'sc query MSSYNC' : `net ${verb} MSSYNC`)};
const samba = {
	describe: (verb: string) => `net rpc service ${verb === 'query' ? 'status' : verb} MSSYNC -S NTPDC1`,
	stoppedWords: '"MSSYNC service is stopped"',
};
const lab = {...windows, stuck: "clear the practice lab's stop-hangs fault (what a restart of the PDC would do) with dsmn-resync lab fault /lab clear"};

describe('Stop MSSYNC that does not stop within the time limit', () => {
	it('stuck stopping on a real PDC: wait for it (Control Panel cannot end a stop under way) or restart the PDC, then retry or roll back', async () => {
		const outcome = await stopService(service('STOP_PENDING', windows), fast, {});
		expect(outcome).toEqual({
			status: 'failed',
			message: 'MSSYNC did not stop within 0 s: it is still STOP_PENDING (its stop began and has not finished)',
			advice:
				"wait for MSSYNC to finish stopping (sc query MSSYNC says STOPPED): Control Panel's Stop cannot end a stop already under way; if it never does, restart the PDC, then retry this step, or roll back (no file was moved: a roll back only puts MSSYNC back as the run found it)",
		});
		expect(outcome.status === 'failed' && outcome.advice).not.toMatch(/stop it from Control Panel/);
	});

	it("stuck stopping on a remote server reached with Samba's net: its status's own words for stopped", async () => {
		const outcome = await stopService(service('STOP_PENDING', samba), fast, {});
		expect(outcome).toMatchObject({
			advice: expect.stringMatching(
				/^wait for MSSYNC to finish stopping \(net rpc service status MSSYNC -S NTPDC1 says "MSSYNC service is stopped"\): Control Panel's Stop cannot end a stop already under way; if it never does, restart the PDC, then retry this step/,
			),
		});
	});

	it("stuck stopping in the practice lab: its fault's clear command, then retry or roll back", async () => {
		const outcome = await stopService(service('STOP_PENDING', lab), fast, {});
		expect(outcome).toMatchObject({
			advice: `${lab.stuck}, then retry this step, or roll back (no file was moved: a roll back only puts MSSYNC back as the run found it)`,
		});
	});

	it('still running: the stop was refused or ignored; stop it by hand to see why, then retry once it is stopped', async () => {
		const outcome = await stopService(service('RUNNING', windows), fast, {});
		expect(outcome).toEqual({
			status: 'failed',
			message: 'MSSYNC did not stop within 0 s: it is still RUNNING, so the stop was refused or ignored',
			advice:
				"stop it yourself on the PDC (Control Panel ▸ Services ▸ MSSYNC ▸ Stop, or net stop MSSYNC) to see why it does not stop, and look in the Event Viewer's System log; once sc query MSSYNC says STOPPED, retry this step, or roll back (no file was moved: a roll back only puts MSSYNC back as the run found it)",
		});
		expect(outcome.status === 'failed' && outcome.advice).not.toMatch(/STOP_PENDING/);
		const remote = await stopService(service('RUNNING', samba), fast, {});
		expect(remote).toMatchObject({
			advice: expect.stringContaining(
				'or net rpc service stop MSSYNC -S NTPDC1) to see why it does not stop, and look in the Event Viewer\'s System log; once net rpc service status MSSYNC -S NTPDC1 says "MSSYNC service is stopped", retry',
			),
		});
	});

	it('in a run without a roll back (the repair), the advice offers none', async () => {
		const outcome = await stopService(service('STOP_PENDING', windows), fast, {}, false);
		expect(outcome).toMatchObject({advice: expect.stringMatching(/restart the PDC, then retry this step \(no file was moved\)$/)});
		expect(outcome.status === 'failed' && outcome.advice).not.toMatch(/roll back/);
	});
});
