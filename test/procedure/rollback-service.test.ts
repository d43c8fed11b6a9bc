/**
 * MSSYNC during a roll back (issue 29, the roll back after a Stop MSSYNC that hangs): a service stuck
 * stopping is waited for and never started while it hangs; a failure says what the roll back did on disk and
 * nothing more; the confirmation's line says the state read now and what the roll back does about it.
 */
import {describe, expect, it} from 'vitest';
import {hintOf} from '../../source/errors/hinted-error.js';
import {MssyncServiceError} from '../../source/procedure/mssync-service.js';
import {putServiceBack, rollbackServiceLine, stopForRollback, stuckStoppingAdvice} from '../../source/procedure/rollback-service.js';
import type {ServiceState} from '../../source/services/service-state.js';
import type {ServiceControl, ServiceControlResult} from '../../source/targets/capabilities.js';

const fast = {serviceTimeoutMs: 500, pollIntervalMs: 5};

/** A service whose state is `states` in turn (the last one stays), every call recorded; `stuck`: the target's own way out. */
function scripted(states: ServiceState[], options: {stuck?: string; start?: ServiceControlResult} = {}) {
	const calls: string[] = [];
	let i = 0;
	const service: ServiceControl = {
		serviceName: 'MSSYNC',
		...(options.stuck ? {stuck: options.stuck} : {}),
		describe: verb => (verb === 'query' ? 'sc query MSSYNC' : `net ${verb} MSSYNC`),
		query: () => {
			calls.push('query');
			const state = states[Math.min(i++, states.length - 1)]!;
			return Promise.resolve({ok: true, state});
		},
		stop: () => (calls.push('stop'), Promise.resolve({ok: true})),
		start: () => (calls.push('start'), Promise.resolve(options.start ?? {ok: true})),
	};
	return {service, calls};
}

async function thrown(promise: Promise<unknown>): Promise<Error> {
	return promise.then(
		() => {
			throw new Error('expected a failure');
		},
		(error: Error) => error,
	);
}

describe('putting MSSYNC back after a roll back', () => {
	it('a service stuck stopping is waited for and never started while it hangs; the failure says nothing was changed on disk, and what to do on a real server', async () => {
		const {service, calls} = scripted(['STOP_PENDING']);
		const error = await thrown(putServiceBack(service, 'RUNNING', fast, {}, 'nothing had been changed on disk'));
		expect(error).toBeInstanceOf(MssyncServiceError);
		expect(error.message).toBe(
			'nothing had been changed on disk, but MSSYNC is still stuck stopping (STOP_PENDING) after 1 s: it cannot be started again until it has stopped',
		);
		expect(error.message).not.toMatch(/files are back|would not start/);
		expect(hintOf(error)).toBe('wait for MSSYNC to finish stopping (sc query MSSYNC says STOPPED); if it never does, restart the PDC');
		expect(calls).not.toContain('start');
		expect(calls).not.toContain('stop');
	});

	it("on the practice lab, the advice is the lab's own way out of the hang", async () => {
		const stuck = "clear the practice lab's stop-hangs fault (dsmn-resync lab fault /lab clear)";
		const {service} = scripted(['STOP_PENDING'], {stuck});
		expect(hintOf(await thrown(putServiceBack(service, 'RUNNING', fast, {}, 'nothing had been changed on disk')))).toBe(stuck);
	});

	it('once the stop has finished, it starts MSSYNC again, as the run found it, and the roll back can end', async () => {
		const {service, calls} = scripted(['STOP_PENDING', 'STOP_PENDING', 'STOPPED', 'STOPPED', 'RUNNING']);
		const polled: string[] = [];
		expect(await putServiceBack(service, 'RUNNING', fast, {onPoll: state => polled.push(state)}, 'nothing had been changed on disk')).toBe(
			'MSSYNC running again, as it was found',
		);
		// Started only once it was STOPPED, then polled to RUNNING.
		expect(calls).toEqual(['query', 'query', 'query', 'start', 'query', 'query']);
		expect(polled).toContain('STOPPED');
		expect(polled.at(-1)).toBe('RUNNING');
	});

	it('a service found stopped and stuck stopping is left stopped once the stop finished', async () => {
		const {service, calls} = scripted(['STOP_PENDING', 'STOPPED']);
		expect(await putServiceBack(service, 'STOPPED', fast, {}, 'the original files are back in SYNCAGNT')).toBe(
			'MSSYNC stopped, as it was found (it finished stopping during the roll back)',
		);
		expect(calls).not.toContain('start');
	});

	it('a refused start says what the roll back did on disk: nothing, or the files back', async () => {
		const refused = {ok: false as const, error: {code: 3534, meaning: 'the service started and then stopped at once', advice: 'look in Event Viewer'}};
		const none = await thrown(putServiceBack(scripted(['STOPPED'], {start: refused}).service, 'RUNNING', fast, {}, 'nothing had been changed on disk'));
		expect(none.message).toBe('nothing had been changed on disk, but MSSYNC would not start again: the service started and then stopped at once');
		const back = await thrown(putServiceBack(scripted(['STOPPED'], {start: refused}).service, 'RUNNING', fast, {}, 'the original files are back in SYNCAGNT'));
		expect(back.message).toMatch(/^the original files are back in SYNCAGNT, but MSSYNC would not start again/);
	});
});

