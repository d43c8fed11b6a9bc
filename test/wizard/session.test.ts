/**
 * What the wizard's parts share (source/wizard/session.ts): how a run left with MSSYNC not as found says to
 * bring it back, on "Stop here" after a roll back that failed on a stop that hangs (issue 29): the hang is
 * ended first, said as the other screens say it, or "Continue the roll back" fails the same way.
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {stoppedEvent} from '../../source/app/stop-run.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths, loadLab, saveLab} from '../../source/lab/state.js';
import {RestoreRun} from '../../source/procedure/restore-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {WizardSession} from '../../source/wizard/session.js';
import {stoppedHere} from '../../source/wizard/summary.js';
import {tempDir} from '../helpers/run-cli.js';
import {wizardOptions} from '../helpers/wizard-walk.js';

describe('WizardSession.bringBack', () => {
	it('a roll back that failed on a stop that hangs: "Stop here" says MSSYNC is stuck stopping and to clear the hang before "Continue the roll back"', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0});
		await saveLab(dir, {...(await loadLab(dir)), fault: 'stop-hangs'});
		const run = await RestoreRun.begin(labTarget(dir), labPaths(dir).backup, {timings: {serviceTimeoutMs: 300, pollIntervalMs: 20}});
		expect(await run.execute('stop-service')).toMatchObject({status: 'failed'});
		expect(await run.rollback()).toMatchObject({status: 'failed'});
		const session = new WizardSession(wizardOptions(['--lab', dir]), {launcher: 'npm start --'});
		const stopped = stoppedHere(await stoppedEvent(run, 'rollback', session.bringBack(run)), session.again());
		const service = stopped.lines.find(line => line.startsWith('MSSYNC'));
		expect(service).toBe(
			`MSSYNC is stuck stopping (STOP_PENDING; it was running when this run began): DSMN synchronizes nothing until it runs again. To bring it back: ` +
				`clear the practice lab's stop-hangs fault (what a restart of the PDC would do) with npm start -- lab fault ${dir} clear; ` +
				`then start again with the command above, then "Continue the roll back" (MSSYNC is left running, as found).`,
		);
		run.leaveServer();
	});

	it('stopped, or with no hang to end: the command above and what to choose, as before', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0});
		const run = await RestoreRun.begin(labTarget(dir), labPaths(dir).backup, {timings: {serviceTimeoutMs: 2000, pollIntervalMs: 20}});
		expect(await run.execute('stop-service')).toMatchObject({status: 'done'});
		const session = new WizardSession(wizardOptions(['--lab', dir]), {});
		expect(session.bringBack(run)('RUNNING', 'STOPPED')).toBe(
			'start again with the command above, then Resume (it goes on with "Move the current database aside", and starts MSSYNC at "Start MSSYNC") or Roll back (SYNCAGNT as it was, MSSYNC running as found)',
		);
		run.leaveServer();
	});
});
