/**
 * MSSYNC during a roll back (ARCHITECTURE.md, "The run and its journal"): the stop before any file is moved,
 * and "as it was found" after. Each is said from the state read now and from what the roll back did on disk:
 * a roll back that moved nothing never says "the files are back", and a service stuck stopping
 * (STOP_PENDING) is waited for, never started or stopped again while it hangs.
 */
import type {RunStarted} from '../journal/entries.js';
import type {ServiceControl} from '../targets/capabilities.js';
import {serviceFailure} from '../services/service-messages.js';
import type {ServiceState} from '../services/service-state.js';
import {waitForState} from '../targets/wait-for-state.js';
import {ALREADY_RUNNING, MssyncServiceError, queryFailed, STOP_UNDER_WAY, stuckStoppingAdvice, type RunTimings} from './mssync-service.js';
import type {RunHooks} from './procedure-run.js';

/** The roll back's advice for a stop that hangs is Stop MSSYNC's (mssync-service.ts). */
export {stuckStoppingAdvice};

const secondsOf = (timings: RunTimings) => Math.round(timings.serviceTimeoutMs / 1000);

/** A state as said in a sentence: "stuck stopping (STOP_PENDING)", "stopped", "running". */
export function spokenState(state: string): string {
	if (state === 'STOP_PENDING') return 'stuck stopping (STOP_PENDING)';
	if (state === 'START_PENDING') return 'starting (START_PENDING)';
	return state.toLowerCase().replace(/_/g, ' ');
}

/** Polls until MSSYNC is `wanted`, within the run's time limit. */
function waitFor(service: ServiceControl, wanted: ServiceState, timings: RunTimings, hooks: RunHooks) {
	return waitForState(service, wanted, {
		timeoutMs: timings.serviceTimeoutMs,
		intervalMs: timings.pollIntervalMs,
		onCommand: hooks.onCommand,
		onPoll: hooks.onPoll,
	});
}

/**
 * A roll back touches the database only with MSSYNC stopped: stopped now, or an error saying why it cannot go
 * on yet. Nothing has been moved by this roll back when it throws. A stop already under way (STOP_PENDING) is
 * waited for, not asked again.
 */
export async function stopForRollback(service: ServiceControl, timings: RunTimings, hooks: RunHooks): Promise<void> {
	const now = await service.query({onCommand: hooks.onCommand});
	if (!now.ok) throw new MssyncServiceError(`${queryFailed(service, now.error)}, so no file was moved`, now.error.advice);
	if (now.state === 'STOPPED') return;
	if (now.state !== 'STOP_PENDING') {
		const stop = await service.stop({onCommand: hooks.onCommand});
		if (!stop.ok && !STOP_UNDER_WAY.includes(stop.error.code))
			throw new MssyncServiceError(`MSSYNC would not stop (${serviceFailure(stop.error)}), so no file was moved`, stop.error.advice);
	}
	const waited = await waitFor(service, 'STOPPED', timings, hooks);
	if (waited.ok) return;
	if (waited.reason === 'error') throw new MssyncServiceError(`${queryFailed(service, waited.error)}, so no file was moved`, waited.error.advice);
	if (waited.state === 'STOP_PENDING')
		throw new MssyncServiceError(
			`MSSYNC is still stuck stopping (STOP_PENDING) after ${secondsOf(timings)} s, and the files can be moved only once it has stopped, so no file was moved`,
			stuckStoppingAdvice(service, false),
		);
	throw new MssyncServiceError(
		`MSSYNC did not stop within ${secondsOf(timings)} s (it is ${waited.state ?? 'in an unknown state'}), so no file was moved`,
		`stop MSSYNC (${service.describe('stop')}) and check that ${service.describe('query')} says STOPPED`,
	);
}

/**
 * MSSYNC as the journal found it before the run: started again if it ran, left stopped if it was stopped.
 * `disk` says what the roll back left on disk ("the original files are back in SYNCAGNT", "nothing had been
 * changed on disk"), so that a failure here says only what is true.
 */
