/**
 * Use case: claim the server's writer lock for a run (ARCHITECTURE.md, "Use cases"), before its first
 * step is offered or run. Both front ends call it and render its one answer: nothing (held), or the
 * `server-locked` event (who holds the server, since when, why it is believed gone, what to do). A new
 * run that changed nothing is closed, so that it never blocks the next one.
 */
import type {ProcedureRun} from '../procedure/procedure-run.js';
import type {RunEvent} from './events.js';

export type ServerLocked = Extract<RunEvent, {event: 'server-locked'}>;

/** `isNew`: begun by this process (not resumed); `breakLock`: --break-lock, or the holder's machine typed in the wizard. */
export async function claimServer(run: ProcedureRun, {isNew, breakLock}: {isNew: boolean; breakLock: boolean}): Promise<ServerLocked | undefined> {
	if (breakLock) run.breakLockIfGone = true;
	const refusal = await run.claimServer();
	if (!refusal) return undefined;
	if (isNew && !run.hasChangedAnything()) await run.end('nothing-changed');
	return {
		event: 'server-locked',
		message: refusal.message,
		advice: refusal.advice,
		holder: refusal.holder ?? null,
		gone: refusal.gone ?? null,
		lockFolder: refusal.folder,
		journal: run.journalPath,
	};
}
