import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {labStatusSchema} from '../../source/lab/status.js';
import {runCli, tempDir} from '../helpers/run-cli.js';
import {KEYS, PtySession} from './pty-session.js';
import {restoreUpTo} from './restore-keys.js';

async function status(dir: string) {
	return labStatusSchema.parse(JSON.parse((await runCli(['lab', 'status', dir, '--json'])).stdout));
}

/** Drives the restore flow up to the end of "Synchronize all servers". */
async function restoreUntilSynchronized(session: PtySession) {
	await restoreUpTo(session, 'synchronize');
	await session.type('y');
}

describe('"Synchronize all servers" in a pseudo-terminal', () => {
	it('shows the live view, fails the offline server with its reason, and retries it once it answers', async () => {
		const dir = join(await tempDir(), 'lab');
		expect((await runCli(['lab', 'create', dir, '--pace', '20', '--offline', 'FS3'])).exitCode).toBe(0);
		const session = new PtySession(['--lab', dir], {cols: 80, rows: 24});
		await restoreUntilSynchronized(session);
		await session.waitFor(/\d+\/600 account updates/);
		expect(session.screen()).toMatch(/elapsed · /);
		await session.waitFor('Retry FS3', 20_000);
		// Issue 29: the server named once (it was "FS3 (FS3 did not answer").
		expect(session.screen()).toMatch(/✗ 1 of 5 servers still shows a red X: FS3 did not answer/);
		expect(session.screen()).not.toContain('FS3 (FS3');
		expect(session.raw).toMatch(/✗.*FS3.*FS3 did not answer/);
		const midway = await status(dir);
		expect(midway.servers.filter(s => !s.synchronized).map(s => s.name)).toEqual(['FS3']);

		expect((await runCli(['lab', 'online', dir, 'FS3'])).exitCode).toBe(0);
		await session.type(KEYS.enter);
		await session.waitFor('Done: every server shows a blue check', 20_000);
		await session.type(KEYS.enter);
		expect(await session.exited).toMatchObject({exitCode: 0});
		expect((await status(dir)).servers.every(s => s.synchronized && s.syncAgent)).toBe(true);
	});
});
