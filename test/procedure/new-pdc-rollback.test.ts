/**
 * The new-PDC run's roll back after a Stop MSSYNC that hangs (issue 29): nothing was copied and no folder
 * made, so its confirmation, failure and end say nothing was changed on disk, never "moves the copies";
 * MSSYNC stuck stopping is waited for, the lab's fault is what to clear, and once it is, the roll back ends.
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {labFaultCommand} from '../../source/cli/lab-commands.js';
import {findUnfinishedRun} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths, loadLab, saveLab} from '../../source/lab/state.js';
import {resumeRun} from '../../source/app/unfinished-run.js';
import {NewPdcRun} from '../../source/procedure/new-pdc-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {tempDir} from '../helpers/run-cli.js';

const fast = {serviceTimeoutMs: 500, pollIntervalMs: 20};
const quiet = {out: () => {}, err: () => {}};

describe('the new-PDC roll back after a Stop MSSYNC that hangs (issue 29)', () => {
	it('says nothing was changed on disk in its confirmation, failure and end; it waits for MSSYNC and names the lab fault to clear', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 20, newPdc: true});
		const paths = labPaths(dir);
		const target = labTarget(dir);
		const before = await hashFolder(paths.syncagnt);
		await saveLab(dir, {...(await loadLab(dir)), fault: 'stop-hangs'});
		const run = await NewPdcRun.begin(target, paths.backup, {timings: fast});
		expect(await run.execute('stop-service')).toMatchObject({status: 'failed', message: expect.stringMatching(/STOP_PENDING/)});

		const explained = run.rollbackExplanation('STOP_PENDING');
		expect(explained.changes[0]).toBe('Nothing had been changed on disk: the run copied no file and made no folder, so the roll back moves none.');
		expect(explained.changes[1]).toMatch(
			/^MSSYNC is stuck stopping \(STOP_PENDING\): the roll back waits up to 1 s for it to stop, then starts it again, as the run found it\. It will not stop until you clear the practice lab's stop-hangs fault/,
		);
		expect(explained.changes.join(' ')).not.toMatch(/Stops MSSYNC if it runs|moves the copies/i);

		const failed = await run.rollback();
		expect(failed).toMatchObject({
			status: 'failed',
			message: 'nothing had been changed on disk, but MSSYNC is still stuck stopping (STOP_PENDING) after 1 s: it cannot be started again until it has stopped',
			advice: expect.stringMatching(/^clear the practice lab's stop-hangs fault/),
		});
		run.leaveServer();

		await labFaultCommand(dir, undefined, quiet);
		const again = await resumeRun(target, (await findUnfinishedRun(target.journalDir))!);
		expect(await again.rollback()).toMatchObject({
			status: 'done',
			summary: 'nothing had been changed on disk (the run copied no file and made no folder), so no file was moved; MSSYNC running again, as it was found',
		});
		expect(await hashFolder(paths.syncagnt)).toEqual(before);
		expect((await loadLab(dir)).service.state).toBe('RUNNING');
	});

	it('continued after its copies went aside, it promises no move and no stop of MSSYNC, and does neither', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 20, newPdc: true});
		const target = labTarget(dir);
		const run = await NewPdcRun.begin(target, labPaths(dir).backup, {timings: fast});
		for (const step of ['stop-service', 'copy-backup']) expect(await run.execute(step)).toMatchObject({status: 'done'});
		// The copies go aside, then MSSYNC's start is refused: the roll back stops there.
		await saveLab(dir, {...(await loadLab(dir)), fault: 'start-refused'});
		expect(await run.rollback()).toMatchObject({status: 'failed'});
		run.leaveServer();
		await labFaultCommand(dir, undefined, quiet);
		expect(await target.service.start()).toMatchObject({ok: true});
		const again = await resumeRun(target, (await findUnfinishedRun(target.journalDir))!);
		if (!(again instanceof NewPdcRun)) throw new Error('not the new-PDC run');
		const explained = again.rollbackExplanation('RUNNING');
		expect(explained.changes).toEqual([
			expect.stringMatching(/^The copies this run made are already in \S+rolled-back\S+ \(kept\): an earlier roll back moved them, so this one moves none\.$/),
			'MSSYNC is running, as the run found it: the roll back leaves it so.',
		]);
		const commands: string[] = [];
		expect(await again.rollback({onCommand: event => void (event.phase === 'start' && commands.push(event.command))})).toMatchObject({status: 'done'});
		expect(commands.filter(command => /stop/.test(command))).toEqual([]);
		expect((await loadLab(dir)).service.state).toBe('RUNNING');
	});
});
