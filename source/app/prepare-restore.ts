/**
 * Use case: prepare a restore (ARCHITECTURE.md, "Use cases"): the backup validated, and the target's
 * preflight for a restore with the bytes its copy needs, before anything changes. Both front ends refuse
 * a run that is not ready here, so a disk too small for the backup is found before MSSYNC is stopped.
 */
import type {ValidationReport} from '../backup/report.js';
import {validateBackup} from '../backup/validate.js';
import type {ControlOptions, Target} from '../targets/capabilities.js';
import {preflight, type Check} from '../targets/preflight.js';
import {ntVersionMissing} from '../targets/server-version.js';

export type PreparedRestore =
	/** The backup cannot be used: its errors say why; the target was not checked. */
	| {stage: 'invalid-backup'; validation: ValidationReport}
	/** The backup is valid but the target is not ready: the checks that failed say what to do. */
	| {stage: 'target-not-ready'; validation: ValidationReport; bytesNeeded: number; checks: Check[]}
	/** Ready to begin: `RestoreRun.begin` binds the backup's bytes as they are then. */
	| {stage: 'ready'; validation: ValidationReport; bytesNeeded: number; checks: Check[]};

/** The bytes a restore copies from a valid backup: the files it restores (databases, logs, patch files). */
export function bytesToCopy(validation: ValidationReport): number {
	return validation.files.filter(f => f.restored).reduce((sum, f) => sum + f.size, 0);
}

/** The preflight of a restore of this validated backup: every check, the space its copy needs included. */
export function restorePreflight(target: Target, validation: ValidationReport, options: {onCommand?: ControlOptions['onCommand']} = {}): Promise<Check[]> {
	return preflight(target, {flow: 'restore', bytesNeeded: bytesToCopy(validation), ...options});
}

export async function prepareRestore(target: Target, backup: string, options: {onCommand?: ControlOptions['onCommand']} = {}): Promise<PreparedRestore> {
	const validation = await validateBackup(backup, {liveSyncagnt: target.database.syncagnt, learnNt: async () => (await target.serverVersion?.learn())?.nt});
	if (!validation.valid) return {stage: 'invalid-backup', validation};
	// A run without a terminal cannot be asked which NT the server runs: the answer is missing (exit 2).
	if (validation.needsNt?.length) throw await ntVersionMissing(target, validation.needsNt);
	const bytesNeeded = bytesToCopy(validation);
	const checks = await restorePreflight(target, validation, options);
	return {stage: checks.every(c => c.ok) ? 'ready' : 'target-not-ready', validation, bytesNeeded, checks};
}
