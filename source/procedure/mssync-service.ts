/**
 * MSSYNC stopped and started as a restore needs it: the steps "Stop MSSYNC" and "Start MSSYNC", the check
 * that it is still stopped before the database is touched (the roll back's stop and its "as it was found":
 * `rollback-service.ts`). An answer of net or sc is never taken alone: polling the service's state confirms it, within
 * the run's time limit. ARCHITECTURE.md, "The run and its journal".
 */
import {HintedError} from '../errors/hinted-error.js';
import type {ServiceControl} from '../targets/capabilities.js';
import type {ServiceState} from '../services/service-state.js';
import {errorNumber, serviceFailure, type ServiceCommandError} from '../services/service-messages.js';
import {waitForState} from '../targets/wait-for-state.js';
import type {RunHooks, StepOutcome} from './procedure-run.js';

/** MSSYNC would not do what a roll back needs of it: the roll back stops there and can be run again. */
export class MssyncServiceError extends HintedError {}

/**
 * Stop answers that mean "it is stopped, or on its way": net's 3521/2189/3528, 2184 (said after a stop that
 * succeeded, services/service-messages.ts) and 2186 (no answer in time), sc's 1062/1061. Polling says which.
 */
export const STOP_UNDER_WAY = [3521, 2184, 2186, 2189, 3528, 1062, 1061];
/** Start answers that mean "it already runs": net's 2182, sc's 1056. */
export const ALREADY_RUNNING = [2182, 1056];

export type RunTimings = {serviceTimeoutMs: number; pollIntervalMs: number};
/** How long MSSYNC may take to stop or start: 90 s, or DSMN_RESYNC_SERVICE_TIMEOUT seconds for a slow server. */
export function defaultTimings(env: NodeJS.ProcessEnv = process.env): RunTimings {
	const seconds = Number(env['DSMN_RESYNC_SERVICE_TIMEOUT']);
	return {serviceTimeoutMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 90_000, pollIntervalMs: 250};
}

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

/** The step "Stop MSSYNC": stopped, or on its way and confirmed by polling; already stopped is done. `canRollback`: the run has a roll back. */
export async function stopService(service: ServiceControl, timings: RunTimings, hooks: RunHooks, canRollback = true): Promise<StepOutcome> {
	const began = Date.now();
	const now = await service.query({onCommand: hooks.onCommand});
	if (now.ok && now.state === 'STOPPED') return {status: 'done', summary: 'MSSYNC was already stopped'};
	if (!now.ok) return {status: 'failed', message: `cannot query MSSYNC: ${serviceFailure(now.error)}`, advice: now.error.advice};
	if (now.state === 'RUNNING' || now.state === 'PAUSED') {
		const stop = await service.stop({onCommand: hooks.onCommand});
		// 3521 already stopped; 2189 and 3528: it is on its way (or stuck): polling says which, within the timeout.
		if (!stop.ok && !STOP_UNDER_WAY.includes(stop.error.code)) {
			return {
				status: 'failed',
				message: `${service.describe('stop')} failed: ${serviceFailure(stop.error)}${errorNumber(stop.error)}`,
				advice: stop.error.advice,
			};
		}
	}
	const waited = await waitForState(service, 'STOPPED', {
		timeoutMs: timings.serviceTimeoutMs,
		intervalMs: timings.pollIntervalMs,
		onCommand: hooks.onCommand,
		onPoll: hooks.onPoll,
	});
	if (waited.ok) return {status: 'done', summary: `MSSYNC stopped after ${seconds(Date.now() - began)} (confirmed by ${service.describe('query')})`};
	if (waited.reason === 'timeout') return stopTimedOut(service, waited.state, Math.round(timings.serviceTimeoutMs / 1000), canRollback);
	return {status: 'failed', message: `cannot query MSSYNC: ${serviceFailure(waited.error)}`, advice: waited.error.advice};
}

/** The query's answer for a stopped service, in its own words: sc's STOPPED, or Samba net's "MSSYNC service is stopped". */
export function saysStopped(service: ServiceControl): string {
	return `${service.describe('query')} says ${service.stoppedWords ?? 'STOPPED'}`;
}

/**
 * What to do about MSSYNC stuck in STOP_PENDING: the target's own way where it has one (the practice lab's
 * fault), else what is certain on any NT server: it ends when the service finishes stopping, or with a
 * restart of the server (`restart`: said only where nothing of the restore is left for MSSYNC to start on).
 */
export function stuckStoppingAdvice(service: ServiceControl, restart: boolean): string {
	if (service.stuck) return service.stuck;
	const wait = `wait for MSSYNC to finish stopping (${saysStopped(service)})`;
	return restart ? `${wait}; if it never does, restart the PDC` : wait;
}

/**
 * What ends a stop that hangs, before any file is moved (Stop MSSYNC's failure and its `?`): the target's own
 * way (the lab's), else waiting or a restart: a service already stopping is not stopped again from Control Panel.
 */
export function stopPendingWayOut(service: ServiceControl): string {
	if (service.stuck) return service.stuck;
	return `wait for MSSYNC to finish stopping (${saysStopped(service)}): Control Panel's Stop cannot end a stop already under way; if it never does, restart the PDC`;
}

