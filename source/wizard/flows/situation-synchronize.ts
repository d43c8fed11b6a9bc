/**
 * The question "Synchronize, or Fully synchronize?" (ARCHITECTURE.md, "Synchronize all servers"): asked
 * before a restore's plan, once the backup's age is known, and before "Only synchronize all servers". What
 * to recommend and why is `procedure/synchronize-choice.ts`'s; here is only the screen it makes.
 */
import {
	event8005Check,
	formatDateOf,
	recommendSynchronize,
	SYNCHRONIZE_CHOICES,
	synchronizeExplanation,
	type SynchronizeAdvice,
	type SynchronizeKind,
} from '../../procedure/synchronize-choice.js';
import {cite} from '../../procedure/claims.js';
import type {Screen} from '../state.js';

export type SynchronizeContext = 'restore' | 'only';

const KINDS: readonly SynchronizeKind[] = ['normal', 'full'];

/**
 * The first screen's line when every server shows a blue check: a blue check does not show Event 8005, so
 * the line says it was logged where the target reads the Application log (`at`, the lab), and where to look
 * where it cannot (`canTell` false).
 */
export function blueCheckLine(canTell: boolean, at: string | undefined): string {
	if (at)
		return `Every server shows a blue check, but MSSYNC logged Event 8005 at ${formatDateOf(at)}: changes it skipped never reached the servers (${cite('change-log-8005')}): choose ${SYNCHRONIZE_CHOICES.full.label} under "Only synchronize all servers".`;
	return canTell
		? 'Every server shows a blue check: there may be nothing to do.'
		: "Every server shows a blue check, which does not show Event 8005: look for it in the PDC's Event Viewer, Log ▸ Application, before deciding there is nothing to do.";
}

/** The advice for a synchronize with no database restored: the recorded position is the live one; Event 8005 logged (`at`, read by the target): fully. */
function adviceWithoutRestore(at?: string): SynchronizeAdvice {
	if (at)
		return {
			recommended: 'full',
			because: `MSSYNC logged Event 8005 at ${formatDateOf(at)} (the practice lab's Application log): changes it skipped never reached the servers (${cite('change-log-8005', ['Q189441'])}); fully synchronize, which sends every account again (${cite('full-synchronize', ['Q253716'])}).`,
		};
	return {
		recommended: 'normal',
		because:
			'Nothing is restored: DSMN continues from its own position in the change log. If Event 8005 is in the Application log since MSSYNC last started, or accounts are wrong on a server that shows a blue check, fully synchronize.',
	};
}

/** The advice for this context: a restore's from the backup's age (`taken`, its newest database file). */
export function synchronizeAdvice(context: SynchronizeContext, taken: string | undefined, now: Date, event8005?: string): SynchronizeAdvice {
	if (context === 'only') return adviceWithoutRestore(event8005);
	return recommendSynchronize(taken === undefined ? undefined : new Date(taken), now);
}

/**
 * The question's screen: the change log explained, the two choices with what each costs, the recommended one first under the pointer.
 * `labStatus`: the practice lab's `lab status` as launched, where its Application log is.
 */
export function synchronizeQuestion(context: SynchronizeContext, advice: SynchronizeAdvice, labStatus?: string): Extract<Screen, {name: 'situation'}> {
	const [first, ...explanation] = synchronizeExplanation(advice);
	const recommendation = explanation.pop()!;
	return {
		name: 'situation',
		step: `synchronize-${context}`,
		title: context === 'restore' ? 'How should the servers be synchronized at the end of the restore?' : 'How should the servers be synchronized?',
		lines: [
			recommendation,
			...KINDS.map(kind => `${SYNCHRONIZE_CHOICES[kind].label}: ${SYNCHRONIZE_CHOICES[kind].consequence}`),
			...event8005Check('normal', labStatus).slice(0, 1),
		],
		items: KINDS.map(kind => ({label: `${SYNCHRONIZE_CHOICES[kind].label}${kind === advice.recommended ? ' (recommended)' : ''}`, value: kind})),
		initial: KINDS.indexOf(advice.recommended),
		// Each thing once (the screen already says where to look for Event 8005), short enough to fit a 60×20 terminal.
		help: {
			why: first!,
			// The box hides the list: the two answers are named, not "both".
			kb: `${SYNCHRONIZE_CHOICES.normal.label} and ${SYNCHRONIZE_CHOICES.full.label} are both on Synchronization Manager's NetWare Server menu (${cite('synchronize-menu', ['Q148678'])}). If Event 8005 is there after MSSYNC starts, changes since the backup were skipped (${cite('change-log-8005', ['Q189441'])}): fully synchronize, which sends every account again (${cite('full-synchronize', ['Q253716'])}).`,
		},
	};
}

/** The plan's line for the choice made. */
export function synchronizePlanLine(kind: SynchronizeKind, advice: SynchronizeAdvice): string {
	return `At the end: ${SYNCHRONIZE_CHOICES[kind].label}${kind === advice.recommended ? ' (recommended)' : ` (recommended: ${SYNCHRONIZE_CHOICES[advice.recommended].label})`}; then look for Event 8005 in the Application log.`;
}
