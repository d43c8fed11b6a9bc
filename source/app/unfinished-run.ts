/**
 * Use case: resume a run found unfinished (ARCHITECTURE.md, "Use cases", "The run and its journal"): the
 * run opened as the flow it began as, and how the journal says it was left, so that the wizard's resume
 * screen and a scripted --resume or --rollback say the same thing about the same objects.
 */
import type {UnfinishedRun} from '../journal/journal.js';
import {ReconstructRun} from '../procedure/reconstruct-run.js';
import {isNewPdcRun, NewPdcRun} from '../procedure/new-pdc-run.js';
import {RepairRun} from '../procedure/repair-run.js';
import {RestoreRun} from '../procedure/restore-run.js';
import {runStanding, type RunStanding} from '../procedure/run-standing.js';
import {synchronizeCutOff} from '../procedure/synchronize-step.js';
import type {Target} from '../targets/capabilities.js';
import type {BeginOptions} from './begin-run.js';

export type OpenedRun = RestoreRun | NewPdcRun | ReconstructRun | RepairRun;

/** An unfinished run as found: when it began, what it restores, how it was left, and what comes next (ids and titles). */
export type FoundRun = {
	journal: string;
	flow: 'restore' | 'reconstruct' | 'repair';
	/** A restore onto a new PDC (KB Q154761), not onto the PDC that ran DSMN. */
	newPdc: boolean;
	/** ISO 8601, as journaled. */
	started: string;
	backup?: string;
	standing: RunStanding;
	/** The title of the step the standing is about (failed, waiting, or under way when cut off). */
	standingTitle?: string;
	next?: {step: string; title: string};
	/** The titles of the steps already done. */
	finished: string[];
	/** The last command the run sent to the target, as journaled, and the step that sent it (its title, and its id). */
	lastCommand?: {command: string; title?: string; step?: string};
	/** Cut off during its synchronize: the servers it left red (procedure/synchronize-step.ts, synchronizeCutOff). */
	servers?: string;
};

export function resumeRun(target: Target, unfinished: UnfinishedRun): Promise<OpenedRun> {
	if (isNewPdcRun(unfinished.start)) return NewPdcRun.resume(target, unfinished);
	if (unfinished.start.flow === 'repair') return RepairRun.resume(target, unfinished);
	return unfinished.start.flow === 'restore' ? RestoreRun.resume(target, unfinished) : ReconstructRun.resume(target, unfinished);
}

/**
 * The step that sent a command, named truly: a file step queries MSSYNC only to check it stays stopped (its
 * last command is then that query, not a copy), so the label says so.
 */
function sentBy(run: OpenedRun, sent: {command: string; step?: string}, title: string): string {
	// A roll back's queries are its waits for MSSYNC to stop or start, as Stop and Start MSSYNC's are.
	const serviceStep = sent.step === 'stop-service' || sent.step === 'start-service' || sent.step === 'rollback';
	return !serviceStep && sent.command === run.target.service.describe('query') ? `${title}, its check that MSSYNC stayed stopped` : title;
}

/** The run reopened (its lock is taken by its first step or roll back), and what was found. */
export async function resumeUnfinished(
	target: Target,
	unfinished: UnfinishedRun,
	options: Pick<BeginOptions, 'breakLock'> = {},
): Promise<{run: OpenedRun; found: FoundRun}> {
	const run = await resumeRun(target, unfinished);
	if (options.breakLock) run.breakLockIfGone = true;
	// A roll back is no step of the plan: it is named as its screens name it.
	const title = (step: string) => (step === 'rollback' ? 'Roll back' : (run.steps().find(s => s.id === step)?.title ?? step));
	const standing = runStanding(unfinished.entries);
	const about = standing.step ?? standing.during;
	const next = run.nextStep();
	const {start} = unfinished;
	const sent = run.lastCommandSent();
	const servers = await synchronizeCutOff(run);
	return {
		run,
		found: {
			journal: unfinished.path,
			flow: start.flow,
			newPdc: isNewPdcRun(start),
			started: start.at,
			...(start.backup ? {backup: start.backup} : {}),
			standing,
			...(about ? {standingTitle: title(about)} : {}),
			...(next ? {next: {step: next, title: title(next)}} : {}),
			finished: run.finishedSteps().map(title),
			...(sent ? {lastCommand: {command: sent.command, ...(sent.step ? {title: sentBy(run, sent, title(sent.step)), step: sent.step} : {})}} : {}),
			...(servers ? {servers} : {}),
		},
	};
}
