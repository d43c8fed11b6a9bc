/**
 * The screens of "Only synchronize all servers" (ARCHITECTURE.md, "The wizard"): its own question (nothing is
 * restored on this path, so nothing is said of a restored database or of MSSYNC starting), and what follows a
 * synchronization that left servers red: one verdict, each server's reason once, and what can be done from here
 * as choices, not as "start again".
 */
import {SYNCHRONIZE_CHOICES, type SynchronizeAdvice, type SynchronizeKind} from '../../procedure/synchronize-choice.js';
import {aboutServers, listNames} from '../../procedure/list-names.js';
import {EXIT} from '../../errors/exit-codes.js';
import type {SyncResult} from '../../services/synchronization.js';
import type {Screen} from '../state.js';
import type {Summary} from '../summary.js';

type Situation = Extract<Screen, {name: 'situation'}>;

const KINDS: readonly SynchronizeKind[] = ['normal', 'full'];

/** The question's step: the confirmation that follows has the same name (flows/situation.ts answers it). */
export const SYNCHRONIZE_ONLY_QUESTION = 'synchronize-only';
/** The screen after a synchronization that left servers red. */
export const AFTER_SYNCHRONIZE_ONLY = 'after-synchronize-only';

/** What each choice does when nothing is restored: MSSYNC runs on its own database, from its own position. */
const ALONE: Readonly<Record<SynchronizeKind, string>> = {
	normal:
		"sends each server the account changes MSSYNC has not yet propagated, reading on from where it last stopped in the domain's change log: quick. Changes that left the log before MSSYNC read them are not sent.",
	full: 'sends every propagated account to every server again, whatever the change log holds: it takes longer (about the number of accounts times the number of servers).',
};

/** "Synchronize" or "Fully synchronize", asked before "Only synchronize all servers". */
export function synchronizeOnlyQuestion(advice: SynchronizeAdvice, seen8005 = false): Situation {
	return {
		name: 'situation',
		step: SYNCHRONIZE_ONLY_QUESTION,
		title: 'How should the servers be synchronized?',
		lines: [
			`Recommended: ${SYNCHRONIZE_CHOICES[advice.recommended].label}. ${advice.because}`,
			...KINDS.map(kind => `${SYNCHRONIZE_CHOICES[kind].label}: ${ALONE[kind]}`),
			// Event 8005 read by the target (the lab) is said by the recommendation: no directions to look for it.
			...(seen8005
				? []
				: ['To check first: on the PDC, Event Viewer, Log ▸ Application: an Event 8005 from MSSYNC means it lost its place in the change log (KB Q189441).']),
		],
		items: KINDS.map(kind => ({label: `${SYNCHRONIZE_CHOICES[kind].label}${kind === advice.recommended ? ' (recommended)' : ''}`, value: kind})),
		initial: KINDS.indexOf(advice.recommended),
		help: {
			why: "Nothing is restored or replaced here: MSSYNC keeps its own database and its own place in the domain's change log, and only sends accounts to the NetWare servers. Both choices are on Synchronization Manager's NetWare Server menu.",
			kb: 'When MSSYNC cannot find the last change log entry it processed, it logs Event 8005 and some user and group changes may be lost (KB Q189441).',
		},
	};
}

/** The synchronization's name as chosen: "Synchronize all servers" or "Fully synchronize all servers". */
export function synchronizeOnlyTitle(kind: SynchronizeKind): string {
	return SYNCHRONIZE_CHOICES[kind].label;
}

/** Jet's -1018 on a server's record: synchronizing again cannot mend it, a restore or a reconstruct does. */
function damaged(result: SyncResult): boolean {
	return /-1018|record in MSSYNC\.MDB is damaged/i.test(result.reason ?? '');
}

/** A server's reason, naming it once. */
function reasonOf(result: SyncResult): string {
	const reason = result.reason ?? 'it did not finish';
	return reason.includes(result.server) ? reason : `${result.server}: ${reason}`;
}

/**
 * The reasons, each said once: servers that failed for the same reason (the same words, but for the server's
 * own name) share one line that names them all ("Each of FS2, FS4, FS5: Jet error -1018 …: the server's record …").
 */
function reasonLines(failed: readonly SyncResult[]): string[] {
	const byReason = new Map<string, string[]>();
	for (const result of failed) {
		const reason = result.reason ?? 'it did not finish';
		const shared = reason.replace(new RegExp(`\\b${result.server.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'s\\b`, 'g'), "the server's");
		byReason.set(shared, [...(byReason.get(shared) ?? []), result.server]);
	}
	return [...byReason].map(([reason, names]) => (names.length === 1 ? reasonOf(failed.find(r => r.server === names[0])!) : aboutServers(names, reason)));
}

/** One line per piece of advice, naming the servers it is for. */
function adviceLines(failed: readonly SyncResult[]): string[] {
	const byAdvice = new Map<string, string[]>();
	for (const result of failed) {
		const advice = damaged(result)
			? 'restore MSSYNC.MDB from a backup, or without one reconstruct the server; "Continue" below goes on to either'
			: result.advice;
		if (!advice) continue;
		byAdvice.set(advice, [...(byAdvice.get(advice) ?? []), result.server]);
	}
	return [...byAdvice].map(([advice, names]) => `What to do for ${names.length === 1 ? names[0] : `each of ${listNames(names)}`}: ${advice}.`);
}

/**
 * A server's result, with what Synchronization Manager showed for it before the synchronize began (read
 * when it starts; undefined where the tool cannot see the marks, as on a real server).
 */
export type SyncOnlyResult = SyncResult & {blueBefore?: boolean | undefined};

