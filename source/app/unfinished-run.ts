/**
 * A run found unfinished in a target's journal, opened as the flow it began as (ARCHITECTURE.md, "The run
 * and its journal"): the wizard and the scripted runner resume and roll back the same objects.
 */
import type {UnfinishedRun} from '../journal/journal.js';
import {ReconstructRun} from '../procedure/reconstruct-run.js';
import {RestoreRun} from '../procedure/restore-run.js';
import type {Target} from '../targets/capabilities.js';

export type OpenedRun = RestoreRun | ReconstructRun;

export function resumeRun(target: Target, unfinished: UnfinishedRun): Promise<OpenedRun> {
	return unfinished.start.flow === 'restore' ? RestoreRun.resume(target, unfinished) : ReconstructRun.resume(target, unfinished);
}
