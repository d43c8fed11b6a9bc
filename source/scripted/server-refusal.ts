/**
 * A scripted run asks for the server's writer lock before its first step line (ARCHITECTURE.md, "The run and
 * its journal"): a refusal is its own event, never a failed step. It says who holds the server, since when,
 * why the holder is believed gone (when it is) and what to do; a new run that changed nothing is closed.
 */
import type {RunEvent} from '../app/events.js';
import type {ProcedureRun} from '../procedure/procedure-run.js';

type Say = (event: RunEvent) => void;

/** True when the run was refused (exit 1: nothing was changed); `breakLock` is --break-lock. */
export async function refusedByServerLock(run: ProcedureRun, isNew: boolean, breakLock: boolean, say: Say): Promise<boolean> {
	if (breakLock) run.breakLockIfGone = true;
	const refusal = await run.claimServer();
	if (!refusal) return false;
	say({
		event: 'server-locked',
		message: refusal.message,
		advice: refusal.advice,
		holder: refusal.holder ?? null,
		gone: refusal.gone ?? null,
		lockFolder: refusal.folder,
		journal: run.journalPath,
	});
	if (isNew && !run.hasChangedAnything()) await run.end('nothing-changed');
	return true;
}