/** The results with each server's mark from before (`before`: the servers as listed when the synchronize started). */
export function withMarksBefore(results: readonly SyncResult[], before: readonly {name: string; synchronized: boolean}[] | undefined): SyncOnlyResult[] {
	return results.map(result => ({...result, blueBefore: before?.find(s => s.name === result.server)?.synchronized}));
}

/** Did any server that failed show a red X before? Then "the red servers" exist (a mark not seen is not counted as one). */
function anyRed(results: readonly SyncOnlyResult[]): boolean {
	return results.some(r => !r.ok && r.blueBefore === false);
}

/** The servers that failed whose mark the tool cannot see (a real server): what is known, and where to look. */
function unseenLines(failed: readonly SyncOnlyResult[]): string[] {
	const unseen = failed.filter(r => r.blueBefore === undefined).map(r => r.server);
	if (unseen.length === 0) return [];
	const one = unseen.length === 1;
	return [
		`${one ? 'Its' : 'Their'} check mark cannot be seen from here: in Synchronization Manager on the PDC, see whether ${listNames(unseen)} ${one ? 'shows' : 'show'} a red X; why a server stays red is in Event Viewer on the PDC, Log ▸ Application, MSSYNC's entries.`,
	];
}

/**
 * The verdict of a synchronization that left servers unsynchronized: which synchronized, which still show
 * the red X they showed before, and which showed a blue check and failed now for a reason of their own
 * (offline, say): those are not said to "still" show a red X.
 */
export function synchronizeOnlyVerdict(results: readonly SyncOnlyResult[]): string {
	const failed = results.filter(r => !r.ok);
	const red = failed.filter(r => r.blueBefore === false).map(r => r.server);
	const blue = failed.filter(r => r.blueBefore === true).map(r => r.server);
	// Where no mark can be seen (a real server): that it failed is known, not whether it shows a red X.
	const unseen = failed.filter(r => r.blueBefore === undefined).map(r => r.server);
	const synchronized = results.length - failed.length;
	return [
		`${synchronized} of ${results.length} server${results.length === 1 ? '' : 's'} synchronized`,
		...(red.length ? [`${listNames(red)} still show${red.length === 1 ? 's' : ''} a red X`] : []),
		...(blue.length ? [`${listNames(blue)} did not synchronize (${blue.length === 1 ? 'it' : 'they'} showed a blue check before)`] : []),
		...(unseen.length ? [`${listNames(unseen)} did not synchronize`] : []),
	].join('; ');
}

/**
 * MSSYNC is not running: Synchronization Manager sends nothing, so "Only synchronize" is not offered as if
 * it could work (every server would fail, the blue ones included). What to do instead, as choices.
 */
export function synchronizeOnlyServiceDown(state: string): Situation {
	return {
		name: 'situation',
		step: AFTER_SYNCHRONIZE_ONLY,
		title: `MSSYNC is ${state}: synchronizing cannot work until it runs`,
		lines: [
			'Synchronization Manager sends nothing to the NetWare servers while the MSSYNC service is stopped. Nothing was changed.',
			'Start it on the PDC (Control Panel ▸ Services ▸ MSSYNC ▸ Start), then check again.',
			'If it will not start (after a crash or a power cut), a repair with dsmpack comes first (KB Q197852): choose Continue, then "MSSYNC will not start".',
		],
		items: [
			{label: 'Continue: repair, restore or reconstruct', value: 'continue'},
			{label: 'Check again: is MSSYNC running now?', value: 'again'},
		],
		initial: 0,
		help: {
			why: 'DSMN synchronizes through the MSSYNC service: with it stopped, every server would fail, and nothing would be learnt about the red ones.',
			kb: 'MSSYNC that will not start after a crash: dsmpack /r repairs the database in place (KB Q197852).',
		},
	};
}

/** After a synchronization that left servers red: each reason once, and what can be done from here. */
export function synchronizeOnlyFailedScreen(kind: SynchronizeKind, results: readonly SyncOnlyResult[]): Situation {
	const failed = results.filter(r => !r.ok);
	const anyDamaged = failed.some(damaged);
	const restoreOrReconstruct = {label: 'Continue: restore or reconstruct', value: 'continue'};
	const again = {label: `${synchronizeOnlyTitle(kind)} again`, value: 'again'};
	return {
		name: 'situation',
		step: AFTER_SYNCHRONIZE_ONLY,
		title: synchronizeOnlyVerdict(results),
		lines: [...reasonLines(failed), ...adviceLines(failed), ...unseenLines(failed), 'Nothing else was changed: no database was replaced, no server removed.'],
		items: [
			...(anyDamaged ? [restoreOrReconstruct, again] : [again, restoreOrReconstruct]),
			{label: anyRed(results) ? 'Leave — the red servers stay red for now' : 'Leave — for now', value: 'leave'},
		],
		initial: 0,
		help: {
			why: 'Synchronizing sends the domain\'s accounts to the servers; it does not mend a server\'s damaged record in MSSYNC.MDB (a restore of the database, or a reconstruct of that server, does), and a server that did not answer is synchronized once it is back. "Continue" goes on to the restore or reconstruct questions; nothing changes before their own confirmations.',
			kb: 'KB Q148678: restore the database from a backup, or reconstruct the NetWare side without one; both end with Synchronize all servers.',
		},
	};
}

/** Leaving after a synchronization that left servers red: the same verdict, and how to come back. */
export function synchronizeOnlyLeft(results: readonly SyncOnlyResult[], again: string): Summary {
	const failed = results.filter(r => !r.ok);
	return {
		name: 'summary',
		title: synchronizeOnlyVerdict(results),
		ok: false,
		exit: EXIT.failed,
		lines: [
			...adviceLines(failed).map(line => line.replace(/; "Continue" below goes on to either\.$/, '.')),
			...unseenLines(failed),
			'Nothing else was changed. To restore, reconstruct or synchronize again, start again:',
			again,
		],
	};
}
