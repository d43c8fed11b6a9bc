/**
 * The lists chosen from with the arrows and Enter: which items each screen offers, and where its pointer
 * starts. The screens draw them (source/ui/widgets/Select.tsx), the pointer is kept by `ChoiceCursor`
 * (choice-cursor.ts) and Enter acts on the item under it (intent.ts): one list, read by all three
 * (ARCHITECTURE.md, "Keys and type-ahead").
 */
import {formatBytes, formatDate} from '../text/format.js';
import {safeText} from '../text/sanitize.js';
import {ntVersionChoices} from './nt-version-question.js';
import type {Choice, Screen} from './state.js';

/** The answers each screen's items may give (Enter gives one to the controller): checked, never cast (intent.ts). */
export const CHOICE_VALUES = {
	target: ['lab', 'windows', 'remote'],
	resume: ['resume', 'rollback', 'leave'],
	inspect: ['continue', 'again', 'leave', 'synchronize'],
	'ask-backup': ['yes', 'no', 'unsure'],
	validation: ['accept', 'back', 'nt-4.0', 'nt-3.51'],
	plan: ['begin'],
	manual: ['done', 'later'],
	consequences: ['go', 'no-supervisor'],
	'password-policy': ['random', 'initial'],
	confirm: ['yes', 'no'],
	failure: ['retry', 'retry-failed', 'rollback', 'finish', 'stop'],
} as const satisfies Record<string, readonly string[]>;

/** What each screen's items stand for: the answer Enter gives to the controller. */
export type ChoiceValues = {[S in keyof typeof CHOICE_VALUES]: (typeof CHOICE_VALUES)[S][number]} & {
	/** A folder found by the search. */
	discover: string;
	/** A situation question's items are its own (flows/situation-*.ts). */
	situation: string;
};

/** Whether `value` is one of the answers the screen's items give. */
/** A roll back after a synchronize began: DSMN does not take back what the NetWare servers received (wizard/step-help.ts says it too). */
const ROLLBACK_KEEPS_SENT = 'Roll back SYNCAGNT and MSSYNC — what the servers received stays';

export function isChoiceOf<S extends keyof typeof CHOICE_VALUES>(screen: S, value: string): value is ChoiceValues[S] {
	const values: readonly string[] = CHOICE_VALUES[screen];
	return values.includes(value);
}

export type ChoiceScreen = keyof ChoiceValues;

/** A screen's list: its items, and the one the pointer starts on. */
export type ChoiceList = {items: Choice[]; initial: number};

/** MSSYNC as the inspection found it: stopped, or on its way to stopped (an unknown state is not said to be stopped). */
const stopped = (service: string): boolean => /^(STOPPED|STOP_PENDING)\b/.test(service);

const list = <V extends string>(items: Choice<V>[], initial = 0): ChoiceList => ({items, initial});

