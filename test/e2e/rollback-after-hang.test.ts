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
import {frameProblems, wordsOf} from './narrow-frames.js';
import {KEYS, PtySession, settled} from './pty-session.js';
import {restoreUpTo} from './restore-keys.js';

/** Each test's own folder, kept until the file ends (test/helpers/file-temp-dirs.ts). */
const folder = folderPerTest('dsmn-e2e-');

/** The screen as one line: sentences wrapped over rows read whole. */
const flat = (session: PtySession) => session.screen().replace(/\s+/g, ' ');

/**
 * The screen fits a narrow terminal as narrow-walk.test.ts checks it: the header in view, no word split (every
 * word is one of the same screen drawn 200 columns wide), no unit parted.
 */
async function fits(session: PtySession, cols: number, rows: number): Promise<string[]> {
	const narrow = await settled(session);
	await session.resize(200, 50);
	const wide = new Set(wordsOf(await settled(session)));
	await session.resize(cols, rows);
	await settled(session);
	return frameProblems(narrow, wide);
}

/** The walk to the roll back's confirmation: the stop that hangs fails, Roll back is chosen. */
async function toRollbackConfirmation(session: PtySession): Promise<void> {
	await restoreUpTo(session, 'stop-service');
	await session.type('y');
	await session.waitFor('Roll back — put everything back as it was', 30_000);
	await session.type(KEYS.down);
	await session.waitFor(/❯ Roll back/);
	await session.type(KEYS.enter);
	await session.waitFor('⚠ Roll back');
}

async function hangingLab(): Promise<string> {
	const dir = join(await folder(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0});
	const staged = await runCli(['lab', 'fault', dir, 'stop-hangs']);
	if (staged.exitCode !== 0) throw new Error(staged.stderr);
	return dir;
}

// Its confirmation, failure and end at 60×20 and 80×24 (the walker's "roll-back confirm line breaks unevenly"): side by side.
describe.concurrent('the roll back after a Stop MSSYNC that hangs, on small terminals (issue 29)', () => {
	for (const [cols, rows] of [
		[60, 20],
		[80, 24],
	] as const)
		it(`its confirmation, failure and end fit ${cols}×${rows}: the header in view, no word split`, async ({expect}) => {
			const dir = await hangingLab();
			const session = new PtySession(['--lab', dir], {cols, rows, env: {DSMN_RESYNC_SERVICE_TIMEOUT: '2'}});
			await toRollbackConfirmation(session);
			expect(await fits(session, cols, rows), session.screen()).toEqual([]);
			await session.type('y');
			await session.waitFor('What to do:', 30_000);
			expect(await fits(session, cols, rows), session.screen()).toEqual([]);
			expect((await runCli(['lab', 'fault', dir, 'clear'])).exitCode).toBe(0);
			await session.type(KEYS.enter);
			await session.waitFor('Rolled back: SYNCAGNT is as it was', 30_000);
			expect(await fits(session, cols, rows), session.screen()).toEqual([]);
			await session.type(KEYS.enter);
			expect((await session.exited).exitCode).toBe(0);
		});
});

describe('the roll back after a Stop MSSYNC that hangs (issue 29)', () => {
	it('says nothing was changed on disk, that MSSYNC is stuck stopping and how to end it; retried once the fault is cleared, it ends without counting files', async ({
		expect,
	}) => {
		const dir = await hangingLab();
		// Wide enough that no sentence or command is wrapped: the words are what this test reads.
		const session = new PtySession(['--lab', dir], {cols: 200, rows: 40, env: {DSMN_RESYNC_SERVICE_TIMEOUT: '2'}});
		// The confirmation: what the journal recorded (nothing moved or copied) and MSSYNC as it is now.
		await toRollbackConfirmation(session);
		const confirm = flat(session);
		expect(confirm).toContain('Nothing had been changed on disk: the run moved and copied no file, so the roll back moves none.');
		expect(confirm).toContain(
			'MSSYNC is stuck stopping (STOP_PENDING): the roll back waits up to 2 s for it to stop, then starts it again, as the run found it.',
		);
		// The lab's command as it works from where the admin is (node …/cli.js, as launched), not "dsmn-resync".
		expect(confirm).toMatch(/It will not stop until you clear the practice lab's stop-hangs fault [^.]*node \S+ lab fault \S+ clear/);
		expect(confirm).not.toMatch(/Stops MSSYNC if it runs|leaves MSSYNC running/);
		await session.type('y');

		// The failure: only what happened, and the lab's way out, not "wait a few seconds".
		await session.waitFor('What to do:');
		const failure = flat(session);
		// The failure screen's message opens a sentence (the log line above continues one: "Roll back failed: nothing…").
		expect(failure).toContain('Nothing had been changed on disk, but MSSYNC is still stuck stopping (STOP_PENDING) after 2 s');
		expect(failure).toMatch(/What to do: clear the practice lab's stop-hangs fault [^.]*node \S+ lab fault \S+ clear/);
		expect(failure).not.toMatch(/files are back|would not start again|wait a few seconds/);

		// The fault cleared: the roll back is retried from the failure screen and ends.
		expect((await runCli(['lab', 'fault', dir, 'clear'])).exitCode).toBe(0);
		await session.waitFor(/❯ Retry/);
		await session.type(KEYS.enter);
		await session.waitFor('Rolled back: SYNCAGNT is as it was');
		const end = flat(session);
		expect(end).toContain('Nothing had been changed on disk (the run moved and copied no file), so no file was moved; MSSYNC running again, as it was found');
		expect(end).not.toMatch(/\b0 original files/);
		// The servers never lost their red X: not "again".
		expect(end).toContain('FS2, FS4, FS5 still show a red X, as before the run.');
		const status = await runCli(['lab', 'status', dir]);
		expect(status.stdout).toMatch(/Service MSSYNC \(Directory Service Manager for NetWare\): RUNNING/);
		await session.type(KEYS.enter);
		expect((await session.exited).exitCode).toBe(0);
	});
});
