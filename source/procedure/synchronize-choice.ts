/**
 * "Synchronize all servers" or "Fully synchronize all servers" after a restore (both on Synchronization
 * Manager's NetWare Server menu, KB Q148678). A restored database resumes from the position in the
 * domain's change log that it recorded; when the circular log no longer reaches back that far, MSSYNC logs
 * Event 8005 and the changes made since the backup never reach NetWare, while every server shows a blue
 * check (KB Q189441). The wizard and the scripted run (`--synchronize normal|full`) both ask this file
 * what to recommend and what to say. ARCHITECTURE.md, "Synchronize all servers".
 */
import {CHANGE_LOG_TRUSTED_MS} from '../backup/change-log-age.js';
import {cite} from './claims.js';
import {formatAge, formatDate} from '../text/format.js';

export type SynchronizeKind = 'normal' | 'full';

/** A backup older than this is not trusted to be within the change log (backup/change-log-age.ts says why). */
export {CHANGE_LOG_TRUSTED_MS};

/** `because`: short enough for the choice's screen at 60×20; `how`: why the tool cannot know, for its `?`. */
export type SynchronizeAdvice = {recommended: SynchronizeKind; because: string; how?: string};

/** The age in the words `check` uses for the same files (whole units, never rounded up), so that the two agree. */
const age = formatAge;

/** What to recommend for a backup taken at `taken` (its newest database file), and why, in words the admin can check. */
export function recommendSynchronize(taken: Date | undefined, now: Date): SynchronizeAdvice {
	const how = `The tool cannot see how far back the domain's change log reaches: it holds a fixed number of account changes, not days, so the tool trusts it only for a backup less than ${age(CHANGE_LOG_TRUSTED_MS)} old.`;
	const trusted = `The tool trusts the domain's change log to reach back only ${age(CHANGE_LOG_TRUSTED_MS)}.`;
	if (taken === undefined) return {recommended: 'full', because: `The backup's age is unknown. ${trusted}`, how};
	const old = now.getTime() - taken.getTime();
	if (old > CHANGE_LOG_TRUSTED_MS) return {recommended: 'full', because: `The backup is ${age(old)} old. ${trusted}`, how};
	return {
		recommended: 'normal',
		because: `The backup is ${age(Math.max(0, old))} old: the change log very likely still reaches back to it. If Event 8005 appears after MSSYNC starts, fully synchronize after all.`,
		how,
	};
}

/** The two choices, as the screen and `--help` name them, with what each costs. */
export const SYNCHRONIZE_CHOICES: Readonly<Record<SynchronizeKind, {label: string; consequence: string}>> = {
	normal: {
		label: 'Synchronize all servers',
		consequence:
			"Sends only the changes in the domain's change log since the backup's place in it: quick, but if the log no longer reaches back that far, the changes since the backup are silently skipped.",
	},
	full: {
		label: 'Fully synchronize all servers',
		consequence: 'Sends every propagated account to every server again, whatever the change log holds: it takes longer (about accounts times servers).',
	},
};

/**
 * What each synchronize sends and how long it takes, as its confirmation says it (the two differ: the plain one
 * sends what DSMN's database still lists as needed on each server, the claims table's 'propagated-accounts'; the full one sends every
 * account again). ARCHITECTURE.md, "Synchronize all servers".
 */
export function synchronizeDuration(kind: SynchronizeKind): string {
	return kind === 'full'
		? `It takes longer than ${SYNCHRONIZE_CHOICES.normal.label}: about the number of accounts times the number of servers.`
		: `How long it takes depends on the number of NetWare servers to synchronize and the number of accounts to propagate: it may take a significant amount of time (${cite('synchronize-time', ['Q148678'])}).`;
}

/** The synchronize step's confirmation, where the tool runs it: what it sends, what to expect, what a roll back leaves (`stays`: the run's own words). */
export function synchronizeChanges(
	kind: SynchronizeKind,
	stays = 'A roll back cannot undo it: it puts the database back, but what the servers received stays on them.',
): string[] {
	const failing = 'A server that fails does not stop the others, and can be retried.';
	if (kind === 'full')
		return [
			`Runs "${SYNCHRONIZE_CHOICES.full.label}": every propagated account is sent again to each managed NetWare server, whatever the domain's change log holds.`,
			`${synchronizeDuration('full')} ${failing}`,
			stays,
		];
	return [
		`Runs "${SYNCHRONIZE_CHOICES.normal.label}": DSMN sends each managed NetWare server the account updates its database still lists as needed there; only what changed is sent (${cite('propagated-accounts', ['Q183684'])}).`,
		`${synchronizeDuration('normal')} ${failing}`,
		`It does not send every account again: changes the domain's change log no longer holds are skipped (Event 8005, ${cite('change-log-8005')}); "${SYNCHRONIZE_CHOICES.full.label}" sends them.`,
		stays,
	];
}

