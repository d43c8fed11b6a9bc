/**
 * Where the situation leads inside the restore branch (ARCHITECTURE.md, "The wizard"): the dsmpack
 * repair offered first when MSSYNC will not start, and the restore onto a new PDC (KB Q154761). Pure
 * wording: the steps and their texts are `procedure/repair-and-check.ts`'s and `procedure/new-pdc.ts`'s.
 */
import {EXIT} from '../../errors/exit-codes.js';
import {NEW_PDC_BACKUP_FOLDER, newPdcSteps} from '../../procedure/new-pdc.js';
import {dsmpackInstructions} from '../../procedure/repair-and-check.js';
import type {Target} from '../../targets/capabilities.js';
import type {Screen} from '../state.js';

type Summary = Extract<Screen, {name: 'summary'}>;

/**
 * The repair: dsmpack runs at the PDC's own prompt, so the tool says how and stops (exit 3, a step done
 * by hand); the lab has a stand-in for it.
 */
export function repairByHand(target: Pick<Target, 'kind' | 'location'>, again: string): Summary {
	return {
		name: 'summary',
		title: 'Repair the database with dsmpack /r first: nothing was changed',
		ok: true,
		exit: EXIT.manual,
		lines: [
			...dsmpackInstructions(),
			...(target.kind === 'lab' ? [`In the practice lab, this does what dsmpack /r does: dsmn-resync lab dsmpack ${target.location}`] : []),
			`Then start again (${again}): if MSSYNC runs, choose "Only synchronize all servers"; if it still will not start, answer the backup question and restore.`,
		],
	};
}

/** The restore onto a new PDC, until the tool runs it: its steps, to do by hand (Esc goes back to change an answer). */
export function newPdcPlan(target: Pick<Target, 'database'>, backup: string, synchronizeLine: string): Summary {
	const steps = newPdcSteps(true);
	return {
		name: 'summary',
		title: 'The restore onto a new PDC is not run by this version of the tool: nothing was changed',
		ok: false,
		exit: EXIT.manual,
		lines: [
			`Do these steps by hand on the new PDC, with the backup in ${backup}:`,
			...steps.map((step, i) => `${i + 1}. ${step.title} — ${step.kb}`),
			`The backup subfolder is ${target.database.files.join(target.database.syncagnt, NEW_PDC_BACKUP_FOLDER)}.`,
			synchronizeLine,
			'Esc goes back to change an answer.',
		],
		back: true,
	};
}
