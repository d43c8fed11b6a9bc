import {KEYS, type PtySession} from './pty-session.js';

/** The situation questions before the backup question, answered as the usual case: a red X on the PDC that ran DSMN. */
export async function throughSituation(session: PtySession): Promise<void> {
	await session.waitFor('What brings you here?');
	await session.type(KEYS.enter);
	await session.waitFor('Is this the PDC that ran DSMN all along?');
	await session.type(KEYS.enter);
}

/** "Synchronize or Fully synchronize", before a restore's plan: the recommended one (under the pointer). */
export async function throughSynchronizeChoice(session: PtySession): Promise<void> {
	// The recommended item, at the bottom of the question: a short terminal scrolls its title away.
	await session.waitFor(/❯ .*ynchronize all servers \(recommended\)/);
	await session.type(KEYS.enter);
}
