/**
 * The restore's last confirmation says what the synchronize chosen does (issue 29, a walker's "Wrong"): the
 * plain "Synchronize all servers" was described as a full one ("DSMN propagates again … the accounts … It
 * can take a long time"). On a lab whose backup is 6 days old (the full one recommended), the walk
 * (test/e2e/restore-keys.ts) takes one or the other up to the synchronize's confirmation, reads it, and leaves.
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {folderPerTest} from '../helpers/file-temp-dirs.js';
import {runCli} from '../helpers/run-cli.js';
import {KEYS, PtySession} from './pty-session.js';
import {restoreUpTo} from './restore-keys.js';

const folder = folderPerTest('dsmn-sync-confirm-');

/** The confirmation of the synchronize chosen, as one paragraph. */
async function confirmationOf(kind: 'normal' | 'full'): Promise<string> {
	const dir = join(await folder(), 'lab');
	expect((await runCli(['lab', 'create', dir, '--backup-age', '6', '--pace', '0'])).exitCode).toBe(0);
	// Tall enough that no line of the confirmation is left to its `?`.
	const session = new PtySession(['--lab', dir], {cols: 100, rows: 40});
	try {
		// "Synchronize all servers" is the first of the two, above the recommended one.
		await restoreUpTo(session, 'synchronize', kind === 'normal' ? () => session.type(KEYS.up) : undefined);
		return session.screen().replace(/\s+/g, ' ');
	} finally {
		await session.kill();
	}
}

describe.concurrent('the confirmation of the synchronize chosen', () => {
	it('"Synchronize all servers" sends what DSMN still lists as needed, not every account', async () => {
		const text = await confirmationOf('normal');
		expect(text).toContain(
			'Runs "Synchronize all servers": DSMN sends each managed NetWare server the account updates its database still lists as needed there',
		);
		expect(text).toContain('It does not send every account again');
		expect(text).toMatch(
			/How long it takes depends on the number of NetWare servers to synchronize and the number of accounts to propagate: it may take a significant amount of time \(KB Q148678\)/,
		);
		expect(text).not.toMatch(/propagates again|sent again to each/);
	}, 60_000);

	it('"Fully synchronize all servers" sends every account again, and takes longer', async () => {
		const text = await confirmationOf('full');
		expect(text).toContain('Runs "Fully synchronize all servers": every propagated account is sent again to each managed NetWare server');
		expect(text).toContain('It takes longer than Synchronize all servers: about the number of accounts times the number of servers.');
		expect(text).not.toContain('still lists as needed');
	}, 60_000);
});
