/**
 * What a key's intent does to the wizard, seen from outside: each intent is given to a real controller
 * (`dispatch`, as the keymap hands them over) on a practice lab or a stand-in server, and the test reads
 * what the admin would then see (the drawn state) or what the run did (the lab, the journal).
 */
import {readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {WizardOptions} from '../../source/app/options.js';
import {parseCommandLine} from '../../source/cli/parse-args.js';
import {findUnfinishedRun, readJournal} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {labStatus} from '../../source/lab/status.js';
import {WizardController} from '../../source/wizard/controller.js';
import type {Intent} from '../../source/wizard/intent.js';
import {tempDir} from '../helpers/run-cli.js';
import {standinServer} from '../helpers/standin-server.js';

function options(argv: string[]): WizardOptions {
	const command = parseCommandLine(argv);
	if (command.kind !== 'wizard') throw new Error('not the wizard');
	return command.options;
}

async function labWizard(backup = true) {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0, backup});
	const wizard = new WizardController(options(['--lab', dir]), {progressIntervalMs: 0});
	await wizard.start();
	return {dir, wizard};
}

/** Gives the wizard one intent, as a key would, and waits for the work it started. */
const act = async (wizard: WizardController, ...intents: Intent[]) => {
	for (const intent of intents) await wizard.dispatch(intent);
};
const down = (delta = 1): Intent => ({type: 'move-cursor', delta});
const screen = (wizard: WizardController) => wizard.getState().screen;

const savedEnv = {...process.env};
afterEach(() => {
	process.env = {...savedEnv};
});

