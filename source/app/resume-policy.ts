/**
 * What may be done with a run found unfinished on a target (ARCHITECTURE.md, "The run and its journal"),
 * the same for the wizard's resume screen and a scripted run's --resume and --rollback. A run whose roll
 * back began is finished by rolling back, never resumed; only a restore can be rolled back.
 */
import {UsageError} from '../errors/hinted-error.js';
import type {UnfinishedRun} from '../journal/journal.js';
import type {ProcedureRun} from '../procedure/procedure-run.js';

export type ResumeChoices = {resume: boolean; rollback: boolean};

export function resumeChoices(run: Pick<ProcedureRun, 'canRollback' | 'rollbackBegan'>): ResumeChoices {
	return {resume: !run.rollbackBegan(), rollback: run.canRollback};
}

/**
 * A scripted run that found an unfinished run must be told what to do with it: the refusal, naming where
 * the replaced files are, when neither --resume nor --rollback was given, or --rollback of a reconstruct.
 */
export function scriptedResumeProblem(unfinished: UnfinishedRun, wanted: {resume: boolean; rollback: boolean}): UsageError | undefined {
	const restore = unfinished.start.flow === 'restore';
	if (!wanted.resume && !wanted.rollback) {
		const moved = unfinished.entries.some(e => e.type === 'move');
		const where =
			unfinished.start.snapshot && moved ? ` The files it replaced are in ${unfinished.start.snapshot}; SYNCAGNT holds what it had copied so far.` : '';
		return new UsageError(
			`a ${unfinished.start.flow} run was cut off on this target (${unfinished.path}); say what to do with it.${where}`,
			restore ? 'run again with --resume to continue it, or --rollback to put everything back as it was' : 'run again with --resume to continue it',
		);
	}
	if (wanted.rollback && !restore)
		return new UsageError(`a ${unfinished.start.flow} run cannot be rolled back by the tool`, 'run again with --resume to finish it');
	return undefined;
}
