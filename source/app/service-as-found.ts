/**
 * Where a run stops (left, interrupted, failed), MSSYNC may not be as the run found it: a restore stopped
 * it, so DSMN stays down (ARCHITECTURE.md, "Use cases"). Both front ends say so, with how to bring it back.
 */
import type {OpenedRun} from './unfinished-run.js';

const spoken = (state: string) => state.toLowerCase().replace(/_/g, ' ');

/**
 * MSSYNC as a run leaves it, when that is not as the run found it: its state, what that means for DSMN,
 * and how to bring it back (`bringBack`: the command, and what to choose there). Nothing when it is as found.
 */
export function serviceNotAsFound(found: string, now: string, bringBack: string): string | undefined {
	if (now === found) return undefined;
	const down = found === 'RUNNING' && now !== 'RUNNING' ? ': DSMN synchronizes nothing until it runs again' : '';
	return `MSSYNC is ${spoken(now)} (it was ${spoken(found)} when this run began)${down}. To bring it back: ${bringBack}.`;
}

/** MSSYNC queried now against the state the run found (`bringBack` is given that state); nothing when as found or unreadable. */
export async function serviceLineNow(run: OpenedRun, bringBack: (found: string) => string): Promise<string | undefined> {
	const now = await run.target.service.query().catch(() => undefined);
	if (!now?.ok) return undefined;
	const found = run.start.serviceBefore;
	return serviceNotAsFound(found, now.state, bringBack(found));
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
	return `MSSYNC is ${spoken(now.state)} (it was ${spoken(found)} when this run began)${down}.`;
}