/**
 * What comes after Stop MSSYNC's failure: no file was moved, so retrying is all there is, or a roll back where
 * the run has one (a repair has none), which only puts MSSYNC back.
 */
export function afterStopFailed(canRollback: boolean): string {
	return canRollback
		? 'retry this step, or roll back (no file was moved: a roll back only puts MSSYNC back as the run found it)'
		: 'retry this step (no file was moved)';
}

/**
 * Stop MSSYNC's failure at the time limit, said from the state found then: still stopping (STOP_PENDING: its
 * way out), or not stopping at all (the stop was refused or ignored: stopped by hand, to see why).
 */
function stopTimedOut(
	service: ServiceControl,
	state: ServiceState | undefined,
	seconds: number,
	canRollback: boolean,
): Extract<StepOutcome, {status: 'failed'}> {
	const within = `MSSYNC did not stop within ${seconds} s`;
	if (state === 'STOP_PENDING')
		return {
			status: 'failed',
			message: `${within}: it is still STOP_PENDING (its stop began and has not finished)`,
			advice: `${stopPendingWayOut(service)}, then ${afterStopFailed(canRollback)}`,
		};
	const ignored = state === 'RUNNING' || state === 'PAUSED';
	return {
		status: 'failed',
		message: `${within}: it is still ${state ?? 'in an unknown state'}${ignored ? ', so the stop was refused or ignored' : ''}`,
		advice: `stop it yourself on the PDC (Control Panel ▸ Services ▸ MSSYNC ▸ Stop, or ${service.describe('stop')}) to see why it does not stop, and look in the Event Viewer's System log; once ${saysStopped(service)}, ${afterStopFailed(canRollback)}`,
	};
}

/** A failed query as what it is: the command's own words and error number, never a guess at the state. */
export function queryFailed(service: ServiceControl, error: ServiceCommandError): string {
	return `${service.describe('query')} failed: ${serviceFailure(error)}${errorNumber(error)}; MSSYNC's state is not known`;
}

/**
 * Before the database is touched (each step that changes files, and each rename into SYNCAGNT): MSSYNC
 * still stopped (undefined), or the refusal, at that safe point. A failed query is said as such.
 */
export async function requireStopped(service: ServiceControl, hooks: RunHooks): Promise<Extract<StepOutcome, {status: 'failed'}> | undefined> {
	const now = await service.query({onCommand: hooks.onCommand});
	if (now.ok && now.state === 'STOPPED') return undefined;
	if (!now.ok) {
		return {
			status: 'failed',
			message: `${queryFailed(service, now.error)}, so nothing more was changed`,
			advice: `${now.error.advice}; then retry (the step goes on from where it stopped), or roll back`,
		};
	}
	return {
		status: 'failed',
		message: `MSSYNC is ${now.state} (${service.describe('query')}): someone or something started it after it was stopped, and the database must not be touched while it runs: the step stopped here and nothing more was changed`,
		advice: `find out who or what started it (DSMN must stay stopped until the database is in place), stop it (${service.describe('stop')}), then retry: the step goes on from where it stopped; or roll back`,
	};
}

/**
 * The step "Start MSSYNC": running, confirmed by polling; already running is done. `onPurpose`: a start the
 * target refuses on purpose (the practice lab's fault: ARCHITECTURE.md, "The lab"), whose advice replaces the service's.
 */
export async function startService(
	service: ServiceControl,
	timings: RunTimings,
	hooks: RunHooks,
	onPurpose?: () => Promise<string | undefined>,
): Promise<StepOutcome> {
	const purpose = async (advice: string) => {
		const staged = await onPurpose?.().catch(() => undefined);
		return staged === undefined ? advice : `${staged}, then retry, or roll back`;
	};
	const began = Date.now();
	const now = await service.query({onCommand: hooks.onCommand});
	if (now.ok && now.state === 'RUNNING') return {status: 'done', summary: 'MSSYNC was already running'};
	const start = await service.start({onCommand: hooks.onCommand});
	if (!start.ok && !ALREADY_RUNNING.includes(start.error.code)) {
		const command = service.describe('start');
		return {
			status: 'failed',
			message: `${command} failed: ${serviceFailure(start.error)}${errorNumber(start.error, command.startsWith('net start') ? 'NET HELPMSG' : 'error')}`,
			advice: await purpose(start.error.advice),
		};
	}
	const waited = await waitForState(service, 'RUNNING', {
		timeoutMs: timings.serviceTimeoutMs,
		intervalMs: timings.pollIntervalMs,
		onCommand: hooks.onCommand,
		onPoll: hooks.onPoll,
	});
	if (waited.ok) return {status: 'done', summary: `MSSYNC is running after ${seconds(Date.now() - began)} (confirmed by ${service.describe('query')})`};
	if (waited.reason === 'timeout') {
		return {
			status: 'failed',
			message: `MSSYNC did not reach RUNNING within ${Math.round(timings.serviceTimeoutMs / 1000)} s (it is ${waited.state})`,
			advice: await purpose("look in Event Viewer's Application log for Jet errors; retry, or roll back"),
		};
	}
	return {status: 'failed', message: `cannot query MSSYNC: ${serviceFailure(waited.error)}`, advice: waited.error.advice};
}
