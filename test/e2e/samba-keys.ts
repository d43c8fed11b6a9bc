/**
 * The first screens of a wizard walk on a real Samba server (test/helpers/samba-server.ts): the remote
 * target chosen, the server's name, the administrator's account and password typed, the look at the
 * target read. Shared by the test/e2e/samba-*.test.ts walks that begin at "What brings you here?".
 */
import {ADMIN_PASSWORD, type SambaServer} from '../helpers/samba-server.js';
import {KEYS, type PtySession} from './pty-session.js';

/**
 * From the first screen to the look at the target, answered for `s`; ends with `until` on screen: the look
 * at the target by default (a run found unfinished shows its resume screen instead).
 */
export async function signInToSamba(session: PtySession, s: SambaServer, until = '✓ Spooler answers: RUNNING'): Promise<void> {
	await session.waitFor('Where do you want to work?');
	await session.type(KEYS.down, KEYS.down, KEYS.enter);
	await session.waitFor('The NT server running DSMN');
	await session.type(...s.name, KEYS.enter);
	await session.waitFor('An administrator account on that server');
	await session.type(...'Administrator', KEYS.enter);
	await session.waitFor("The account's domain");
	await session.type(...'CORP', KEYS.enter);
	await session.waitFor("The account's password");
	await session.type(...ADMIN_PASSWORD);
	await session.waitFor('•'.repeat(ADMIN_PASSWORD.length));
	await session.type(KEYS.enter);
	await session.waitFor(until, 60_000);
}