/** The explanation at the synchronize step (its `?`), with the recommendation for this backup. */
export function synchronizeExplanation(advice: SynchronizeAdvice): string[] {
	return [
		`The restored database continues from the position in the domain's change log that it recorded. The log is circular: when it no longer holds that position, MSSYNC logs Event 8005 and some changes since the backup never reach the NetWare servers, although every server shows a blue check (${cite('change-log-8005')}).${advice.how ? ` ${advice.how}` : ''}`,
		`Synchronization Manager's NetWare Server menu has both: ${SYNCHRONIZE_CHOICES.normal.label} and ${SYNCHRONIZE_CHOICES.full.label} (${cite('synchronize-menu', ['Q148678'])}).`,
		`Recommended: ${SYNCHRONIZE_CHOICES[advice.recommended].label}. ${advice.because}`,
	];
}

/**
 * What to look at once MSSYNC runs again on the restored database, for the synchronize chosen. Event 8005
 * matters after both: after the plain one, fully synchronizing sends what was skipped; after a full one it
 * does not help, because the groups lost this way are missing from the database itself (the claims table's
 * 'change-log-8005' row), which DSMDUMP shows. `labStatus`: the practice lab's `lab status` as launched, where
 * its Application log is (it has no Event Viewer).
 */
export function event8005Check(kind: SynchronizeKind = 'normal', labStatus?: string): string[] {
	const look = labStatus
		? `After MSSYNC starts: look in the practice lab's Application log (${labStatus}) for Event 8005 from MSSYNC since the start ("…failed to find the last change log entry it processed…").`
		: 'After MSSYNC starts: open Event Viewer on the PDC, Log ▸ Application, and look for Event 8005 from MSSYNC since the start ("…failed to find the last change log entry it processed…").';
	if (kind === 'full')
		return [
			look,
			`Look even after fully synchronizing: if Event 8005 is there, some group changes since the backup were lost from the database itself, and a full synchronize does not bring them back (${cite('change-log-8005')}). List the database with DSMDUMP (below) and compare its groups with the domain's in User Manager for Domains; re-create a group missing there as KB Q189441 describes.`,
		];
	return [
		look,
		`If Event 8005 is there, changes made since the backup were skipped (${cite('change-log-8005')}). Then choose NetWare Server ▸ Fully synchronize all servers in Synchronization Manager: it sends every account again (${cite('full-synchronize', ['Q253716'])}).`,
	];
}

/**
 * What the end of a restore says when the tool has reason to think that "Synchronize all servers" left the
 * servers out of step: it saw Event 8005 since the run began (the practice lab's Application log), or the
 * backup is older than the change log is trusted to reach (a real server's log is not read by the tool).
 */
export type SynchronizeDoubt = {because: 'event-8005'; at: string} | {because: 'backup-age'; age: string};

/** The end's title for a doubt: never "Done" alone. */
export function doubtTitle(doubt: Pick<SynchronizeDoubt, 'because'>): string {
	return doubt.because === 'event-8005'
		? 'Done, but Event 8005: the servers need a full synchronize'
		: 'Done, but not known to be in step: look for Event 8005';
}

/**
 * What was found and what to do next, in two sentences; `fullCommand` is the practice lab's own (lab sync --full), as launched.
 * `chosen`: the journal records the plain synchronize as this run's choice (a journal of an older version records none).
 */
export function doubtLines(doubt: SynchronizeDoubt, fullCommand?: string, chosen = true): string[] {
	const full = fullCommand
		? `Next: fully synchronize, ${fullCommand} (in Synchronization Manager: NetWare Server ▸ Fully synchronize all servers); it sends every account again (${cite('full-synchronize', ['Q253716'])}).`
		: `Next: in Synchronization Manager, choose NetWare Server ▸ Fully synchronize all servers: it sends every account again (${cite('full-synchronize', ['Q253716'])}).`;
	if (doubt.because === 'event-8005')
		return [
			`MSSYNC logged Event 8005 at ${formatDateOf(doubt.at)}, after it started on the restored database: the backup's place in the domain's change log was gone, so the account changes made since the backup were skipped, although every server shows a blue check (${cite('change-log-8005')}).`,
			full,
			`A full synchronize does not bring back group changes lost from the database itself: list it with DSMDUMP and compare its groups with the domain's in User Manager for Domains; re-create a group missing there as ${cite('change-log-8005')} describes.`,
		];
	return [
		`The backup is ${doubt.age} old, older than the tool trusts the domain's change log to reach (${age(CHANGE_LOG_TRUSTED_MS)}), and ${chosen ? `this run chose ${SYNCHRONIZE_CHOICES.normal.label}` : `this run's journal (of an older version) does not record whether it chose ${SYNCHRONIZE_CHOICES.normal.label} or the full one`}: account changes made since the backup may have been skipped, although every server shows a blue check (${cite('change-log-8005')}).`,
		`Next: on the PDC, open Event Viewer, Log ▸ Application, and look for Event 8005 from MSSYNC since it started (${cite('change-log-8005')}). If it is there, choose NetWare Server ▸ Fully synchronize all servers in Synchronization Manager (${cite('full-synchronize', ['Q253716'])}).`,
	];
}

export function formatDateOf(iso: string): string {
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? iso : formatDate(date);
}
