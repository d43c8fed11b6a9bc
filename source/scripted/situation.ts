/**
 * What the scripted run adds for the server's situation (ARCHITECTURE.md, "The command line and the front
 * ends"): the restore that fits the PDC (`--pdc same`: RestoreRun; `--pdc new`, the PDC was lost: NewPdcRun),
 * the dsmpack repair offered when MSSYNC is found stopped (`--repair dsmpack`), and the optional
 * DSMDUMP/DSMCHK check named on the last lines (procedure/repair-and-check.ts).
 */
import type {ScriptedAnswers} from '../app/scripted-answers.js';
import {loadLab} from '../lab/state.js';
import {NewPdcRun} from '../procedure/new-pdc-run.js';
import {restoreRoleRefusal} from '../procedure/new-pdc.js';
import type {ProcedureRun} from '../procedure/procedure-run.js';
import {resultCheckInstructions} from '../procedure/repair-and-check.js';
import {RepairRun} from '../procedure/repair-run.js';
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

/** The last lines of a finished restore or repair: the optional check, with the exact commands. */
export async function closingCheck(run: ProcedureRun, target: Target): Promise<string[]> {
	if (run.flow === 'reconstruct') return [];
	const next = run instanceof RepairRun ? run.afterRepair() : [];
	const servers = await target.servers.list().then(
		list => list.map(s => s.name),
		() => [],
	);
	const lab = target.kind === 'lab' ? await loadLab(target.location).catch(() => undefined) : undefined;
	const practice = lab
		? [
				`In this lab the same check: dsmn-resync lab dsmchk ${target.location} -d ${lab.domain} -u USERNAME, and dsmn-resync lab dsmdump ${target.location} with MSSYNC stopped.`,
			]
		: [];
	return [...next, ...resultCheckInstructions(lab?.domain, servers), ...practice];
}
