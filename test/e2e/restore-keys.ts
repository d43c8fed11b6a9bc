import {KEYS, type PtySession} from './pty-session.js';
import {throughSituation, throughSynchronizeChoice, type OnScreen} from './situation-keys.js';

/** The restore flow's confirmations, in order, as the wizard shows them on a lab. */
const CONFIRMATIONS = [
	['stop-service', /Runs "net stop MSSYNC"/],
	['move-aside', /Moves \d+ files out of/],
	['copy-backup', /⚠ Copy the backup into SYNCAGNT/],
	['start-service', /Runs "net start MSSYNC"/],
	['synchronize', /Runs "(Fully s|S)ynchronize all servers"/],
] as const;

export type RestoreConfirmation = (typeof CONFIRMATIONS)[number][0];

/**
 * By keystrokes, from the first look at a lab to the confirmation named, confirming every one before it;
 * `onSynchronizeChoice` may move the pointer off the recommended synchronize before it is taken.
 */
export async function restoreUpTo(session: PtySession, last: RestoreConfirmation, onSynchronizeChoice?: OnScreen): Promise<void> {
	await session.waitFor(/servers? shows? a red X\./);
	await session.type(KEYS.enter);
	await throughSituation(session);
	await session.waitFor('Do you have a backup');
	await session.type(KEYS.enter);
	await session.waitFor('Which folder holds the backup?');
	await session.type(KEYS.enter);
	await session.waitFor('I have read the warning: continue');
	await session.type(KEYS.enter);
	await throughSynchronizeChoice(session, onSynchronizeChoice);
	await session.waitFor('The plan (KB Q148678)');
	await session.type(KEYS.enter);
	for (const [step, shown] of CONFIRMATIONS) {
		await session.waitFor(shown);
		if (step === last) return;
		if (step === 'copy-backup') await session.type(...'RESTORE', KEYS.enter);
		else await session.type('y');
	}
}
