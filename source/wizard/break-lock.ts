/**
 * The server's writer lock in the wizard (ARCHITECTURE.md, "The run and its journal"): asked for when Begin
 * is pressed, before any confirmation. Held by a run that may still work: said, and the wizard stops
 * (nothing was changed). Held by a run believed gone: who holds it, since when and why the tool believes
 * it gone, then a typed confirmation naming the holder's machine; only that breaks it (journaled by the run).
 * Each screen draws the `server-locked` event of app/claim-server.ts, as a scripted run prints it.
 */
import {EXIT} from '../errors/exit-codes.js';
import type {ServerLocked} from '../app/claim-server.js';
import type {Screen} from './state.js';

/** The confirmation's step id: not a step of any run, a question about the lock. */
export const BREAK_LOCK_STEP = 'break-lock';

function utc(iso: string): string {
	return `${iso.slice(0, 19).replace('T', ' ')} UTC`;
}

/** The word to type: the holder's machine name (or BREAK when the lock names no holder). */
export function breakLockWord(refusal: ServerLocked): string {
	return refusal.holder?.machine || 'BREAK';
}

/** Who holds the server and since when, why it is believed gone, and what breaking it means. */
export function holderLines(refusal: ServerLocked): string[] {
	const {holder} = refusal;
	return [
		holder
			? `Held by run ${holder.runId} (${holder.what}) of ${holder.user} on ${holder.machine}, process ${holder.pid}, since ${utc(holder.since)}; last refreshed ${utc(holder.refreshed)}. Its journal is on ${holder.machine}: ${holder.journal}.`
			: `The lock ${refusal.lockFolder} names no holder.`,
		...(refusal.gone ? [`Why dsmn-resync believes it is gone: ${refusal.gone}.`] : []),
	];
}

/** The typed confirmation that breaks a lock believed gone. */
export function breakLockConfirmation(refusal: ServerLocked): Extract<Screen, {name: 'confirm'}> {
	return {
		name: 'confirm',
		step: BREAK_LOCK_STEP,
		title: 'Another dsmn-resync holds this server',
		changes: [
			...holderLines(refusal),
			'If that run is only unfinished, leave (q) and resume or roll it back where it ran. Break the lock only if you are sure no one is working on this server: two runs on one database would undo each other. Breaking it is written in this run’s journal.',
		],
		typed: '',
		word: breakLockWord(refusal),
	};
}

/** Held by a run that may still work: nothing was changed, and nothing is offered but waiting. */
export function lockRefused(refusal: ServerLocked): Extract<Screen, {name: 'summary'}> {
	return {
		name: 'summary',
		title: 'Refused: another dsmn-resync holds this server',
		lines: [...holderLines(refusal), `What to do: ${refusal.advice}`],
		ok: false,
		exit: EXIT.failed,
	};
}
