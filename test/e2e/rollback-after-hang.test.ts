/**
 * The roll back after a Stop MSSYNC that hangs (issue 29, a walker's "Wrong" finding), walked in a
 * pseudo-terminal as an admin would: the lab's stop-hangs fault, the restore's Stop MSSYNC fails, Roll back.
 * Its confirmation, failure and end say only what is true: nothing had been changed on disk, MSSYNC is stuck
 * stopping, the lab's fault is what to clear; once it is cleared, a retry ends the roll back without
 * counting files that were never moved.
 */
import {join} from 'node:path';
import {describe, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {folderPerTest} from '../helpers/file-temp-dirs.js';
import {runCli} from '../helpers/run-cli.js';
import {KEYS, PtySession} from './pty-session.js';
import {restoreUpTo} from './restore-keys.js';

/** Each test's own folder, kept until the file ends (test/helpers/file-temp-dirs.ts). */
const folder = folderPerTest('dsmn-e2e-');

/** The screen as one line: sentences wrapped over rows read whole. */
const flat = (session: PtySession) => session.screen().replace(/\s+/g, ' ');

describe('the roll back after a Stop MSSYNC that hangs (issue 29)', () => {
	it('says nothing was changed on disk, that MSSYNC is stuck stopping and how to end it; retried once the fault is cleared, it ends without counting files', async ({
		expect,
	}) => {
		const dir = join(await folder(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0});
		expect((await runCli(['lab', 'fault', dir, 'stop-hangs'])).exitCode).toBe(0);
		// Wide enough that no sentence or command is wrapped: the words are what this test reads.
		const session = new PtySession(['--lab', dir], {cols: 200, rows: 40, env: {DSMN_RESYNC_SERVICE_TIMEOUT: '2'}});
		await restoreUpTo(session, 'stop-service');
		await session.type('y');
		await session.waitFor('Roll back — put everything back as it was');
		await session.type(KEYS.down);
		await session.waitFor(/❯ Roll back/);
		await session.type(KEYS.enter);

		// The confirmation: what the journal recorded (nothing moved or copied) and MSSYNC as it is now.
		await session.waitFor('⚠ Roll back');
		const confirm = flat(session);
		expect(confirm).toContain('Nothing had been changed on disk: the run moved and copied no file, so the roll back moves none.');
		expect(confirm).toContain(
			'MSSYNC is stuck stopping (STOP_PENDING): the roll back waits up to 2 s for it to stop, then starts it again, as the run found it.',
		);
		expect(confirm).toMatch(/It will not stop until you clear the practice lab's stop-hangs fault \(.*lab fault .* clear/);
		expect(confirm).not.toMatch(/Stops MSSYNC if it runs|leaves MSSYNC running/);
		await session.type('y');

		// The failure: only what happened, and the lab's way out, not "wait a few seconds".
		await session.waitFor('What to do:');
		const failure = flat(session);
		expect(failure).toContain('nothing had been changed on disk, but MSSYNC is still stuck stopping (STOP_PENDING) after 2 s');
		expect(failure).toMatch(/What to do: clear the practice lab's stop-hangs fault \(node \S+ lab fault \S+ clear/);
		expect(failure).not.toMatch(/files are back|would not start again|wait a few seconds/);

		// The fault cleared: the roll back is retried from the failure screen and ends.
		expect((await runCli(['lab', 'fault', dir, 'clear'])).exitCode).toBe(0);
		await session.waitFor(/❯ Retry/);
		await session.type(KEYS.enter);
		await session.waitFor('Rolled back: SYNCAGNT is as it was');
		const end = flat(session);
		expect(end).toContain('Nothing had been changed on disk (the run moved and copied no file), so no file was moved; MSSYNC running again, as it was found');
		expect(end).not.toMatch(/\b0 original files/);
		const status = await runCli(['lab', 'status', dir]);
		expect(status.stdout).toMatch(/Service MSSYNC \(Directory Service Manager for NetWare\): RUNNING/);
		await session.type(KEYS.enter);
		expect((await session.exited).exitCode).toBe(0);
	});
});
