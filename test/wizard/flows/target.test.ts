/**
 * Opening a target in the wizard goes through the same use case as a scripted run (ARCHITECTURE.md, "Use
 * cases"): the lab gets the preflight too, and the other targets' unfinished runs are named.
 */
import {copyFile, mkdir, rm} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseCommandLine} from '../../../source/cli/parse-args.js';
import {createLab} from '../../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../../source/lab/options.js';
import {loadLab, saveLab} from '../../../source/lab/state.js';
import {RestoreRun} from '../../../source/procedure/restore-run.js';
import {labTarget} from '../../../source/targets/lab/lab-target.js';
import {choicesOf} from '../../../source/wizard/choices.js';
import {WizardController} from '../../../source/wizard/controller.js';
import {noCommandSentence} from '../../../source/wizard/flows/target.js';
import {tempDir} from '../../helpers/run-cli.js';

async function newLab(name = 'lab') {
	const dir = join(await tempDir(), name);
	await createLab(dir, {...LAB_DEFAULTS, pace: 0});
	return dir;
}

function wizardOn(lab: string): WizardController {
	const command = parseCommandLine(['--lab', lab]);
	if (command.kind !== 'wizard') throw new Error('not the wizard');
	return new WizardController(command.options, {platform: 'linux'});
}

describe('the wizard opening a lab', () => {
	it("counts SYNCAGNT's files as the restore's move-aside counts them, and names the one it leaves in place", async () => {
		const lab = await newLab();
		const controller = wizardOn(lab);
		try {
			await controller.start();
			const screen = controller.getState().screen;
			if (screen.name !== 'inspect') throw new Error(`not the first look: ${screen.name}`);
			const run = await RestoreRun.begin(labTarget(lab), join(lab, 'backup'));
			const moved = await run.previewMoveAside();
			// The lab's SYNCAGNT holds MSSYNC.LOG besides the database: 12 files, of which the restore moves 11.
			expect({files: screen.files, others: screen.others}).toEqual({files: moved.length, others: ['MSSYNC.LOG']});
			expect(moved).not.toContain('MSSYNC.LOG');
		} finally {
			await controller.dispose();
		}
	});

	it('runs the preflight on the lab too: a SYNCAGNT that cannot be written is a failed check, and only "Check again" or "Leave" are offered', async () => {
		const lab = await newLab();
		await rm(labTarget(lab).database.syncagnt, {recursive: true});
		const controller = wizardOn(lab);
		try {
			await controller.start();
			const screen = controller.getState().screen;
			expect(screen).toMatchObject({
				name: 'inspect',
				checks: [{name: 'folder', ok: false, detail: expect.stringContaining('cannot be written'), fix: expect.any(String)}],
			});
			expect(choicesOf(screen, false)?.items.map(i => i.value)).toEqual(['again', 'leave']);
		} finally {
			await controller.dispose();
		}
	});

	it("names another target's unfinished run in the same journal folder, with the commands that continue it, and leaves it alone", async () => {
		const a = await newLab('a');
		const b = await newLab('b');
		const run = await RestoreRun.begin(labTarget(a), join(a, 'backup'));
		await mkdir(join(b, 'journal'), {recursive: true});
		const copy = join(b, 'journal', 'A-20261201-101500.jsonl');
		await copyFile(run.journalPath, copy);
		const controller = wizardOn(b);
		try {
			await controller.start();
			expect(controller.getState().screen).toMatchObject({name: 'inspect'});
			expect(controller.getState().log).toContainEqual(
				expect.objectContaining({
					tone: 'warning',
					text: expect.stringContaining(`is left as it is: ${copy}. To continue it: dsmn-resync --lab ${a} --resume, or dsmn-resync --lab ${a} --rollback`),
				}),
			);
		} finally {
			await controller.dispose();
		}
	});
});

describe('a run found with no command journaled', () => {
	it('tells the finished steps done by hand (manual steps) from those the tool did itself', () => {
		const steps = [
			{title: 'Delete WINNT_SYNC_AGENT from FS1', manual: true},
			{title: 'Add FS1 back to the domain', manual: true},
			{title: 'Synchronize all servers', manual: false},
		];
		// Issue 29: the sentence is the wizard's, finished here; the resume screen only draws it.
		// The resume screen names the finished steps (its ✓ lines, or ? where they do not fit): this names only the exceptions, and
		// says nothing of where they are drawn ("listed below" was untrue when they were left to ?).
		expect(noCommandSentence(['Delete WINNT_SYNC_AGENT from FS1', 'Synchronize all servers', 'Add FS1 back to the domain'], steps)).toBe(
			'none sent to the target; the finished steps were done by hand, as the tool directed, but for Synchronize all servers: done by the tool itself, with no command to show.',
		);
		expect(noCommandSentence(['Delete WINNT_SYNC_AGENT from FS1', 'Add FS1 back to the domain'], steps)).toBe(
			'none sent to the target; the finished steps were done by hand, as the tool directed.',
		);
		expect(noCommandSentence(['Synchronize all servers'], steps)).toBe(
			'none sent to the target; the finished steps were done by the tool itself, with no command to show.',
		);
		expect(noCommandSentence([], steps)).toBe('none: its journal records no command sent to the target.');
	});

	it('a run whose roll back began: the resume screen comes with no step list, whose ticks would be what the roll back undid (issue 29)', async () => {
		const lab = await newLab();
		const target = labTarget(lab);
		const fast = {serviceTimeoutMs: 2000, pollIntervalMs: 20};
		const run = await RestoreRun.begin(target, join(lab, 'backup'), {timings: fast});
		for (const step of ['stop-service', 'move-aside', 'copy-backup']) expect(await run.execute(step)).toMatchObject({status: 'done'});
		await saveLab(lab, {...(await loadLab(lab)), fault: 'start-refused'});
		expect(await run.rollback()).toMatchObject({status: 'failed'});
		run.leaveServer();
		const controller = wizardOn(lab);
		try {
			await controller.start();
			expect(controller.getState()).toMatchObject({screen: {name: 'resume', rollbackBegan: true}});
			expect(controller.getState().steps).toBeUndefined();
		} finally {
			await controller.dispose();
		}
	});
});
