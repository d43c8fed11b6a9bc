/**
 * Keys typed ahead over a slow link arrive in one burst. Each must act on the screen it was meant for,
 * and none may answer a confirmation the admin has not yet seen.
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {labStatusSchema} from '../../source/lab/status.js';
import {runCli, tempDir} from '../helpers/run-cli.js';
import {KEYS, PtySession} from './pty-session.js';
import {restoreUpTo} from './restore-keys.js';

describe('keys typed ahead, in one burst, in a pseudo-terminal', () => {
	it('types RESTORE and Enter from one burst, and never lets the rest of it confirm the next step', async () => {
		const dir = join(await tempDir(), 'lab');
		expect((await runCli(['lab', 'create', dir, '--pace', '0'])).exitCode).toBe(0);
		const session = new PtySession(['--lab', dir]);
		await restoreUpTo(session, 'copy-backup');
		// One write: the word, Enter, and a "y" (and another Enter) meant for whatever comes next.
		await session.type(`RESTORE${KEYS.enter}y${KEYS.enter}`);
		await session.waitFor(/Runs "net start MSSYNC"/);
		await new Promise(resolve => setTimeout(resolve, 500));
		expect(session.screen()).toMatch(/Runs "net start MSSYNC"/);
		const status = labStatusSchema.parse(JSON.parse((await runCli(['lab', 'status', dir, '--json'])).stdout));
		expect(status.service.state).toBe('STOPPED');
		expect(session.history()).toContain('✓ Copy the backup into SYNCAGNT');
		await session.kill('SIGTERM');
	});
});
