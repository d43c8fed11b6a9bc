/**
 * Use case: begin a run (ARCHITECTURE.md, "Use cases"), once its preparation said it is ready. Both front
 * ends call these with the answers they gathered, each its own way (questions, or flags); the run that
 * comes back has its journal and its first entry, and nothing on the target has changed yet. A new kind
 * of run is one more function here: its answers typed, its run begun.
 */
import {ReconstructRun, type ReconstructPlan} from '../procedure/reconstruct-run.js';
import {RestoreRun} from '../procedure/restore-run.js';
import type {Target} from '../targets/capabilities.js';
import type {CommandListener} from '../targets/run-command.js';

/** What every beginning may be told, whatever the flow. */
export type BeginOptions = {
	/** --break-lock: a server's writer lock whose holder is believed gone is broken (said why, journaled). */
	breakLock?: boolean | undefined;
	onCommand?: CommandListener | undefined;
};

export type RestoreAnswers = {
	/** The backup folder, validated by `prepareRestore`; its bytes are bound again here, as they are now. */
	backup: string;
	/** "Synchronize all servers" (normal) or "Fully synchronize all servers" at the end. */
	synchronize?: 'normal' | 'full' | undefined;
};

export async function beginRestore(target: Target, answers: RestoreAnswers, options: BeginOptions = {}): Promise<RestoreRun> {
	const run = await RestoreRun.begin(target, answers.backup, {
		...(answers.synchronize ? {synchronize: answers.synchronize} : {}),
		...(options.onCommand ? {onCommand: options.onCommand} : {}),
	});
	if (options.breakLock) run.breakLockIfGone = true;
	return run;
}

export type ReconstructAnswers = {
	plan: ReconstructPlan;
	/** The initial password typed or read for `passwordPolicy: 'initial'`: handed to the run, never stored. */
	initialPassword?: string | undefined;
};

export async function beginReconstruct(target: Target, answers: ReconstructAnswers, options: BeginOptions = {}): Promise<ReconstructRun> {
	const run = await ReconstructRun.begin(target, answers.plan);
	if (answers.initialPassword !== undefined) run.provideInitialPassword(answers.initialPassword);
	if (options.breakLock) run.breakLockIfGone = true;
	return run;
}
