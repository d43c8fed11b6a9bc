/**
 * Use case: what the end of a run offers to check (ARCHITECTURE.md, "Use cases"), the same lines for both
 * front ends: after a repair, what to do next (the run's own words); after a restore, whichever synchronize
 * ran, Event 8005 in the Application log (the restored position had left the change log: after the plain
 * synchronize the changes since the backup were skipped although every server shows a blue check; after a
 * full one, groups lost that way stay missing from the database); after every flow, the
 * optional DSMDUMP and DSMCHK check with the exact commands, and in the practice lab its own commands.
 */
import {loadLab} from '../lab/state.js';
import {resultCheckInstructions} from '../procedure/repair-and-check.js';
import {cite} from '../procedure/claims.js';
import {event8005Check, type SynchronizeKind} from '../procedure/synchronize-choice.js';
import type {Target} from '../targets/capabilities.js';
import {shellWord} from '../text/shell-word.js';
import type {OpenedRun} from './unfinished-run.js';

export type AfterRun = {
	/** After a repair: what to do next (a front end whose summary says it already may leave these out). */
	next: string[];
	/** After a restore, the lines of `checks` about Event 8005 (a front end whose end says it already leaves them out). */
	event8005: string[];
	/** What to check now, in the order printed: Event 8005, DSMDUMP and DSMCHK, the practice lab's commands. */
	checks: string[];
	/** What DSMCHK's exit codes mean (left to DSMCHK's own help where the screen is small). */
	dsmchkExitCodes: string;
	/** The practice lab's domain, as every DSMCHK command here names it (undefined elsewhere: "DOMAIN"). */
	domain?: string | undefined;
};

export async function afterRunChecks(run: OpenedRun, target: Target): Promise<AfterRun> {
	// After either synchronize: a full one sends every account again but does not bring back lost groups.
	const listed = await target.servers.list().catch(() => undefined);
	const servers = run.flow === 'reconstruct' ? run.servers : (listed ?? []).map(s => s.name);
	const lab = target.kind === 'lab' ? await loadLab(target.location).catch(() => undefined) : undefined;
	const practice = lab
		? [
				// The practice lab has no Event Viewer: its Application log (Event 8005 among MSSYNC's entries) is in lab status.
				"In the practice lab: its Application log (where the PDC's Event Viewer would show MSSYNC's entries), then the same two (dsmdump with MSSYNC stopped):",
				`dsmn-resync lab status ${target.location}`,
				`dsmn-resync lab dsmdump ${target.location}`,
				`dsmn-resync lab dsmchk ${target.location} -d ${lab.domain} -u USERNAME`,
			]
		: [];
	const kind = run.start.synchronize ?? 'normal';
	const event8005 = run.flow !== 'restore' ? [] : lab ? labEvent8005(lab.events ?? [], run.start.at, kind, target.location) : event8005Check(kind);
	const dsm = resultCheckInstructions(lab?.domain, servers);
	// One name for the domain in every command of the end, the repair's next steps included.
	// In the practice lab, as the wizard's lab end says it: the servers still red (the tool reads them) and the lab's own synchronize.
	const inLab =
		lab && listed
			? {
					red: listed.filter(s => !s.synchronized).map(s => s.name),
					sync: `dsmn-resync lab sync ${shellWord(target.location)}`,
					status: `dsmn-resync lab status ${shellWord(target.location)}`,
				}
			: undefined;
	const next = run.flow === 'repair' ? run.afterRepair(lab?.domain, inLab) : [];
	return {next, domain: lab?.domain, event8005, checks: [...event8005, ...dsm.slice(0, -1), ...practice], dsmchkExitCodes: dsm.at(-1) ?? ''};
}

/**
 * In the practice lab the tool reads the Application log itself: what it found since the run began, not
 * directions to look (ARCHITECTURE.md, "Synchronize all servers"). Found after the plain synchronize, the
 * end's own doubt lines say it, and these are the ones both front ends leave out then.
 */
function labEvent8005(events: readonly {id: number; at: string}[], began: string, kind: SynchronizeKind, dir: string): string[] {
	const seen = events.find(e => e.id === 8005 && !(Date.parse(e.at) < Date.parse(began)));
	const log = `the practice lab's Application log (dsmn-resync lab status ${shellWord(dir)})`;
	if (!seen) return [`No Event 8005 from MSSYNC in ${log} since this run began: no change made since the backup was skipped (${cite('change-log-8005')}).`];
	if (kind === 'normal') return event8005Check('normal');
	return [`MSSYNC logged Event 8005 at ${seen.at} in ${log}.`, ...event8005Check('full').slice(1)];
}