describe('stopping MSSYNC before a roll back moves files', () => {
	it('a stop still pending is waited for, not asked again; if it hangs, no file was moved and the advice is to wait', async () => {
		const {service, calls} = scripted(['STOP_PENDING']);
		const error = await thrown(stopForRollback(service, fast, {}));
		expect(error.message).toBe(
			'MSSYNC is still stuck stopping (STOP_PENDING) after 1 s, and the files can be moved only once it has stopped, so no file was moved',
		);
		expect(hintOf(error)).toBe('wait for MSSYNC to finish stopping (sc query MSSYNC says STOPPED)');
		expect(calls).not.toContain('stop');
	});

	it('a running service is stopped and waited for', async () => {
		const {service, calls} = scripted(['RUNNING', 'STOP_PENDING', 'STOPPED']);
		await stopForRollback(service, fast, {});
		expect(calls).toEqual(['query', 'stop', 'query', 'query']);
	});

	it('the advice on a real server names no restart when files may be moved', () => {
		const {service} = scripted(['STOP_PENDING']);
		expect(stuckStoppingAdvice(service, false)).not.toMatch(/restart/);
		expect(stuckStoppingAdvice(service, true)).toMatch(/restart the PDC/);
	});
});

describe("the confirmation's line about MSSYNC: the state now and what the roll back does", () => {
	it('stuck stopping, nothing to move: waits, then starts it; on the lab, what ends the hang', () => {
		expect(rollbackServiceLine('RUNNING', 'STOP_PENDING', false, 8)).toBe(
			'MSSYNC is stuck stopping (STOP_PENDING): the roll back waits up to 8 s for it to stop, then starts it again, as the run found it.',
		);
		expect(rollbackServiceLine('RUNNING', 'STOP_PENDING', true, 8, "clear the practice lab's stop-hangs fault")).toBe(
			"MSSYNC is stuck stopping (STOP_PENDING): the roll back waits up to 8 s for it to stop before it moves any file, then starts it again, as the run found it. It will not stop until you clear the practice lab's stop-hangs fault.",
		);
	});

	it('stopped, or running: what the roll back does about it, never "stops MSSYNC if it runs"', () => {
		expect(rollbackServiceLine('RUNNING', 'STOPPED', true, 8)).toBe(
			'MSSYNC is stopped; the run found it running, so the roll back starts it again once the files are back.',
		);
		expect(rollbackServiceLine('STOPPED', 'STOPPED', true, 8)).toBe('MSSYNC is stopped, as the run found it: the roll back leaves it stopped.');
		expect(rollbackServiceLine('RUNNING', 'RUNNING', true, 8)).toBe(
			'MSSYNC is running: the roll back stops it before it moves any file, then starts it again, as the run found it.',
		);
		expect(rollbackServiceLine('RUNNING', 'RUNNING', false, 8)).toBe('MSSYNC is running, as the run found it: the roll back leaves it so.');
		// Starting is not how the run found it (running): the roll back waits for it to run (issue 29).
		expect(rollbackServiceLine('RUNNING', 'START_PENDING', false, 8)).toBe(
			'MSSYNC is starting (START_PENDING); the run found it running, so the roll back waits for it to run.',
		);
		// Its state when the run began not known: never "as the run found it"; putServiceBack starts nothing (issue 29).
		expect(rollbackServiceLine('UNKNOWN', 'STOPPED', false, 8)).toBe(
			'MSSYNC is stopped; its state when the run began is not known, so the roll back leaves it stopped.',
		);
		expect(rollbackServiceLine('UNKNOWN', 'RUNNING', true, 8)).toBe(
			'MSSYNC is running: the roll back stops it before it moves any file, and leaves it stopped: its state when the run began is not known.',
		);
		expect(rollbackServiceLine('UNKNOWN', 'RUNNING', false, 8)).toBe(
			'MSSYNC is running; its state when the run began is not known, so the roll back leaves it so.',
		);
		expect(rollbackServiceLine('UNKNOWN', undefined, false, 8)).toBe(
			"MSSYNC's state could not be read now, and its state when the run began is not known: the roll back leaves it as it is.",
		);
		expect(rollbackServiceLine('RUNNING', undefined, false, 8)).toBe(
			"MSSYNC's state could not be read now: the roll back leaves it running, as the run found it.",
		);
	});
});