/** The list on this screen, or none (a text field, a running step, a summary, a multi-select with its own cursor). */
export function choicesOf(screen: Screen, canGoBack = false): ChoiceList | undefined {
	switch (screen.name) {
		case 'target':
			return list<ChoiceValues['target']>([
				{label: 'The practice lab — a simulated NT server and NetWare servers; nothing real is touched', value: 'lab'},
				{label: 'This Windows machine — a rehearsal against a service named MSSYNC here (never the DSMN server itself)', value: 'windows'},
				{label: 'A remote NT server — the PDC running DSMN: a real recovery', value: 'remote'},
			]);
		case 'resume':
			return list<ChoiceValues['resume']>([
				...(screen.rollbackBegan
					? []
					: [{label: screen.next ? `Resume — continue with "${screen.next}"` : 'Resume — close the run', value: 'resume' as const}]),
				...(screen.canRollback
					? [
							{
								label: screen.rollbackBegan ? 'Continue the roll back' : 'Roll back — put SYNCAGNT and MSSYNC back as they were before the run',
								value: 'rollback' as const,
							},
						]
					: []),
				{label: 'Leave it for now — it stays in the journal', value: 'leave' as const},
			]);
		case 'inspect':
			return list<ChoiceValues['inspect']>(
				screen.checks.some(c => !c.ok)
					? [
							{label: 'Check again', value: 'again'},
							{label: 'Leave (nothing was changed)', value: 'leave'},
						]
					: stopped(screen.service)
						? // Synchronizing alone cannot work while MSSYNC is stopped (flows/synchronize-only.ts): the repair comes first.
							[{label: 'Continue: repair, restore or reconstruct', value: 'continue'}]
						: [
								{label: 'Continue: restore or reconstruct', value: 'continue'},
								{label: 'Only synchronize all servers (nothing else is changed)', value: 'synchronize'},
							],
				// Event 8005 standing with every mark blue: the screen says to fully synchronize, so the pointer starts there.
				screen.event8005 && screen.checks.every(c => c.ok) && !stopped(screen.service) ? 1 : 0,
			);
		case 'ask-backup':
			return list<ChoiceValues['ask-backup']>([
				screen.pdc === 'new'
					? {label: 'Yes — restore it onto this new PDC (KB Q154761)', value: 'yes'}
					: {label: 'Yes — restore it (KB Q148678, steps 1–4)', value: 'yes'},
				{label: 'No — reconstruct the NetWare account information', value: 'no'},
				{label: 'Not sure — search for backup sets', value: 'unsure'},
			]);
		case 'discover': {
			const usable = screen.results?.filter(r => !r.live) ?? [];
			if (usable.length === 0) return undefined;
			return list<ChoiceValues['discover']>(
				usable.slice(0, 8).map(r => ({
					label: `${safeText(r.folder)} — ${formatDate(r.modified)}, ${r.files} files, ${formatBytes(r.size)}${r.madeByTool ? ` — made by dsmn-resync: ${r.madeByTool.includes('before-restore') ? 'the database a restore replaced' : 'files a roll back took out'}, not a backup` : ''}`,
					value: r.folder,
				})),
			);
		}
		case 'validation': {
			const {report} = screen;
			// The verdict waits for the server's NT version: asked here, before "continue" is offered.
			const nt = ntVersionChoices(report);
			if (nt) return list<ChoiceValues['validation']>([...nt, {label: 'Choose another folder', value: 'back'}]);
			return report.valid
				? list<ChoiceValues['validation']>([
						{
							label: report.warnings.length
								? `I have read the ${report.warnings.length === 1 ? 'warning' : `${report.warnings.length} warnings`}: continue`
								: 'Continue',
							value: 'accept',
						},
						{label: 'Choose another folder', value: 'back'},
					])
				: list<ChoiceValues['validation']>([{label: 'Choose another folder', value: 'back'}]);
		}
		case 'plan':
			return list<ChoiceValues['plan']>([{label: 'Begin', value: 'begin'}]);
		case 'situation':
			return list(screen.items, screen.initial);
		case 'manual':
			// The pointer starts on "Not yet".
			return list<ChoiceValues['manual']>(
				[
					{label: 'I have done it — go on', value: 'done'},
					{label: 'Not yet — leave; start again to confirm it later', value: 'later'},
				],
				1,
			);
		case 'consequences':
			// --supervisor answered the login's question: only the answer given is offered, saying where it came from.
			return list<ChoiceValues['consequences']>([
				...(screen.supervisor === 'no'
					? []
					: [
							{
								label:
									screen.supervisor === 'yes'
										? 'I understand: choose the servers (a Supervisor login on each: --supervisor yes)'
										: 'I understand: choose the servers',
								value: 'go' as const,
							},
						]),
				...(screen.supervisor === 'yes'
					? []
					: [
							{
								label:
									screen.supervisor === 'no' ? 'No Supervisor login on some of them (--supervisor no): what now' : 'I have no Supervisor login on some of them',
								value: 'no-supervisor' as const,
							},
						]),
			]);
		case 'password-policy':
			return list<ChoiceValues['password-policy']>([
				{label: 'A random password for each user, listed in a private file (safer)', value: 'random'},
				{label: 'One initial password you type; each user must change it at next logon', value: 'initial'},
			]);
		case 'confirm':
			// A typed word is asked instead where the step cannot be undone.
			if (screen.word !== undefined) return undefined;
			return list<ChoiceValues['confirm']>([
				{label: `Yes — ${screen.title}`, value: 'yes'},
				{
					label: !canGoBack
						? 'Not now — leave; start again later to resume'
						: // Offered only after the run changed something: going back leaves it as it is, never "nothing changed".
							screen.step === 'rollback'
							? 'No — go back (nothing is rolled back: the run stays as it is)'
							: screen.changed
								? 'No — go back (this step is not done; what the run did before stays)'
								: 'No — go back (nothing has been changed)',
					value: 'no',
				},
			]);
		case 'failure':
			return list<ChoiceValues['failure']>(
				screen.step === 'synchronize' && screen.failedServers?.length
					? [
							{label: `Retry ${screen.failedServers.join(', ')}`, value: 'retry-failed'},
							{label: `Finish — leave ${screen.failedServers.length === 1 ? 'it' : 'them'} red for now`, value: 'finish'},
							...(screen.canRollback ? [{label: ROLLBACK_KEEPS_SENT, value: 'rollback' as const}] : []),
						]
					: [
							// A roll back goes on from where it stopped (nothing it did is undone twice): not "this step" from its start.
							{label: screen.step === 'rollback' ? 'Retry the roll back — it goes on from where it stopped' : 'Retry this step', value: 'retry'},
							...(screen.canRollback
								? [{label: screen.step === 'synchronize' ? ROLLBACK_KEEPS_SENT : 'Roll back — put everything back as it was', value: 'rollback' as const}]
								: []),
							{label: `Stop here — leave; start again later to ${screen.step === 'rollback' ? 'finish the roll back' : 'resume'}`, value: 'stop'},
						],
			);
		default:
			return undefined;
	}
}
