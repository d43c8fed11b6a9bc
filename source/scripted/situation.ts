/**
 * What the scripted run adds for the server's situation (ARCHITECTURE.md, "The command line and the front
 * ends"): the restore that fits the PDC (`--pdc same`: RestoreRun; `--pdc new`, the PDC was lost: NewPdcRun),
 * and the dsmpack repair offered when MSSYNC is found stopped (`--repair dsmpack`). The last lines, what to
 * check after the run, are the use case both front ends call (app/after-run-checks.ts).
 */
import type {ScriptedAnswers} from '../app/scripted-answers.js';
import {NewPdcRun} from '../procedure/new-pdc-run.js';
import {restoreRoleRefusal} from '../procedure/new-pdc.js';
import {RestoreRun} from '../procedure/restore-run.js';
import type {Target} from '../targets/capabilities.js';
import type {Check} from '../targets/preflight.js';

type RestoreAnswers = Extract<ScriptedAnswers, {intent: 'restore'}>;

/** The restore this server's situation calls for, begun on the validated backup. */
export function beginRestoreFor(target: Target, folder: string, answers: RestoreAnswers): Promise<RestoreRun | NewPdcRun> {
	const options = {synchronize: answers.synchronize};
	return answers.pdc === 'new' ? NewPdcRun.begin(target, folder, options) : RestoreRun.begin(target, folder, options);
}

/** A restore refused because the server reports itself as a BDC (where the target can ask it); undefined: go on. */
export async function roleRefusal(target: Target, pdc: 'same' | 'new'): Promise<{message: string; advice: string} | undefined> {
	const learned = await target.serverVersion?.learn().catch(() => undefined);
	return restoreRoleRefusal(learned?.info?.role, pdc);
}

/** MSSYNC found stopped before a restore: the repair that keeps what changed since the backup, offered (not run). */
export function repairOffer(checks: readonly Check[]): string | undefined {
	const service = checks.find(c => c.name === 'service');
	if (service?.state !== 'STOPPED') return undefined;
	return 'MSSYNC is stopped. If it will not start after a crash or a power cut, dsmpack /r may repair the database in place and keep what changed since the backup (KB Q197852): --repair dsmpack, instead of --flow restore, tries that first. This run restores, as asked.';
}
