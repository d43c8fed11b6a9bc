/**
 * Where the situation leads inside the restore branch (ARCHITECTURE.md, "The wizard"): the dsmpack
 * repair offered first when MSSYNC will not start, and the restore onto a new PDC (KB Q154761). The
 * plans only: the runs are `procedure/repair-run.ts` and `procedure/new-pdc-run.ts`, their steps and
 * texts `procedure/repair-and-check.ts` and `procedure/new-pdc.ts`.
 */
import {NEW_PDC_BACKUP_FOLDER, newPdcSteps} from '../../procedure/new-pdc.js';
import {repairSteps} from '../../procedure/repair-and-check.js';
import type {StepDef} from '../../procedure/procedure-run.js';
import type {Target} from '../../targets/capabilities.js';
import type {Screen} from '../state.js';

type Plan = Extract<Screen, {name: 'plan'}>;

function stepLine(step: StepDef, byHand: boolean): string {
	if (step.manual) return `${step.title} (${byHand ? 'by you, with instructions' : 'by you'})`;
	return `${step.title}${step.confirmation.kind === 'typed' ? ` (you will type ${step.confirmation.word})` : ''}`;
}

/**
 * "MSSYNC will not start", repair chosen: dsmpack /r, run by the tool in the lab, at the PDC's own prompt elsewhere.
 * `stopFirst`: MSSYNC was not found stopped (procedure/repair-and-check.ts, `stopsFirst`): the plan's first step fits the state found.
 */
export function repairPlan(target: Pick<Target, 'repair' | 'journalDir' | 'database'>, stopFirst = true): Plan {
	const byHand = !target.repair;
	return {
		name: 'plan',
		flow: 'repair',
		steps: repairSteps(byHand, stopFirst).map(step => stepLine(step, true)),
		lines: [
			`dsmpack /r repairs MSSYNC.MDB in ${target.database.syncagnt} where it is (it rewrites that file) and keeps the database as it was as mssync.bkp: no backup is restored, so nothing changed since the last backup is lost.`,
			...(stopFirst ? [] : ['MSSYNC is stopped already, as dsmpack needs it: there is nothing to stop first.']),
			byHand
				? `dsmpack runs at the PDC's own command prompt: the tool ${stopFirst ? 'stops MSSYNC, ' : ''}gives the exact commands, waits for your word, then starts MSSYNC.`
				: "In the practice lab the tool runs the lab's dsmpack.",
			'The repair sends nothing to the NetWare servers: a server with a red X keeps it until the servers are synchronized after the repair (the last screen says how).',
			'If MSSYNC still will not start afterwards, start again and restore the backup.',
			`Journal: ${target.journalDir}`,
		],
	};
}

/** The restore onto a new PDC: the backup into SYNCAGNT's backup subfolder, the new installation's files left as they are. */
export function newPdcPlan(target: Pick<Target, 'sync' | 'journalDir' | 'database'>, backup: string, synchronizeLine: string): Plan {
	return {
		name: 'plan',
		flow: 'new-pdc',
		steps: newPdcSteps(!target.sync).map(step => stepLine(step, true)),
		lines: [
			`Backup: ${backup}`,
			`It goes into ${target.database.files.join(target.database.syncagnt, NEW_PDC_BACKUP_FOLDER)}; the new installation's files in SYNCAGNT stay as they are. A roll back moves the copies aside (kept).`,
			synchronizeLine,
			`Journal: ${target.journalDir}`,
		],
	};
}
