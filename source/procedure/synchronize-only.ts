/**
 * "Synchronize all servers" alone, from the first choice: after a server that was offline answers again,
 * say, when nothing needs restoring or reconstructing. It changes nothing that needs undoing (DSMN
 * propagates the domain's accounts, as Synchronization Manager's own menu item does), so it opens no run
 * and no journal; leaving part way is safe (a server half propagated is simply not synchronized yet).
 */
import type {Target} from '../targets/capabilities.js';
import type {RunHooks, StepOutcome} from './procedure-run.js';
import {synchronizeInstructions, synchronizeStep} from './synchronize-step.js';

export const SYNCHRONIZE_ONLY = {
	step: 'synchronize-only',
	title: 'Synchronize all servers',
	why: 'When a server was offline or was fixed by hand, DSMN needs only to propagate the accounts again: nothing to restore or reconstruct. This is NetWare Server ▸ Synchronize all servers in Synchronization Manager.',
	kb: 'KB Q148678 ends both of its procedures with "Synchronize all servers"; on its own it clears a red X whose cause is gone.',
} as const;

/** Why this step, naming the menu item of the synchronize chosen ("Fully synchronize all servers" when full). */
export function synchronizeOnlyWhy(full = false): string {
	return full
		? 'When a server was offline or was fixed by hand, DSMN needs only to propagate the accounts again: nothing to restore or reconstruct. This is NetWare Server ▸ Fully synchronize all servers in Synchronization Manager.'
		: SYNCHRONIZE_ONLY.why;
}

/** What the confirmation says it will do; on a target the tool cannot synchronize, the admin's instructions. */
export async function describeSynchronizeOnly(target: Target, full = false): Promise<{changes: string[]; manual: boolean}> {
	if (!target.sync)
		return {
			manual: true,
			changes: synchronizeInstructions(
				(await target.servers.list()).map(s => s.name),
				new Date().toISOString(),
				full,
			),
		};
	return {
		manual: false,
		changes: [
			full
				? 'Runs "Fully synchronize all servers": every propagated account is sent again to each managed NetWare server, whatever the change log holds; it takes longer than a plain synchronize.'
				: 'Runs "Synchronize all servers": DSMN sends each managed NetWare server what changed in the NetWare-enabled accounts of the groups chosen for it (KB Q183684).',
			'Nothing else is changed: no database is replaced, no server removed. A server that fails does not stop the others.',
			// As before each step the tool cannot undo (ARCHITECTURE.md, "The run and its journal").
			'The tool cannot undo it: what the servers receive stays on them.',
		],
	};
}

export async function synchronizeOnly(target: Target, hooks: RunHooks, full = false): Promise<StepOutcome> {
	return synchronizeStep(target, hooks, full ? {full} : {});
}
