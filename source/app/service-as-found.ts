/**
 * Where a run stops (left, interrupted, failed), MSSYNC may not be as the run found it: a restore stopped
 * it, so DSMN stays down (ARCHITECTURE.md, "Use cases"). Both front ends say so, with how to bring it back.
 */
import {spokenState as spoken} from '../procedure/rollback-service.js';
import type {OpenedRun} from './unfinished-run.js';

/** How a front end says to bring MSSYNC back to `found`, the state the run found, from `now`, the state read now. */
export type BringBack = (found: string, now: string) => string;

/**
 * MSSYNC as a run leaves it, when that is not as the run found it: its state, what that means for DSMN,
 * and how to bring it back (`bringBack`: the command, and what to choose there). Nothing when it is as found.
 */
export function serviceNotAsFound(found: string, now: string, bringBack: string): string | undefined {
	if (now === found) return undefined;
	const down = found === 'RUNNING' && now !== 'RUNNING' ? ': DSMN synchronizes nothing until it runs again' : '';
	return `MSSYNC is ${asFoundThen(now, found)}${down}. To bring it back: ${bringBack}.`;
}

/** "stuck stopping (STOP_PENDING; it was running when this run began)", "stopped (it was running when this run began)". */
function asFoundThen(now: string, found: string): string {
	const said = spoken(now);
	const was = `it was ${spoken(found)} when this run began`;
	return said.endsWith(')') ? `${said.slice(0, -1)}; ${was})` : `${said} (${was})`;
}

/** MSSYNC queried now against the state the run found (`bringBack` is given that state and the state now); nothing when as found or unreadable. */
export async function serviceLineNow(run: OpenedRun, bringBack: BringBack): Promise<string | undefined> {
	const now = await run.target.service.query().catch(() => undefined);
	if (!now?.ok) return undefined;
	const found = run.start.serviceBefore;
	return serviceNotAsFound(found, now.state, bringBack(found, now.state));
}

/** MSSYNC as the resume screen says it: its state now, and what that means while the run waits; nothing when unreadable. */
export async function serviceOnResume(run: OpenedRun): Promise<string | undefined> {
	const now = await Promise.resolve()
		.then(() => run.target.service.query())
		.catch(() => undefined);
	if (!now?.ok) return undefined;
	const found = run.start.serviceBefore;
	if (now.state === found) return `MSSYNC is ${spoken(now.state)}, as this run found it.`;
	// A run whose roll back began is finished by rolling back again, never resumed (procedure/journaled-run.ts).
	const until = run.rollbackBegan() ? 'its roll back is finished' : 'the run is resumed or rolled back';
	const down = found === 'RUNNING' && now.state !== 'RUNNING' ? `: DSMN synchronizes nothing until ${until}` : '';
	return `MSSYNC is ${asFoundThen(now.state, found)}${down}.`;
}
