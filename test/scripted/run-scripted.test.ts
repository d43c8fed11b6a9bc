/** A scripted run's stop: how to go on, in its own words (source/scripted/run-scripted.ts), on the practice lab in-process. */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {main} from '../../source/cli/main.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {recordingIo} from '../helpers/recording-io.js';
import {runCli, tempDir} from '../helpers/run-cli.js';

describe('a scripted repair that stops', () => {
	it(
		'in the lab, names the lab’s own commands as launched; stopped, says to go on with --resume, never --rollback (a repair cannot be rolled back)',
		{timeout: 60_000},
		async () => {
			const dir = join(await tempDir(), 'lab');
			await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 20, wontStart: true});
			const first = recordingIo({}, '/opt/app/dist/cli.js');
			expect(await main(['--lab', dir, '--repair', 'dsmpack', '--yes'], first.io)).toBe(1);
			// The practice lab's directions, as the wizard's lab end gives them, its commands as launched: not the PDC's Event Viewer.
			expect(first.out()).toContain(`Next: in the practice lab, node /opt/app/dist/cli.js lab sync ${dir} (what Synchronization Manager`);
			expect(first.out()).toContain(`in the practice lab's Application log (node /opt/app/dist/cli.js lab status ${dir})`);
			expect(first.out()).not.toMatch(/Event Viewer on the PDC|Next: in Synchronization Manager/);
			expect(await main(['lab', 'fault', dir, 'start-refused'], recordingIo().io)).toBe(0);
			const again = recordingIo();
			expect(await main(['--lab', dir, '--repair', 'dsmpack', '--yes'], again.io), again.out() + again.err()).toBe(1);
			const text = again.out() + again.err();
			expect(text).toMatch(/the repair did not bring MSSYNC back/);
			expect(text).toMatch(/run the same command again with --resume/);
			expect(text).not.toMatch(/--rollback/);
		},
	);
});

describe('a scripted restore whose Start MSSYNC the practice lab refuses (its start-refused fault)', () => {
	it('says to clear the fault, its command as launched, in text and in --json: not an Event Viewer the lab has not', {timeout: 60_000}, async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 20});
		expect(await main(['lab', 'fault', dir, 'start-refused'], recordingIo().io)).toBe(0);
		const restore = ['--lab', dir, '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', join(dir, 'backup'), '--yes'];
		const text = recordingIo({}, '/opt/app/dist/cli.js');
		expect(await main(restore, text.io), text.out() + text.err()).toBe(1);
		const clear = `clear the practice lab's start-refused fault, which refuses every start of MSSYNC (node /opt/app/dist/cli.js lab fault ${dir} clear), then retry, or roll back`;
		expect(text.out()).toContain(`What to do: ${clear}`);
		expect(text.out()).not.toMatch(/Event Viewer|dsmn-resync lab/);
		const json = recordingIo({}, '/opt/app/dist/cli.js');
		expect(await main(['--lab', dir, '--resume', '--json'], json.io), json.out() + json.err()).toBe(1);
		const failed = json
			.out()
			.split('\n')
			.filter(line => line.includes('"step-failed"'))
			.map(line => JSON.parse(line) as {advice: string});
		expect(failed.map(e => e.advice)).toEqual([clear]);
	});
});

describe('a scripted restore whose Stop MSSYNC hangs (issue 29)', () => {
	it('stopped there: MSSYNC is said stuck stopping, and the hang is ended before the run goes on', {timeout: 60_000}, async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 20});
		expect(await main(['lab', 'fault', dir, 'stop-hangs'], recordingIo().io)).toBe(0);
		const run = await runCli(['--lab', dir, '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', join(dir, 'backup'), '--yes'], {
			env: {DSMN_RESYNC_SERVICE_TIMEOUT: '1'},
		});
		expect(run.exitCode).toBe(1);
		const text = (run.stdout + run.stderr).replace(/\s+/g, ' ');
		expect(text).toMatch(/MSSYNC is stuck stopping \(STOP_PENDING; it was running when this run began\)/);
		expect(text).toMatch(
			/To bring it back: clear the practice lab's stop-hangs fault \([^)]*\) with node \S+cli\.js lab fault \S+ clear; then run the same command again with --resume/,
		);
	});
});
