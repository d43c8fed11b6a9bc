/**
 * The first questions (ARCHITECTURE.md, "The wizard"): what the admin sees, and which PDC this is. They
 * establish the situation before the backup question, which still follows and still branches into
 * restore or reconstruct. "MSSYNC will not start" offers the dsmpack repair first; a lost PDC (the PDC
 * question's "No") restores onto the new PDC (KB Q154761) rather than over the database (KB Q148678). Each
 * is asked once: the symptom question asks what the admin sees, the PDC question which PDC this is. What each
 * procedure does and says is `procedure/new-pdc.ts`'s and `procedure/repair-and-check.ts`'s.
 */
import {cite} from '../../procedure/claims.js';
import {PDC_CHOICES, pdcExplanation} from '../../procedure/new-pdc.js';
import {dsmpackInstructions, SYMPTOMS, type Symptom} from '../../procedure/repair-and-check.js';
import type {ServerInfo} from '../../services/server-role.js';
import {roleLines} from './situation-role.js';
import type {Screen} from '../state.js';

type Question = Extract<Screen, {name: 'situation'}>;

/** What the admin sees: the symptoms of `repair-and-check.ts` (which PDC this is, the PDC question asks). */
export type WizardSymptom = Symptom;

/**
 * `stopped`: the service state the first screen showed, when it was STOPPED. The pointer then starts on
 * "MSSYNC will not start", and the question says why: what the tool found, not the usual case, comes first.
 */
export function symptomQuestion(stopped?: string): Question {
	return {
		name: 'situation',
		step: 'symptom',
		title: 'What brings you here?',
		lines: [
			'The answer decides the first steps: a repair first, or a restore or a reconstruct. Whether the PDC was lost is asked before any restore.',
			...(stopped === undefined ? [] : [`The first screen found MSSYNC stopped: the pointer starts on "${SYMPTOMS['wont-start']}".`]),
		],
		items: [
			{label: SYMPTOMS['red-x'], value: 'red-x'},
			{label: `${SYMPTOMS['wont-start']}: a repair with dsmpack is offered first`, value: 'wont-start'},
		],
		initial: stopped === undefined ? 0 : 1,
		help: {
			why: 'A red X that synchronizing does not clear is the case KB Q148678 is written for. When MSSYNC will not start after a crash, dsmpack /r often repairs the database in place, without losing what changed since the last backup. If the PDC itself was lost, say so when asked, before any restore: the backup then goes onto the promoted BDC in another way.',
			kb: `A red X: ${cite('red-x', ['Q148678'])}. Repair with dsmpack: ${cite('dsmpack', ['Q197852'])}. The PDC was lost: ${cite('new-pdc')}.`,
		},
	};
}

/** "This PDC ran DSMN all along, or a new PDC"; `role`: what the server says of itself, where the target can ask. */
export function pdcQuestion(role: ServerInfo | undefined): Question {
	const [same, lost, ...rest] = pdcExplanation();
	return {
		name: 'situation',
		step: 'pdc',
		title: 'Is this the PDC that ran DSMN all along?',
		lines: roleLines(role),
		items: [
			{label: `Yes — ${PDC_CHOICES.same.label}`, value: 'same'},
			{label: `No — ${PDC_CHOICES.new.label}`, value: 'new'},
		],
		initial: 0,
		help: {why: `${same} ${lost}`, kb: rest.join(' ')},
	};
}

/**
 * "MSSYNC will not start" while the first screen found it RUNNING (`service`, as that screen showed it):
 * the two do not fit, since MSSYNC runs only once JET has opened its database. Asked again rather than
 * refused: a database JET refuses can let MSSYNC start and stop again within moments, after the look.
 */
export function runningQuestion(service: string): Question {
	return {
		name: 'situation',
		step: 'running',
		title: 'MSSYNC is running: does it stop again by itself?',
		lines: [
			`The first screen found MSSYNC ${service}. It runs only once JET has opened its database, so a database it cannot open would not let it run for long.`,
			'If it stops again by itself soon after it starts (Event Viewer, Application log: MSSYNC errors at start), the repair fits. If it keeps running, what you see is the red X.',
		],
		items: [
			{label: 'It stops again soon after it starts: offer the repair with dsmpack', value: 'wont-start'},
			{label: 'It keeps running: what I see is a red X', value: 'red-x'},
		],
		initial: 0,
		help: {
			why: 'The dsmpack repair is for a database MSSYNC cannot open; while MSSYNC runs, its database opened. The steps for a red X that synchronizing does not clear are the restore or the reconstruct.',
			kb: `Repair with dsmpack: ${cite('dsmpack', ['Q197852'])}. A red X: ${cite('red-x', ['Q148678'])}.`,
		},
	};
}

/** "MSSYNC will not start": the repair offered first, before anything is replaced. */
export function repairQuestion(): Question {
	return {
		name: 'situation',
		step: 'repair',
		title: 'Repair the database with dsmpack /r first?',
		lines: [
			'dsmpack repairs and compacts MSSYNC.MDB where it is and keeps the old one as mssync.bkp: nothing changed since the last backup is lost. A restore comes after it only if MSSYNC still will not start.',
		],
		items: [
			{label: 'Yes — repair first with dsmpack /r (keeps mssync.bkp)', value: 'repair'},
			{label: 'No — go on to the backup question (restore or reconstruct)', value: 'skip'},
		],
		initial: 0,
		help: {
			why: dsmpackInstructions().join(' '),
			kb: `Repair with dsmpack /r: ${cite('dsmpack', ['Q197852'])}. If JET then refuses the logs with error -530: ${cite('jet-530')}.`,
		},
	};
}

/** The values of a symptom's items, as the flow reads them. */
export function isSymptom(value: string): value is WizardSymptom {
	return value === 'red-x' || value === 'wont-start';
}
