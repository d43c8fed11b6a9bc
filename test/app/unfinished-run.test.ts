/** The unfinished run as the resume screen has it (issue 29): the step that sent the last command, named truly. */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {beginRestore} from '../../source/app/begin-run.js';
import {serviceOnResume} from '../../source/app/service-as-found.js';
import {resumeUnfinished} from '../../source/app/unfinished-run.js';
import {findUnfinishedRun} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths, loadLab, saveLab} from '../../source/lab/state.js';
import {RestoreRun} from '../../source/procedure/restore-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {tempDir} from '../helpers/run-cli.js';

describe('resumeUnfinished', () => {
	it('after the copy, its last command (the check that MSSYNC stayed stopped) is said to be that check; MSSYNC is said stopped', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 20});
		const target = labTarget(dir);
		const run = await beginRestore(target, {backup: labPaths(dir).backup});
		for (const step of ['stop-service', 'move-aside', 'copy-backup']) expect(await run.execute(step)).toMatchObject({status: 'done'});
		await run.noteInterrupted('user');
		run.leaveServer();
		const {run: resumed, found} = await resumeUnfinished(target, (await findUnfinishedRun(labPaths(dir).journal))!);
		expect(found.lastCommand).toEqual({
			command: target.service.describe('query'),
			title: 'Copy the backup into SYNCAGNT, its check that MSSYNC stayed stopped',
			step: 'copy-backup',
		});
		expect(await serviceOnResume(resumed)).toBe(
			'MSSYNC is stopped (it was running when this run began): DSMN synchronizes nothing until the run is resumed or rolled back.',
		);
		await resumed.end('abandoned');
	});

	it('after a roll back that stopped, MSSYNC down is said to last until the roll back is finished, not "resumed" (issue 29)', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 20});
		const target = labTarget(dir);
		const run = await beginRestore(target, {backup: labPaths(dir).backup});
		expect(await run.execute('stop-service')).toMatchObject({status: 'done'});
		// MSSYNC's start is refused by the lab's fault: the roll back stops after it began.
		await saveLab(dir, {...(await loadLab(dir)), fault: 'start-refused'});
		expect(await run.rollback()).toMatchObject({status: 'failed'});
		run.leaveServer();
		const {run: again, found} = await resumeUnfinished(target, (await findUnfinishedRun(labPaths(dir).journal))!);
		// The roll back's own last command, the start the lab refused: not Stop MSSYNC's, as if the roll back sent none.
		expect(found.lastCommand).toEqual({command: target.service.describe('start'), title: 'Roll back', step: 'rollback'});
		expect(await serviceOnResume(again)).toBe(
			'MSSYNC is stopped (it was running when this run began): DSMN synchronizes nothing until its roll back is finished.',
		);
		again.leaveServer();
	});

	it("after a roll back that waited for a stop that hangs: its last query, named as the roll back's wait, not a check that MSSYNC stayed stopped (issue 29)", async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 20});
		await saveLab(dir, {...(await loadLab(dir)), fault: 'stop-hangs'});
		const target = labTarget(dir);
		const run = await RestoreRun.begin(target, labPaths(dir).backup, {timings: {serviceTimeoutMs: 500, pollIntervalMs: 20}});
		expect(await run.execute('stop-service')).toMatchObject({status: 'failed'});
		expect(await run.rollback()).toMatchObject({status: 'failed', message: expect.stringMatching(/STOP_PENDING/)});
		run.leaveServer();
		const {run: again, found} = await resumeUnfinished(target, (await findUnfinishedRun(labPaths(dir).journal))!);
		expect(found.lastCommand).toEqual({command: target.service.describe('query'), title: 'Roll back', step: 'rollback'});
		again.leaveServer();
	});
});