describe('intents on a real wizard: what the admin sees, and what the run does', () => {
	it('Enter on a list answers with the item under the pointer: the third target asks for the remote host', async () => {
		const wizard = new WizardController(options([]), {makeLabFolder: () => Promise.reject(new Error('no lab was asked for'))});
		await wizard.start();
		expect(screen(wizard).name).toBe('target');
		await act(wizard, down(), down(), down(-1), down(), {type: 'choose'});
		expect(screen(wizard)).toMatchObject({name: 'target-field', field: 'host', input: ''});
		await act(wizard, {type: 'type-text', text: 'NTPDC1?'}, {type: 'erase-text'});
		expect(screen(wizard)).toMatchObject({field: 'host', input: 'NTPDC1'});
		await act(wizard, {type: 'submit-text'});
		expect(screen(wizard)).toMatchObject({name: 'target-field', field: 'username'});
		await act(wizard, {type: 'back'});
		expect(screen(wizard)).toMatchObject({name: 'target-field', field: 'host'});
		await wizard.dispose();
	});

	it('a restore walked by intents alone: typing, completion, help, "No" before and after a change, the typed word, then q and y', async () => {
		const {dir, wizard} = await labWizard();
		const {backup, journal} = labPaths(dir);
		expect(screen(wizard)).toMatchObject({name: 'inspect', service: 'RUNNING'});
		await act(wizard, {type: 'choose'});
		// The situation: red X (the first), the PDC that ran DSMN all along (the first).
		expect(screen(wizard)).toMatchObject({name: 'situation', step: 'symptom'});
		await act(wizard, {type: 'choose'}, {type: 'choose'});
		expect(screen(wizard).name).toBe('ask-backup');
		await act(wizard, down(), down(), down(-2), {type: 'choose'});
		expect(screen(wizard)).toMatchObject({name: 'choose-backup', input: backup});

		// The line: Ctrl+U empties it, Ctrl+W takes a word, Backspace a character, Tab completes the folder.
		await act(wizard, {type: 'erase-text', what: 'line'});
		expect(screen(wizard)).toMatchObject({input: ''});
		await act(wizard, {type: 'type-text', text: `${backup}/extra`}, {type: 'erase-text', what: 'word'});
		expect(screen(wizard)).toMatchObject({input: `${backup}/`});
		await act(wizard, {type: 'erase-text'}, {type: 'erase-text'});
		expect(screen(wizard)).toMatchObject({input: backup.slice(0, -1)});
		await act(wizard, {type: 'complete-text'});
		expect(screen(wizard)).toMatchObject({input: `${backup}/`});
		await act(wizard, {type: 'submit-text'});
		expect(screen(wizard)).toMatchObject({name: 'validation', report: {valid: true}});
		await act(wizard, {type: 'choose'});
		expect(screen(wizard)).toMatchObject({name: 'situation', step: 'synchronize-restore'});
		await act(wizard, {type: 'choose'});
		expect(screen(wizard)).toMatchObject({name: 'plan', flow: 'restore'});
		await act(wizard, {type: 'choose'});
		expect(screen(wizard)).toMatchObject({name: 'confirm', step: 'stop-service'});

		// ? opens the why of the step and closes it; the confirmation is still there, unanswered.
		await act(wizard, {type: 'toggle-help'});
		expect(wizard.getState().overlay).toBe('help');
		await act(wizard, {type: 'toggle-help'});
		expect(wizard.getState().overlay).toBeUndefined();
		expect((await labStatus(dir)).service.state).toBe('RUNNING');

		// "No" before anything changed: back to the plan, the run closed unchanged.
		await act(wizard, down(), {type: 'choose'});
		expect(screen(wizard)).toMatchObject({name: 'plan'});
		expect(await findUnfinishedRun(journal)).toBeUndefined();
		expect((await labStatus(dir)).service.state).toBe('RUNNING');

		// y: MSSYNC is stopped in the lab.
		await act(wizard, {type: 'choose'}, {type: 'confirm'});
		expect((await labStatus(dir)).service.state).toBe('STOPPED');
		expect(screen(wizard)).toMatchObject({name: 'confirm', step: 'move-aside'});

		// "No" once something changed cannot go back: it asks whether to leave; n stays.
		await act(wizard, down(), {type: 'choose'});
		expect(wizard.getState().overlay).toBe('quit');
		await act(wizard, {type: 'stay'});
		expect(wizard.getState().overlay).toBeUndefined();
		expect(screen(wizard)).toMatchObject({name: 'confirm', step: 'move-aside'});

		await act(wizard, {type: 'confirm'});
		expect(screen(wizard)).toMatchObject({name: 'confirm', step: 'copy-backup', word: 'RESTORE'});
		// The word is typed, not answered with y.
		await act(wizard, {type: 'confirm'});
		expect(screen(wizard)).toMatchObject({name: 'confirm', step: 'copy-backup', typed: ''});
		await act(wizard, {type: 'type-text', text: 'RESTORE'}, {type: 'submit-text'});
		expect(screen(wizard)).toMatchObject({name: 'confirm', step: 'start-service'});

		// q, then y: it leaves, MSSYNC still stopped, and the run waits in its journal to be resumed.
		await act(wizard, {type: 'ask-to-leave'});
		expect(wizard.getState().overlay).toBe('quit');
		await act(wizard, {type: 'leave'});
		expect(screen(wizard)).toMatchObject({name: 'summary'});
		expect(wizard.getState().exit).toBe(130);
		expect(await findUnfinishedRun(journal)).toBeDefined();
		expect((await labStatus(dir)).service.state).toBe('STOPPED');
		await wizard.dispose();
	}, 120_000);

	it('"Only synchronize all servers" on a damaged lab, then "Leave" on the screen after it: the wizard ends with the status its last frame gave', async () => {
		const {dir, wizard} = await labWizard();
		await act(wizard, down(), {type: 'choose'});
		expect(screen(wizard)).toMatchObject({name: 'situation', step: 'synchronize-only'});
		await act(wizard, {type: 'choose'});
		expect(screen(wizard)).toMatchObject({name: 'confirm', step: 'synchronize-only'});
		await act(wizard, {type: 'confirm'});
		// The KB's symptom: synchronizing alone leaves the damaged servers red; what to do next is offered as choices.
		expect(screen(wizard)).toMatchObject({name: 'situation', step: 'after-synchronize-only', title: expect.stringMatching(/still show a red X$/)});
		expect((await labStatus(dir)).servers.some(s => !s.synchronized)).toBe(true);
		expect(wizard.getState().exit).toBeUndefined();
		await act(wizard, down(), down(), {type: 'choose'});
		expect(screen(wizard)).toMatchObject({name: 'summary', ok: false, exit: 1});
		expect(wizard.getState().exit).toBe(1);
		await wizard.dispose();
	});

	it("the arrows move a multi-select's own cursor, Space chooses the server under it, Enter goes on with those chosen", async () => {
		const {wizard} = await labWizard(false);
		await act(wizard, {type: 'choose'}, {type: 'choose'}, {type: 'choose'}, down(), {type: 'choose'});
		expect(screen(wizard)).toMatchObject({name: 'consequences'});
		await act(wizard, {type: 'choose'});
		expect(screen(wizard)).toMatchObject({name: 'multi-select', purpose: 'servers', cursor: 0, selected: ['FS2', 'FS4', 'FS5']});
		await act(wizard, down(), {type: 'toggle-selected'}, down(), down(), {type: 'toggle-selected'}, down(), {type: 'toggle-selected'});
		expect(screen(wizard)).toMatchObject({cursor: 4, selected: []});
		await act(wizard, {type: 'submit-selection'});
		expect(screen(wizard)).toMatchObject({purpose: 'servers', error: expect.stringContaining('at least one')});
		await act(wizard, {type: 'toggle-selected'}, {type: 'submit-selection'});
		expect(screen(wizard)).toMatchObject({name: 'situation', step: 'netware:FS5'});
		await act(wizard, {type: 'choose'});
		expect(screen(wizard)).toMatchObject({name: 'multi-select', purpose: 'bindery'});
		await wizard.dispose();
	});

	it("Tab and Space on the manual synchronization's checklist: what the admin ticked is what the journal records", async () => {
		const server = await standinServer();
		Object.assign(process.env, server.env);
		const wizard = new WizardController(options(['--target', 'windows']), {platform: 'win32'});
		await wizard.start();
		// Inspect, the situation (red X, the same PDC), no backup, the consequences.
		await act(wizard, {type: 'choose'}, {type: 'choose'}, {type: 'choose'}, down(), {type: 'choose'}, {type: 'choose'});
		await act(wizard, {type: 'type-text', text: 'fs1, fs2'}, {type: 'submit-text'});
		expect(screen(wizard)).toMatchObject({name: 'situation', step: 'netware'});
		await act(wizard, {type: 'choose'}, {type: 'submit-selection'}, {type: 'choose'});
		// The NetWare steps are the admin's: "I have done it" on each until the synchronization.
		for (let i = 0; i < 10; i++) {
			const now = screen(wizard);
			if (now.name !== 'manual' || now.step === 'synchronize') break;
			await act(wizard, down(-1), {type: 'choose'});
		}
		expect(screen(wizard)).toMatchObject({name: 'manual', step: 'synchronize', checklist: {cursor: 0}});
		await act(wizard, {type: 'next-checklist-server'}, {type: 'tick-checklist-server'});
		expect(screen(wizard)).toMatchObject({
			checklist: {
				cursor: 1,
				items: [
					{name: 'FS1', ticked: false},
					{name: 'FS2', ticked: true},
				],
			},
		});
		await act(wizard, down(-1), {type: 'choose'});
		expect(screen(wizard)).toMatchObject({name: 'summary', ok: false, title: 'Done, but FS1 was not seen with a blue check'});
		const journals = join(server.env.XDG_STATE_HOME, 'dsmn-resync');
		const [journal] = await readdir(journals);
		const finished = (await readJournal(join(journals, journal!))).flatMap(e => (e.type === 'step-finished' ? [e.summary] : []));
		expect(finished.at(-1)).toBe('done by the administrator, as confirmed; blue checks ticked: FS2; not ticked: FS1');
		await wizard.dispose();
	});
});
