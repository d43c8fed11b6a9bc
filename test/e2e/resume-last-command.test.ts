import {join} from 'node:path';
import {describe, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {folderPerTest} from '../helpers/file-temp-dirs.js';
import {runCli} from '../helpers/run-cli.js';
import {KEYS, PtySession} from './pty-session.js';
import {restoreUpTo} from './restore-keys.js';

/** Each test's own folder, kept until the file ends: the tests run side by side (test/helpers/file-temp-dirs.ts). */
const folder = folderPerTest('dsmn-e2e-');

/** A lab as `lab create DIR --pace 0` makes it, made in-process (the CLI's own start is the walk's). */
async function makeLab() {
	const dir = join(await folder(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0});
	return dir;
}

describe.concurrent('the resume screen shows the last command the run sent, as the step screens do', () => {
	it("left at the Start MSSYNC confirmation: the copy step's last query, named with its step", async ({expect}) => {
		const dir = await makeLab();
		const first = new PtySession(['--lab', dir], {cols: 120});
		await restoreUpTo(first, 'start-service');
		await first.type(KEYS.down);
		await first.waitFor(/❯ Not now — leave/);
		await first.type(KEYS.enter);
		await first.waitFor('Leave dsmn-resync?');
		await first.type('y');
		expect((await first.exited).exitCode).toBe(130);

		const again = new PtySession(['--lab', dir], {cols: 120});
		await again.waitFor('was left at a safe point');
		expect(again.screen()).toContain('Last command (Copy the backup into SYNCAGNT, its check that MSSYNC stayed stopped): sc query MSSYNC');
		// Once: the session's own line is not drawn under it.
		expect(again.screen().match(/Last command/g)).toHaveLength(1);
		await again.type('q');
		await again.waitFor('Leave dsmn-resync?');
		await again.type('y');
		await again.exited;
	});

	it('a scripted restore that failed at Start MSSYNC: the command that failed', async ({expect}) => {
		const dir = await makeLab();
		expect((await runCli(['lab', 'fault', dir, 'start-refused'])).exitCode).toBe(0);
		const scripted = await runCli(['--lab', dir, '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', join(dir, 'backup'), '--yes']);
		expect(scripted.exitCode).toBe(1);

		const session = new PtySession(['--lab', dir], {cols: 120});
		await session.waitFor('stopped when "Start MSSYNC" failed');
		expect(session.screen()).toMatch(/Last command \(Start MSSYNC\): (net start|sc query) MSSYNC/);
		await session.type('q');
		await session.waitFor('Leave dsmn-resync?');
		await session.type('y');
		await session.exited;
	});
});
