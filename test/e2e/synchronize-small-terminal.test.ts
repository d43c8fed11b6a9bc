/**
 * "Synchronize all servers" on a small terminal with many servers: split from synchronize.test.ts, in
 * `npm run test:slow` (32 servers of 1000 accounts take a while to synchronize).
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli, tempDir} from '../helpers/run-cli.js';
import {KEYS, PtySession} from './pty-session.js';
import {restoreUpTo} from './restore-keys.js';

/** Drives the restore flow up to the end of "Synchronize all servers". */
async function restoreUntilSynchronized(session: PtySession) {
	await restoreUpTo(session, 'synchronize');
	await session.type('y');
}

describe('"Synchronize all servers" in a pseudo-terminal', () => {
	it('fits a 60×20 terminal, keeping the live area shorter than the screen', async () => {
		const dir = join(await tempDir(), 'lab');
		expect((await runCli(['lab', 'create', dir, '--servers', '32', '--accounts', '1000', '--pace', '3'])).exitCode).toBe(0);
		const session = new PtySession(['--lab', dir], {cols: 60, rows: 20});
		await restoreUntilSynchronized(session);
		await session.waitFor(/… and \d+ more/);
		const screen = session.screen().split('\n');
		expect(screen.every(line => line.length <= 60)).toBe(true);
		expect(screen.filter(line => line.startsWith('dsmn-resync · KB Q148678'))).toHaveLength(1);
		await session.waitFor(/Done/, 30_000);
		// Nothing but the wizard may write to the terminal (a Node warning on stderr once broke this screen).
		expect(session.raw).not.toMatch(/Warning|\(node:\d+\)/);
		await session.type(KEYS.enter);
		await session.exited;
	});
});
