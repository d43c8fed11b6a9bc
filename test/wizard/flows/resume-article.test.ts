/**
 * A run found unfinished, offered on the resume screen: the header names the article the run follows, as it
 * did when the run began (KB Q154761 for the restore on a new PDC, Q197852 for the dsmpack repair, Q148678
 * for the restore on the PDC that ran DSMN), from the claims table.
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseCommandLine} from '../../../source/cli/parse-args.js';
import {createLab} from '../../../source/lab/create.js';
import {LAB_DEFAULTS, type LabOptions} from '../../../source/lab/options.js';
import {labPaths} from '../../../source/lab/state.js';
import {NewPdcRun} from '../../../source/procedure/new-pdc-run.js';
import {RepairRun} from '../../../source/procedure/repair-run.js';
import {RestoreRun} from '../../../source/procedure/restore-run.js';
import type {ProcedureRun} from '../../../source/procedure/procedure-run.js';
import type {Target} from '../../../source/targets/capabilities.js';
import {labTarget} from '../../../source/targets/lab/lab-target.js';
import {WizardController} from '../../../source/wizard/controller.js';
import {tempDir} from '../../helpers/run-cli.js';

const fast = {serviceTimeoutMs: 3000, pollIntervalMs: 20};

/** A lab with a run of this kind begun, its first step done, then left: what the wizard finds. */
async function cutOff(lab: Partial<LabOptions>, begin: (target: Target, dir: string) => Promise<ProcedureRun>): Promise<string> {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 10, ...lab});
	const run = await begin(labTarget(dir), dir);
	await run.execute(run.nextStep()!);
	return dir;
}

async function resumeHeader(dir: string): Promise<string | undefined> {
	const command = parseCommandLine(['--lab', dir]);
	if (command.kind !== 'wizard') throw new Error('not the wizard');
	const controller = new WizardController(command.options, {platform: 'linux', progressIntervalMs: 0});
	try {
		await controller.start();
		expect(controller.getState().screen.name).toBe('resume');
		return controller.getState().kb;
	} finally {
		await controller.dispose();
	}
}

describe('the resume screen names the article of the run it offers', () => {
	it('a restore on a new PDC: KB Q154761', async () => {
		const dir = await cutOff({newPdc: true}, (target, lab) => NewPdcRun.begin(target, labPaths(lab).backup, {timings: fast}));
		expect(await resumeHeader(dir)).toMatch(/\bQ154761\b/);
		expect(await resumeHeader(dir)).not.toMatch(/Q148678/);
	});

	it('a dsmpack repair: KB Q197852', async () => {
		const dir = await cutOff({wontStart: true}, target => RepairRun.begin(target, {timings: fast}));
		expect(await resumeHeader(dir)).toMatch(/\bQ197852\b/);
		expect(await resumeHeader(dir)).not.toMatch(/Q148678/);
	});

	it('a restore on the PDC that ran DSMN: KB Q148678', async () => {
		const dir = await cutOff({}, (target, lab) => RestoreRun.begin(target, labPaths(lab).backup, {timings: fast}));
		expect(await resumeHeader(dir)).toMatch(/\bQ148678\b/);
	});
});
