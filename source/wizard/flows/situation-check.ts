/**
 * What the end of a run offers to check (ARCHITECTURE.md, "The wizard"): after a restore, Event 8005 in
 * the Application log (the restored position had left the change log: changes since the backup were
 * skipped although every server shows a blue check); after a restore or a reconstruct, the optional
 * DSMDUMP and DSMCHK check, with the exact commands. The texts are `procedure/synchronize-choice.ts`'s
 * and `procedure/repair-and-check.ts`'s.
 */
import {resultCheckInstructions} from '../../procedure/repair-and-check.js';
import {event8005Check, type SynchronizeKind} from '../../procedure/synchronize-choice.js';

/** The lines a finished run's summary ends with; none after the repair, whose own summary says what follows. */
export function afterRunChecks(
	flow: string,
	synchronize: SynchronizeKind | undefined,
	servers: readonly string[],
	lab?: {folder: string; domain: string},
): string[] {
	if (flow === 'repair') return [];
	// A full synchronize sent every account again: Event 8005 no longer matters for the servers.
	const event8005 = flow === 'restore' && synchronize !== 'full' ? event8005Check() : [];
	// The practice lab has both tools: the same check, on the lab's own database.
	const practice = lab
		? [`In the practice lab: dsmn-resync lab dsmdump ${lab.folder} (MSSYNC stopped), and dsmn-resync lab dsmchk ${lab.folder} -d ${lab.domain} -u USERNAME.`]
		: [];
	// The exit codes of DSMCHK (the last line) are left to its own help.
	return [...event8005, ...resultCheckInstructions(lab?.domain, servers).slice(0, 3), ...practice];
}