export async function putServiceBack(
	service: ServiceControl,
	before: RunStarted['serviceBefore'],
	timings: RunTimings,
	hooks: RunHooks,
	disk: string,
	/** A refusal staged on purpose (the lab's start-refused fault), as what to do: said instead of the refusal's general advice. */
	onPurpose?: () => Promise<string | undefined>,
): Promise<string> {
	let now = await service.query({onCommand: hooks.onCommand});
	if (now.ok && now.state === before) return `MSSYNC ${before === 'RUNNING' ? 'running' : 'stopped'}, as it was found`;
	if (!now.ok) throw new Error(`${disk}, but ${queryFailed(service, now.error)}: it was ${before} when the run began`);
	// Stuck stopping (the run's Stop MSSYNC hung): it cannot be started until it has stopped, so it is waited for.
	if (now.state === 'STOP_PENDING') {
		const waited = await waitFor(service, 'STOPPED', timings, hooks);
		if (!waited.ok && waited.reason === 'error') throw new MssyncServiceError(`${disk}, but ${queryFailed(service, waited.error)}`, waited.error.advice);
		if (!waited.ok)
			throw new MssyncServiceError(
				`${disk}, but MSSYNC is still stuck stopping (STOP_PENDING) after ${secondsOf(timings)} s: it cannot be started again until it has stopped`,
				stuckStoppingAdvice(service, true),
			);
		now = {ok: true, state: 'STOPPED'};
		if (before === 'STOPPED') return 'MSSYNC stopped, as it was found (it finished stopping during the roll back)';
	}
	if (before === 'STOPPED')
		throw new Error(`${disk}, but MSSYNC is ${now.state}; it was STOPPED when the run began (someone started it meanwhile): stop it, then roll back again`);
	if (before !== 'RUNNING') return `MSSYNC is ${now.state}; its state when the run began is not known (${before})`;
	if (now.state !== 'START_PENDING') {
		const start = await service.start({onCommand: hooks.onCommand});
		if (!start.ok && !ALREADY_RUNNING.includes(start.error.code))
			throw new MssyncServiceError(
				`${disk}, but MSSYNC would not start again: ${serviceFailure(start.error)}`,
				(await onPurpose?.().catch(() => undefined)) ?? start.error.advice,
			);
	}
	const waited = await waitFor(service, 'RUNNING', timings, hooks);
	if (!waited.ok)
		throw new MssyncServiceError(
			`${disk}, but MSSYNC did not reach RUNNING (${waited.reason === 'timeout' ? `still ${waited.state}` : serviceFailure(waited.error)})`,
			`look in Event Viewer's Application log for Jet errors, then start MSSYNC by hand (${service.describe('start')})`,
		);
	return 'MSSYNC running again, as it was found';
}

/**
 * What the roll back's confirmation says of MSSYNC: the state read now (`now`; undefined when it could not be
 * read), and what the roll back will do about it, as `stopForRollback` and `putServiceBack` do it. `movesFiles`:
 * the roll back has files to move, so MSSYNC must be stopped first. `seconds`: the run's time limit.
 */
export function rollbackServiceLine(
	before: RunStarted['serviceBefore'],
	now: string | undefined,
	movesFiles: boolean,
	seconds: number,
	/** What ends a stop that hangs on this target, where it has its own way (the practice lab's fault). */
	stuck?: string,
): string {
	const found = before === 'RUNNING' ? 'running' : 'stopped';
	// A state not read when the run began (UNKNOWN) is left as the roll back finds it: putServiceBack starts nothing.
	const known = before === 'RUNNING' || before === 'STOPPED';
	const putBack =
		before === 'RUNNING'
			? 'then starts it again, as the run found it'
			: known
				? 'and leaves it stopped, as the run found it'
				: 'and leaves it stopped: its state when the run began is not known';
	if (now === undefined)
		return movesFiles
			? `MSSYNC's state could not be read now: the roll back stops it first if it runs, ${putBack}.`
			: known
				? `MSSYNC's state could not be read now: the roll back leaves it ${found}, as the run found it.`
				: "MSSYNC's state could not be read now, and its state when the run began is not known: the roll back leaves it as it is.";
	if (now === 'STOP_PENDING') {
		// The lab's hang never ends by itself: said before the admin confirms, with its way out.
		const first = stuck ? ` It will not stop until you ${stuck}.` : '';
		return `MSSYNC is stuck stopping (STOP_PENDING): the roll back waits up to ${seconds} s for it to stop${movesFiles ? ' before it moves any file' : ''}, ${putBack}.${first}`;
	}
	if (now === 'STOPPED') {
		if (!known) return 'MSSYNC is stopped; its state when the run began is not known, so the roll back leaves it stopped.';
		if (before !== 'RUNNING') return 'MSSYNC is stopped, as the run found it: the roll back leaves it stopped.';
		return `MSSYNC is stopped; the run found it running, so the roll back starts it again${movesFiles ? ' once the files are back' : ''}.`;
	}
	// Running (or on its way there): stopped first only when there are files to move.
	if (movesFiles) return `MSSYNC is ${spokenState(now)}: the roll back stops it before it moves any file, ${putBack}.`;
	if (before === 'RUNNING' && now === 'RUNNING') return 'MSSYNC is running, as the run found it: the roll back leaves it so.';
	// On its way to running (START_PENDING): putServiceBack waits for it; any other state is started.
	if (before === 'RUNNING')
		return `MSSYNC is ${spokenState(now)}; the run found it running, so the roll back ${now === 'START_PENDING' ? 'waits for it to run' : 'starts it again'}.`;
	if (!known) return `MSSYNC is ${spokenState(now)}; its state when the run began is not known, so the roll back leaves it so.`;
	return `MSSYNC is ${spokenState(now)}, though the run found it stopped: stop it before the roll back, or the roll back ends asking you to.`;
}
