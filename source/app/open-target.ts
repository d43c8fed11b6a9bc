/**
 * Use case: open a target (ARCHITECTURE.md, "Use cases"). Both front ends call it before anything else:
 * the target the answers name, resolved; its lock taken for this process (one run per target); the
 * write probes a killed run left removed; this target's unfinished run, and the other targets' runs that
 * share its journal folder (named, never touched).
 */
import {findUnfinishedRuns, type UnfinishedRun} from '../journal/journal.js';
import {TargetLock} from '../journal/target-lock.js';
import {belongsTo} from '../journal/journal.js';
import {commandFor, lockKey, ownerOf} from '../procedure/journaled-run.js';
import type {Target} from '../targets/capabilities.js';
import {removeStaleProbes} from '../targets/preflight.js';
import type {RunEvent} from './events.js';
import {resolveTarget} from './resolve-target.js';
import type {TargetSpec} from './target-spec.js';

export type OpenTarget = {
	target: Target;
	/** This target's newest unfinished run, if any: resumed, rolled back or refused, never ignored. */
	unfinished: UnfinishedRun | undefined;
	/** Unfinished runs of other targets in the same journal folder, newest first. */
	others: OtherRun[];
	/** Releases the target's lock; the operating system releases it too however the process ends. */
	release: () => Promise<void>;
};

type OtherRunEvent = Extract<RunEvent, {event: 'other-run'}>;

/** An unfinished run of another target, with the commands that continue it (shown, never run). */
export type OtherRun = {run: UnfinishedRun; resume: string; rollback?: string};

/**
 * Opens the target for `what` (named to a second process that finds it busy). Throws `TargetBusyError`
 * when another process holds it, `JournalError` when a journal cannot be read, `UsageError` when the
 * spec names no usable target; the lock is released again whenever this throws.
 */
export async function openTarget(spec: TargetSpec, what: string): Promise<OpenTarget> {
	const target = await resolveTarget(spec);
	const lock = await TargetLock.acquire(lockKey(target), target.journalDir, target.description, what);
	try {
		await removeStaleProbes(target.database);
		const runs = await findUnfinishedRuns(target.journalDir);
		const owner = ownerOf(target);
		const unfinished = runs.find(run => belongsTo(run.start, owner));
		const others = runs.filter(run => run !== unfinished && !belongsTo(run.start, owner)).map(otherRun);
		return {target, unfinished, others, release: () => lock.release()};
	} catch (error) {
		await lock.release();
		throw error;
	}
}

function otherRun(run: UnfinishedRun): OtherRun {
	return {run, resume: commandFor(run.start, 'resume'), ...(run.start.flow === 'restore' ? {rollback: commandFor(run.start, 'rollback')} : {})};
}

/** Another target's run as the event both front ends report (named, never touched). */
export function otherRunEvent(other: OtherRun): OtherRunEvent {
	const {start, path} = other.run;
	return {
		event: 'other-run',
		journal: path,
		target: start.target,
		syncagnt: start.syncagnt,
		flow: start.flow,
		resume: other.resume,
		...(other.rollback ? {rollback: other.rollback} : {}),
	};
}

/** How a front end names another target's run: one sentence, and what continues it. */
export function otherRunText(e: OtherRunEvent): {text: string; continueWith: string} {
	return {
		text: `An unfinished ${e.flow} run of another target (${e.target.description}, SYNCAGNT ${e.syncagnt}) is left as it is: ${e.journal}`,
		continueWith: e.rollback ? `${e.resume}, or ${e.rollback}` : e.resume,
	};
}
