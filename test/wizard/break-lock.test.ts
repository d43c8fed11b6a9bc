/**
 * The wizard and the server's writer lock (issue 27, item 2): asked for when Begin is pressed, before any
 * confirmation. A holder believed gone is named (who, since when, why) and the lock is broken only after the
 * holder's machine name is typed, journaled as --break-lock is; a holder that may still work is a refusal.
 * Before, the wizard showed a failed "Stop MSSYNC" after its confirmation and offered no way to break it.
 */
import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {WizardOptions} from '../../source/app/options.js';
import {parseCommandLine} from '../../source/cli/parse-args.js';
import {readJournal} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {labStatus} from '../../source/lab/status.js';
import {WizardController} from '../../source/wizard/controller.js';
import {tempDir} from '../helpers/run-cli.js';

function options(argv: string[]): WizardOptions {
	const command = parseCommandLine(argv);
	if (command.kind !== 'wizard') throw new Error('not the wizard');
	return command.options;
}

const screen = (c: WizardController) => c.getState().screen;

/** A lab whose server lock is held by DESK-B, last refreshed `agoMs` ago; the wizard on the plan screen. */
async function atPlanWithLock(agoMs: number) {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0});
	const lock = join(dirname(labPaths(dir).syncagnt), 'SYNCAGNT.dsmn-resync-lock');
	await mkdir(lock);
	const at = new Date(Date.now() - agoMs).toISOString();
	const holder = {
		machine: 'DESK-B',
		user: 'colleague',
		pid: 4242,
		since: at,
		refreshed: at,
		runId: 'NTPDC-20261206-101500',
		journal: 'C:\\j.jsonl',
		what: 'a restore run',
	};
	await writeFile(join(lock, 'HOLDER.JSON'), JSON.stringify(holder));
	const controller = new WizardController(options(['--lab', dir]), {progressIntervalMs: 0});
	await controller.start();
	void controller.answers.inspect('continue');
	await controller.answers['ask-backup']('yes');
	await controller.dispatch({type: 'submit-text'});
	await controller.answers.validation('accept');
	await controller.answers.situation('normal');
	expect(screen(controller).name).toBe('plan');
	return {dir, lock, controller};
}

describe('the wizard and the server writer lock', {timeout: 120_000}, () => {
	it('names a holder believed gone and breaks its lock only after its machine name is typed; the break is journaled', async () => {
		const {dir, lock, controller} = await atPlanWithLock(10 * 60_000);
		await controller.answers.plan('begin');
		expect(screen(controller)).toMatchObject({
			name: 'confirm',
			step: 'break-lock',
			word: 'DESK-B',
			changes: expect.arrayContaining([
				expect.stringMatching(/^Held by run NTPDC-20261206-101500 \(a restore run\) of colleague on DESK-B, process 4242, since .* UTC/),
				expect.stringMatching(/^Why dsmn-resync believes it is gone: no refresh for 10 minutes/),
			]),
		});
		expect((await labStatus(dir)).service.state).toBe('RUNNING');
		void controller.dispatch({type: 'type-text', text: 'DESK-A'});
		await controller.dispatch({type: 'submit-text'});
		expect(screen(controller)).toMatchObject({name: 'confirm', step: 'break-lock', error: expect.stringContaining('DESK-B')});
		expect(JSON.parse(await readFile(join(lock, 'HOLDER.JSON'), 'utf8'))).toMatchObject({machine: 'DESK-B'});

		void controller.dispatch({type: 'erase-text', what: 'line'});
		void controller.dispatch({type: 'type-text', text: 'DESK-B'});
		await controller.dispatch({type: 'submit-text'});
		expect(screen(controller)).toMatchObject({name: 'confirm', step: 'stop-service'});
		expect((await labStatus(dir)).service.state).toBe('RUNNING'); // the first step still waits for its own confirmation
		const journals = await readdir(labPaths(dir).journal);
		const entries = (await Promise.all(journals.map(name => readJournal(join(labPaths(dir).journal, name))))).flat();
		expect(entries).toContainEqual(
			expect.objectContaining({
				type: 'writer-lock',
				action: 'broken',
				holder: expect.objectContaining({machine: 'DESK-B'}),
				reason: expect.stringContaining('no refresh'),
			}),
		);
		// The refused first attempt changed nothing and was closed: one run remains, this one.
		expect(entries.filter(e => e.type === 'run-ended')).toEqual([expect.objectContaining({outcome: 'nothing-changed'})]);
		await controller.dispose();
	});

	it('refuses, with who and since when, while the holder may still work: nothing is offered to break and nothing changes', async () => {
		const {dir, lock, controller} = await atPlanWithLock(1000);
		const before = await readFile(join(lock, 'HOLDER.JSON'), 'utf8');
		await controller.answers.plan('begin');
		expect(screen(controller)).toMatchObject({
			name: 'summary',
			title: 'Refused: another dsmn-resync holds this server',
			exit: 1,
			lines: expect.arrayContaining([expect.stringMatching(/^Held by run NTPDC-20261206-101500/), expect.stringMatching(/^What to do: wait for it to finish/)]),
		});
		expect(await readFile(join(lock, 'HOLDER.JSON'), 'utf8')).toBe(before);
		expect((await labStatus(dir)).service.state).toBe('RUNNING');
		await controller.dispose();
	});
});
