import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseCommandLine} from '../../source/cli/parse-args.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {choicesOf} from '../../source/wizard/choices.js';
import {WizardController} from '../../source/wizard/controller.js';
import type {Screen} from '../../source/wizard/state.js';
import {failureHelp, runningHelp} from '../../source/wizard/step-help.js';
import {rollbackConfirmation} from '../../source/wizard/rollback-confirmation.js';
import {tempDir} from '../helpers/run-cli.js';

describe('the choices of a confirmation', () => {
	it('the roll back\'s "No" never says nothing has been changed: the run it would undo has changed things', () => {
		const labels = choicesOf(rollbackConfirmation('/lab/SYNCAGNT.before-restore-1', 'RUNNING'), true)?.items.map(item => item.label);
		expect(labels).toEqual(['Yes — Roll back', 'No — go back (nothing is rolled back: the run stays as it is)']);
		expect(labels?.join('\n')).not.toContain('nothing has been changed');
	});
});

describe('the choices after a failed roll back (issue 29)', () => {
	const failed = {
		name: 'failure' as const,
		step: 'rollback',
		title: 'Roll back',
		message: 'nothing had been changed on disk, but MSSYNC is still stuck stopping (STOP_PENDING) after 8 s',
		advice: "clear the practice lab's stop-hangs fault",
		canRollback: false,
	};

	it('retrying goes on from where it stopped, and leaving finishes the roll back later: never "runs it again from its start" or "resume"', () => {
		const items = choicesOf(failed)?.items ?? [];
		expect(items.map(item => item.label)).toEqual([
			'Retry the roll back — it goes on from where it stopped',
			'Stop here — leave; start again later to finish the roll back',
		]);
		const help = failureHelp(failed, []).join('\n');
		expect(help).toContain('Retry the roll back — it goes on from where it stopped: nothing it did is undone twice.');
		expect(help).not.toMatch(/again from its start|to resume/);
		expect(help).toContain('start again on this target to finish the roll back');
	});

	it('while it runs, `?` says it moves back only what the run moved: nothing, when the run moved nothing', () => {
		const help = runningHelp({name: 'running', step: 'rollback', title: 'Rolling back', progress: {kind: 'service', state: 'STOP_PENDING'}}).join('\n');
		expect(help).toContain('It moves back what the run moved, if anything, and brings MSSYNC back to the state the run found');
		expect(help).not.toContain('It moves the files back');
	});
});

describe('the first screen (the inspection)', () => {
	const labWith = async (lab: Partial<typeof LAB_DEFAULTS>) => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, ...lab});
		const command = parseCommandLine(['--lab', dir]);
		if (command.kind !== 'wizard') throw new Error('not the wizard');
		const controller = new WizardController(command.options, {progressIntervalMs: 0});
		await controller.start();
		return controller;
	};
	const offered = (controller: WizardController) => choicesOf(controller.getState().screen)?.items ?? [];

	it('does not offer "Only synchronize" while MSSYNC is stopped (it will not start after a crash): the repair comes first', async () => {
		const controller = await labWith({wontStart: true});
		// Why it is stopped, as the lab knows it (its last start's failure, as lab status says it: issue 29).
		expect(controller.getState().screen).toMatchObject({
			name: 'inspect',
			service: expect.stringMatching(/^STOPPED — last start failed: -550 JET_errDatabaseDirtyShutdown: MSSYNC\.MDB was not shut down cleanly/),
		});
		expect(offered(controller).map(item => item.value)).toEqual(['continue']);
		expect(offered(controller)[0]?.label).toMatch(/repair/);
		await controller.dispose();
	});

	it('offers it while MSSYNC runs', async () => {
		const controller = await labWith({});
		expect(offered(controller).map(item => item.value)).toEqual(['continue', 'synchronize']);
		expect(choicesOf(controller.getState().screen)?.initial).toBe(0);
		await controller.dispose();
	});

	// The last walk: after Event 8005 every mark is blue and the screen says to choose Fully synchronize under
	// "Only synchronize all servers", but the pointer started on "Continue: restore or reconstruct".
	it('starts the pointer on "Only synchronize" when Event 8005 stands and every mark is blue', () => {
		const screen = {
			name: 'inspect',
			syncagnt: '/s',
			service: 'RUNNING',
			servers: [],
			files: 11,
			others: [],
			real: false,
			checks: [],
			event8005: '2026-12-07 12:00',
		} satisfies Screen;
		expect(choicesOf(screen)?.initial).toBe(1);
		expect(choicesOf(screen)?.items[1]?.value).toBe('synchronize');
		const {event8005: _, ...without} = screen;
		expect(choicesOf(without)?.initial).toBe(0);
	});
});
