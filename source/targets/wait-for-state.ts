import {setTimeout as sleep} from 'node:timers/promises';
import type {ControlOptions, ServiceControl} from './capabilities.js';
import type {ServiceCommandError} from '../services/service-messages.js';
import type {ServiceState} from '../services/service-state.js';

export type WaitResult =
	| {ok: true; state: ServiceState; waitedMs: number}
	| {ok: false; reason: 'timeout'; state: ServiceState | undefined; waitedMs: number}
	| {ok: false; reason: 'error'; error: ServiceCommandError; waitedMs: number};

export type WaitOptions = ControlOptions & {
	timeoutMs: number;
	intervalMs?: number;
	onPoll?: ((state: ServiceState) => void) | undefined;
	now?: () => number;
	delay?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

/** Polls the service until it reaches `wanted` (a final state), an error, or the timeout. */
export async function waitForState(service: ServiceControl, wanted: ServiceState, options: WaitOptions): Promise<WaitResult> {
	const now = options.now ?? Date.now;
	const delay = options.delay ?? ((ms, signal) => sleep(ms, undefined, {signal}));
	const started = now();
	let last: ServiceState | undefined;
	for (;;) {
		const result = await service.query(options);
		const waitedMs = now() - started;
		if (!result.ok) return {ok: false, reason: 'error', error: result.error, waitedMs};
		last = result.state;
		options.onPoll?.(last);
		if (last === wanted) return {ok: true, state: last, waitedMs};
		if (waitedMs >= options.timeoutMs) return {ok: false, reason: 'timeout', state: last, waitedMs};
		await delay(options.intervalMs ?? 500, options.signal);
	}
}
