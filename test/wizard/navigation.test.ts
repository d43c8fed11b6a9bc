/** Leaving mid-restore on purpose: the last frame names the real next step and keeps the command whole; the next start says it was left, not cut off. */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {WizardOptions} from '../../source/app/options.js';
import {parseCommandLine} from '../../source/cli/parse-args.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {WizardController} from '../../source/wizard/controller.js';
import {labStatus} from '../../source/lab/status.js';
import {tempDir} from '../helpers/run-cli.js';
import {waitFor} from '../helpers/wait-for.js';
import {controllerOnLab, labController, toFirstConfirmation, toSynchronizeConfirmation} from '../helpers/wizard-walk.js';

function options(argv: string[]): WizardOptions {
	const command = parseCommandLine(argv);
	if (command.kind !== 'wizard') throw new Error('not the wizard');
	return command.options;
}

const screen = (c: WizardController) => c.getState().screen;

describe('leaving a restore at a safe point', {timeout: 120_000}, () => {
	it('after Stop MSSYNC: Resume is said to go on with the move aside, the command stands alone, and the next start says it was left', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0});
		const controller = new WizardController(options(['--lab', dir]), {progressIntervalMs: 0, launcher: 'npm start --'});
		await controller.start();
		await controller.answers.inspect('continue');
		await controller.answers.situation('red-x');
		await controller.answers.situation('same');
		await controller.answers['ask-backup']('yes');
		await controller.dispatch({type: 'submit-text'});
		await controller.answers.validation('accept');
		await controller.answers.situation('full');
		await controller.answers.plan('begin');
		await controller.dispatch({type: 'confirm'}); // Stop MSSYNC
		expect(screen(controller)).toMatchObject({name: 'confirm', step: 'move-aside'});
		void controller.dispatch({type: 'ask-to-leave'});
		await controller.dispatch({type: 'leave'});
		const end = screen(controller);
		if (end.name !== 'summary') throw new Error(`not the last frame: ${end.name}`);
		expect(end.title).toBe('Left at a safe point');
		expect(end.lines).toContain(`npm start -- --lab ${dir}`);
		const service = end.lines.find(line => line.startsWith('MSSYNC is stopped'));
		expect(service).toMatch(/Resume \(it goes on with "Move the current database aside", and starts MSSYNC at "Start MSSYNC"\)/);
		expect(service).not.toContain(dir);
		await controller.dispose();

		const again = new WizardController(options(['--lab', dir]), {progressIntervalMs: 0});
		await again.start();
		expect(screen(again)).toMatchObject({name: 'resume', standing: {state: 'interrupted', signal: 'user'}});
		await again.dispose();
	});
});

describe('leaving during "Synchronize all servers"', {timeout: 120_000}, () => {
	it('says the synchronization stops part way, not that it finishes, and names the servers it left red: the quit question, the last frame and the resume screen', async () => {
		const {dir, controller} = await labController({pace: 20});
		await toFirstConfirmation(controller);
		await toSynchronizeConfirmation(controller);
		expect(screen(controller)).toMatchObject({name: 'confirm', step: 'synchronize'});
		const running = controller.dispatch({type: 'confirm'});
		await waitFor(() => expect(screen(controller)).toMatchObject({name: 'running', step: 'synchronize'}));
		void controller.dispatch({type: 'ask-to-leave'});
		const note = controller.leavingNote();
		expect(note).not.toContain('it will finish to a safe point');
		expect(note).toMatch(
			/^A synchronization is running: on leaving, the synchronization stops at its next safe point, without finishing \(every server is synchronized at the same time\): what the servers received stays, and a server not finished shows a red X until it is run again\./,
		);
		await controller.dispatch({type: 'leave'});
		await running;
		const red = (await labStatus(dir)).servers.filter(s => !s.synchronized).map(s => s.name);
		expect(red.length).toBeGreaterThan(0);
		const said = `"Synchronize all servers" stopped part way: what the servers received before it stopped stays; ${red.join(', ')} show${red.length === 1 ? 's' : ''} a red X until it is run again; resume the run to finish it.`;
		const end = screen(controller);
		expect(end).toMatchObject({name: 'summary', title: 'Left at a safe point'});
		expect(end.name === 'summary' && end.lines).toContain(said);
		expect(controller.getState().log.map(line => line.text)).toContainEqual(
			expect.stringMatching(
				/^Synchronize all servers: synchronization stopped part way: what the servers received before it stopped stays; .* a red X until it is run again$/,
			),
		);
		await controller.dispose();

		const again = controllerOnLab(dir);
		await again.start();
		expect(screen(again)).toMatchObject({name: 'resume', standing: {during: 'synchronize'}, servers: said});
		await again.dispose();
	});
});
