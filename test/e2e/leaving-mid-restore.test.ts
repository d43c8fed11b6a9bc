import {join} from 'node:path';
import {describe, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labStatus} from '../../source/lab/status.js';
import {folderPerTest} from '../helpers/file-temp-dirs.js';
import {CLI, runCli} from '../helpers/run-cli.js';
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

/** MSSYNC's state as `lab status` reports it (its own function, in-process). */
const serviceState = async (dir: string) => (await labStatus(dir)).service.state;

/** The history as one line per paragraph: the last frame's lines are wrapped at the terminal's width. */
const unwrapped = (session: PtySession) => session.history().replace(/[ ]*\n[ ]*/g, ' ');

const STOPPED = 'MSSYNC is stopped (it was running when this run began): DSMN synchronizes nothing until it runs again. To bring it back:';

describe.concurrent('leaving mid-restore with MSSYNC stopped: the last screen says so, and how to bring it back', () => {
	it('"Not now — leave" at the Start MSSYNC confirmation', async ({expect}) => {
		const dir = await makeLab();
		const session = new PtySession(['--lab', dir], {cols: 200});
		await restoreUpTo(session, 'start-service');
		await session.type(KEYS.down);
		await session.waitFor(/❯ Not now — leave/);
		await session.type(KEYS.enter);
		await session.waitFor('Leave dsmn-resync?');
		await session.type('y');
		expect((await session.exited).exitCode).toBe(130);
		expect(await serviceState(dir)).toBe('STOPPED');
		expect(session.screen()).toContain('Left at a safe point');
		// The command to come back stands whole on its own line; the MSSYNC line points to it.
		expect(unwrapped(session)).toContain(
			`start again on this target: node ${CLI} --lab ${dir} ${STOPPED} start again with the command above, then Resume (it goes on with "Start MSSYNC") or Roll back`,
		);
	});

	it('a closed terminal (SIGHUP) at the same point', async ({expect}) => {
		const dir = await makeLab();
		const session = new PtySession(['--lab', dir], {cols: 200});
		await restoreUpTo(session, 'start-service');
		await session.kill('SIGHUP');
		expect((await session.exited).exitCode).toBe(130);
		expect(unwrapped(session)).toContain(STOPPED);
	});

	it('a scripted restore that stops at Start MSSYNC says the same', async ({expect}) => {
		const dir = await makeLab();
		expect((await runCli(['lab', 'fault', dir, 'start-refused'])).exitCode).toBe(0);
		const result = await runCli(['--lab', dir, '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', join(dir, 'backup'), '--yes']);
		expect(result.exitCode).toBe(1);
		expect(await serviceState(dir)).toBe('STOPPED');
		expect(result.stdout).toContain(`${STOPPED} run the same command again with --resume (it goes on with "Start MSSYNC"), or with --rollback`);
		// The staged fault is the cause, not a Jet error in an Event Viewer the lab has not; its command as launched.
		expect(result.stdout).toContain(
			`What to do: clear the practice lab's start-refused fault, which refuses every start of MSSYNC (node ${CLI} lab fault ${dir} clear), then retry, or roll back`,
		);
		expect(result.stdout).not.toContain('Event Viewer');
		const json = await runCli(['--lab', dir, '--resume', '--json']);
		// The run's last line, "stopped", says it (app/stop-run.ts).
		expect(json.stdout).toContain('"service":"MSSYNC is stopped (it was running when this run began)');
	});

	// A stop that hangs once ended with "--resume (it goes on to "Start MSSYNC")", but resuming tries Stop MSSYNC again first.
	it('a scripted restore whose Stop MSSYNC hangs (STOP_PENDING): what to do, and --resume names the step it tries again', async ({expect}) => {
		const dir = await makeLab();
		expect((await runCli(['lab', 'fault', dir, 'stop-hangs'])).exitCode).toBe(0);
		const args = ['--lab', dir, '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', join(dir, 'backup'), '--yes'];
		const result = await runCli(args, {env: {DSMN_RESYNC_SERVICE_TIMEOUT: '1'}});
		expect(result.exitCode).toBe(1);
		// The lab's stop that hangs is its fault: only clearing it ends it (a real PDC's advice: wait, or restart it); its command as launched (no dsmn-resync on the PATH here).
		expect(result.stdout).toContain(
			`What to do: clear the practice lab's stop-hangs fault (what a restart of the PDC would do) with node ${CLI} lab fault ${dir} clear, then retry this step, or roll back (no file was moved: a roll back only puts MSSYNC back as the run found it)`,
		);
		expect(result.stdout).not.toContain('dsmn-resync lab');
		expect(result.stdout).not.toContain('what Control Panel');
		expect(result.stdout).not.toContain('stop it from Control Panel');
		expect(result.stdout).toContain(
			'run the same command again with --resume (it goes on with "Stop MSSYNC", and starts MSSYNC at "Start MSSYNC"), or with --rollback',
		);
		expect(result.stdout).not.toContain('goes on to "Start MSSYNC"');
	});
});
