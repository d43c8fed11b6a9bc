import {KEYS, type PtySession} from './pty-session.js';

/** What a walk does on each screen it reaches, before it answers it: a test's own checks of that screen. */
export type OnScreen = () => void | Promise<void>;

/** The situation questions before the backup question, answered as the usual case: a red X on the PDC that ran DSMN. */
export async function throughSituation(session: PtySession, onScreen?: OnScreen): Promise<void> {
	await session.waitFor('What brings you here?');
	await onScreen?.();
	await session.type(KEYS.enter);
	await session.waitFor('Is this the PDC that ran DSMN all along?');
	await onScreen?.();
	await session.type(KEYS.enter);
}

/** "Synchronize or Fully synchronize", before a restore's plan: the recommended one (under the pointer). */
export async function throughSynchronizeChoice(session: PtySession, onScreen?: OnScreen): Promise<void> {
	// The recommended item, at the bottom of the question (on a short terminal the lines above it are cut, counted).
	await session.waitFor(/[❯>] .*ynchronize all servers \(recommended\)/);
	await onScreen?.();
	await session.type(KEYS.enter);
}
