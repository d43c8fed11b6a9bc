import {basename, dirname, join} from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import {findUnfinishedRun, readJournal} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths, loadLab, saveLab} from '../../source/lab/state.js';
import type {Target} from '../../source/targets/capabilities.js';
import {labStatus} from '../../source/lab/status.js';
import {WizardController} from '../../source/wizard/controller.js';
import {tempDir} from '../helpers/run-cli.js';
import {waitFor} from '../helpers/wait-for.js';
import {controllerOnLab, labController, makeLab, toFirstConfirmation, toSynchronizeConfirmation, wizardOptions} from '../helpers/wizard-walk.js';

const screen = (c: WizardController) => c.getState().screen;

describe('the wizard controller', () => {
	it('asks for the target first when none is given, and makes a practice lab for it', async () => {
		const root = await tempDir();
		const controller = new WizardController(wizardOptions([]), {makeLabFolder: async () => join(root, 'lab')});
		await controller.start();
		expect(screen(controller).name).toBe('target');
		await controller.answers.target('windows');
		expect(screen(controller)).toMatchObject({name: 'target', note: expect.stringContaining('not a Windows machine')});
		await controller.answers.target('lab');
		expect(screen(controller)).toMatchObject({name: 'inspect'});
		expect((await labStatus(join(root, 'lab'))).servers).toHaveLength(5);
	});

	it("keeps the answers it gathers to itself: the caller's options are never changed", async () => {
		const root = await tempDir();
		const given = Object.freeze(wizardOptions([]));
		const before = structuredClone(given);
		const controller = new WizardController(given, {makeLabFolder: async () => join(root, 'lab')});
		await controller.start();
		await controller.answers.target('lab');
		expect(screen(controller)).toMatchObject({name: 'inspect'});
		expect(given.target).toBeUndefined();
		expect(given).toEqual(before);
		await controller.dispose();
	});

	it("shows the page scan's progress while it checks a large backup", async () => {
		const {dir, controller} = await labController({dbPages: 4000});
		const messages: string[] = [];
		controller.subscribe(() => {
			const s = screen(controller);
			if (s.name === 'loading') messages.push(s.message);
		});
		await controller.answers.discover(labPaths(dir).backup);
		expect(screen(controller)).toMatchObject({name: 'validation', report: {valid: true, pagesVerified: 12}});
		expect(messages).toContainEqual(expect.stringMatching(/^Checking .*backup…\nVerifying pages: [\d,]+ of 4,261 \(\d+%\)/));
		await controller.dispose();
	});

	it('walks the whole restore flow, each destructive step only after its confirmation', async () => {
		const {dir, controller} = await labController();
		expect(screen(controller)).toMatchObject({name: 'inspect', service: 'RUNNING'});
		void controller.answers.inspect('continue');
		await controller.answers['ask-backup']('yes');
		expect(screen(controller)).toMatchObject({name: 'choose-backup', input: labPaths(dir).backup});
		await controller.dispatch({type: 'submit-text'});
		expect(screen(controller)).toMatchObject({name: 'validation', report: {valid: true}});
		await controller.answers.validation('accept');
		await controller.answers.situation('normal');
		expect(screen(controller).name).toBe('plan');
		await controller.answers.plan('begin');
		expect(screen(controller)).toMatchObject({name: 'confirm', step: 'stop-service'});
		expect((await labStatus(dir)).service.state).toBe('RUNNING'); // nothing happens before the confirmation
		await controller.dispatch({type: 'confirm'});
		expect(screen(controller)).toMatchObject({
			name: 'confirm',
			step: 'move-aside',
			changes: expect.arrayContaining([expect.stringMatching(/^Moves 11 files out of/)]),
		});
		await controller.dispatch({type: 'confirm'});
		expect(screen(controller)).toMatchObject({name: 'confirm', step: 'copy-backup', word: 'RESTORE'});
		await controller.dispatch({type: 'confirm'}); // nothing typed yet: nothing happens
		expect(screen(controller)).toMatchObject({name: 'confirm', step: 'copy-backup'});
		void controller.dispatch({type: 'type-text', text: 'RESTORX'});
		void controller.dispatch({type: 'erase-text'});
		void controller.dispatch({type: 'type-text', text: 'E'});
		await controller.dispatch({type: 'submit-text'});
		expect(screen(controller)).toMatchObject({name: 'confirm', step: 'start-service'});
		await controller.dispatch({type: 'confirm'});
		await controller.dispatch({type: 'confirm'});
		expect(screen(controller)).toMatchObject({name: 'summary', ok: true, title: 'Done: every server shows a blue check'});
		expect((await labStatus(dir)).servers.every(s => s.synchronized)).toBe(true);
		expect(controller.getState().log.filter(l => l.tone === 'ok')).toHaveLength(5);
		void controller.dispatch({type: 'finish'});
		expect(controller.getState().exit).toBe(0);
	});

	it('goes back with Esc only while nothing has changed', async () => {
		const {controller} = await labController();
		void controller.answers.inspect('continue');
		await controller.answers.situation('red-x');
		await controller.answers.situation('same');
		await controller.answers['ask-backup']('yes');
		void controller.dispatch({type: 'back'});
		expect(screen(controller).name).toBe('ask-backup');
		void controller.dispatch({type: 'back'});
		expect(screen(controller)).toMatchObject({name: 'situation', step: 'pdc'});
		await controller.answers.situation('same');
		await controller.answers['ask-backup']('yes');
		await controller.dispatch({type: 'submit-text'});
		await controller.answers.validation('accept');
		await controller.answers.situation('normal');
		void controller.dispatch({type: 'back'});
		expect(screen(controller)).toMatchObject({name: 'situation', step: 'synchronize-restore'});
		void controller.dispatch({type: 'back'});
		expect(screen(controller).name).toBe('validation');
		await controller.answers.validation('accept');
		await controller.answers.situation('normal');
		await controller.answers.plan('begin');
		await controller.dispatch({type: 'confirm'});
		void controller.dispatch({type: 'back'});
		expect(screen(controller)).toMatchObject({name: 'confirm', step: 'move-aside'});
	});

	it('shows a refused backup with its errors and goes back to choose another', async () => {
		const {dir, controller} = await labController();
		void controller.answers.inspect('continue');
		await controller.answers['ask-backup']('yes');
		await controller.answers.discover(labPaths(dir).syncagnt);
		expect(screen(controller)).toMatchObject({
			name: 'validation',
			report: {
				valid: false,
				errors: expect.arrayContaining([expect.stringContaining('live SYNCAGNT folder'), expect.stringMatching(/^MSSYNC\.MDB has a damaged page/)]),
			},
		});
		await controller.answers.validation('accept');
		await controller.answers.situation('normal');
		expect(screen(controller).name).toBe('validation');
		void controller.dispatch({type: 'back'});
		expect(screen(controller).name).toBe('choose-backup');
	});

	it('finds backup sets for "Not sure"', async () => {
		const {dir, controller} = await labController();
		void controller.answers.inspect('continue');
		await controller.answers['ask-backup']('unsure');
		expect(screen(controller)).toMatchObject({name: 'discover', input: dir});
		await controller.dispatch({type: 'submit-text'});
		const found = screen(controller);
		expect(found.name === 'discover' && found.results?.filter(r => !r.live).map(r => r.folder)).toEqual([labPaths(dir).backup]);
	});

	it('leaves at a safe point when asked mid-run, journals it, and offers resume or roll back next time', async () => {
		const {dir, controller} = await labController();
		await toFirstConfirmation(controller);
		await controller.dispatch({type: 'confirm'});
		void controller.dispatch({type: 'ask-to-leave'});
		expect(controller.getState().overlay).toBe('quit');
		await controller.dispatch({type: 'leave'});
		expect(controller.getState().exit).toBe(130);
		const unfinished = await findUnfinishedRun(labPaths(dir).journal);
		expect(unfinished?.entries.at(-1)).toMatchObject({type: 'interrupted'});
		// While the first wizard holds the target, a second one is refused and told who holds it.
		const second = controllerOnLab(dir);
		await second.start();
		expect(screen(second)).toMatchObject({
			name: 'summary',
			title: 'Cannot open the target',
			lines: [
				expect.stringMatching(new RegExp(`^another dsmn-resync \\(process ${process.pid}, since .*\\) is working on practice lab in .*: the wizard$`)),
				expect.stringMatching(/^wait for it to finish/),
			],
		});
		await controller.dispose();

		// Opened again and left on the resume screen (the terminal closed): nothing was done, so the journal
		// still says how the run was left, and nothing is added to it.
		const glance = controllerOnLab(dir);
		await glance.start();
		expect(screen(glance)).toMatchObject({name: 'resume'});
		const entries = (await readJournal(unfinished!.path)).length;
		await glance.hangup('SIGHUP');
		expect(screen(glance)).toMatchObject({
			name: 'summary',
			exit: 130,
			// The command to come back stands on a line of its own.
			lines: [
				expect.stringMatching(/^The run waits in its journal/),
				`dsmn-resync --lab ${dir}`,
				expect.stringMatching(/^MSSYNC is stopped \(it was running/),
				expect.anything(),
			],
		});
		expect(await readJournal(unfinished!.path)).toHaveLength(entries);
		await glance.dispose();

		const again = controllerOnLab(dir);
		await again.start();
		expect(screen(again)).toMatchObject({
			name: 'resume',
			finished: ['Stop MSSYNC'],
			next: 'Move the current database aside',
			// MSSYNC as it is now: the run stopped it (issue 29).
			service: 'MSSYNC is stopped (it was running when this run began): DSMN synchronizes nothing until the run is resumed or rolled back.',
		});
		await again.answers.resume('rollback');
		expect(screen(again)).toMatchObject({name: 'confirm', step: 'rollback'});
		// Only Stop MSSYNC ran: the confirmation says from the journal that nothing was moved or copied yet (issue 29).
		expect(screen(again)).toMatchObject({
			changes: [
				'Nothing had been changed on disk: the run moved and copied no file, so the roll back moves none.',
				'MSSYNC is stopped; the run found it running, so the roll back starts it again.',
			],
		});
		const states: unknown[] = [];
		const unsubscribe = again.subscribe(() => states.push(again.getState()));
		await again.dispatch({type: 'confirm'});
		await waitFor(() => expect(screen(again)).toMatchObject({name: 'summary', ok: true}));
		unsubscribe();
		// While it rolls back, no step list ticks the steps it undoes; what it did is said once, on the last screen.
		expect(states).toContainEqual(expect.objectContaining({screen: expect.objectContaining({name: 'running', step: 'rollback'})}));
		for (const state of states as {screen: {name: string}; steps?: unknown}[]) if (state.screen.name === 'running') expect(state.steps).toBeUndefined();
		expect(again.getState().log.map(line => line.text)).not.toContainEqual(expect.stringMatching(/^Rolled back/));
		expect((await labStatus(dir)).service.state).toBe('RUNNING');
		expect((await readJournal(unfinished!.path)).at(-1)).toMatchObject({type: 'run-ended', outcome: 'rolled-back'});
	});

	it("a roll back that fails: its failure screen's message opens a sentence (issue 29)", async () => {
		const {dir, controller} = await labController();
		await toFirstConfirmation(controller);
		await controller.dispatch({type: 'confirm'}); // Stop MSSYNC
		await controller.dispatch({type: 'confirm'}); // Move aside
		void controller.dispatch({type: 'type-text', text: 'RESTORE'});
		await controller.dispatch({type: 'submit-text'}); // Copy
		await saveLab(dir, {...(await loadLab(dir)), fault: 'start-refused'});
		await controller.dispatch({type: 'confirm'}); // Start MSSYNC, refused
		expect(screen(controller)).toMatchObject({name: 'failure', step: 'start-service'});
		await controller.answers.failure('rollback');
		expect(screen(controller)).toMatchObject({name: 'confirm', step: 'rollback'});
		await controller.dispatch({type: 'confirm'});
		await waitFor(() => expect(screen(controller)).toMatchObject({name: 'failure', step: 'rollback'}));
		expect(screen(controller)).toMatchObject({message: expect.stringMatching(/^The original files are back in SYNCAGNT, but MSSYNC would not start again/)});
		await controller.dispose();
	});

	it('offers retry, roll back or stop on a failure, and retries only the failed servers', async () => {
		const {controller} = await labController({offline: ['FS2']});
		await toFirstConfirmation(controller);
		for (const step of ['stop-service', 'move-aside']) {
			expect(screen(controller)).toMatchObject({step});
			await controller.dispatch({type: 'confirm'});
		}
		void controller.dispatch({type: 'type-text', text: 'RESTORE'});
		await controller.dispatch({type: 'submit-text'});
		await controller.dispatch({type: 'confirm'});
		await controller.dispatch({type: 'confirm'});
		expect(screen(controller)).toMatchObject({name: 'failure', step: 'synchronize', failedServers: ['FS2']});
		await controller.answers.failure('finish');
		expect(screen(controller)).toMatchObject({name: 'summary', ok: false, title: 'Done, but FS2 still shows a red X'});
	});
});

describe('the wizard controller, while the roll back asks MSSYNC its state', () => {
	/** A restore whose Start MSSYNC is refused, on its failure screen; MSSYNC's next query answers only when `answer` is called. */
	async function onRefusedStart(): Promise<{controller: WizardController; answer: () => void}> {
		const dir = await makeLab();
		await saveLab(dir, {...(await loadLab(dir)), fault: 'start-refused'});
		const controller = controllerOnLab(dir);
		await controller.start();
		await toFirstConfirmation(controller);
		await toSynchronizeConfirmation(controller);
		expect(screen(controller)).toMatchObject({name: 'failure', step: 'start-service'});
		const {service} = (controller as unknown as {s: {activeTarget: Target}}).s.activeTarget;
		const query = service.query.bind(service);
		let answer = () => {};
		const answered = new Promise<void>(resolve => (answer = resolve));
		vi.spyOn(service, 'query').mockImplementationOnce(async options => {
			await answered;
			return query(options);
		});
		return {controller, answer};
	}

	it('shows no choice meanwhile: "Stop here" chosen then is not taken, and the confirmation follows', async () => {
		const {controller, answer} = await onRefusedStart();
		const asked = controller.answers.failure('rollback');
		await waitFor(() => expect(screen(controller)).toMatchObject({name: 'loading', message: expect.stringMatching(/^Asking MSSYNC's state/)}));
		await controller.answers.failure('stop');
		expect(screen(controller).name).toBe('loading');
		answer();
		await asked;
		expect(screen(controller)).toMatchObject({name: 'confirm', step: 'rollback'});
		expect(controller.getState().exit).toBeUndefined();
		await controller.dispose();
	});

	it('keeps the end shown when the admin leaves meanwhile', async () => {
		const {controller, answer} = await onRefusedStart();
		const asked = controller.answers.failure('rollback');
		await waitFor(() => expect(screen(controller).name).toBe('loading'));
		void controller.dispatch({type: 'ask-to-leave'});
		await controller.dispatch({type: 'leave'});
		const end = controller.getState();
		expect(end).toMatchObject({screen: {name: 'summary'}, exit: 130});
		answer();
		await asked;
		expect(controller.getState().screen).toBe(end.screen);
		await controller.dispose();
	});
});

describe('the wizard controller, reconstruct flow', () => {
	it('asks consequences, servers, bindery, policy, a password typed twice, the file; then runs to green', async () => {
		const root = await tempDir();
		const dir = join(root, 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, backup: false});
		const controller = controllerOnLab(dir);
		await controller.start();
		void controller.answers.inspect('continue');
		await controller.answers['ask-backup']('no');
		expect(screen(controller)).toMatchObject({name: 'consequences', servers: ['FS2', 'FS4', 'FS5'], users: 120});
		await controller.answers.consequences('go');
		expect(screen(controller)).toMatchObject({name: 'multi-select', purpose: 'servers', selected: ['FS2', 'FS4', 'FS5']});
		void controller.dispatch({type: 'toggle-selected'}); // FS1 under the cursor: chosen
		void controller.dispatch({type: 'toggle-selected'}); // and left again
		for (const step of [1, 2, 1]) {
			void controller.dispatch({type: 'move-cursor', delta: step}); // to FS2, FS4, FS5: leave each
			void controller.dispatch({type: 'toggle-selected'});
		}
		await controller.dispatch({type: 'submit-selection'});
		expect(screen(controller)).toMatchObject({name: 'multi-select', purpose: 'servers', error: expect.stringContaining('at least one')});
		void controller.dispatch({type: 'toggle-selected'});
		await controller.dispatch({type: 'submit-selection'});
		expect(screen(controller)).toMatchObject({name: 'situation', step: 'netware:FS5'}); // one server chosen: its own question at once
		await controller.answers.situation('3.x');
		expect(screen(controller)).toMatchObject({name: 'multi-select', purpose: 'bindery', selected: []});
		await controller.dispatch({type: 'submit-selection'});
		await controller.answers['password-policy']('initial');
		void controller.dispatch({type: 'type-text', text: 'short'});
		await controller.dispatch({type: 'submit-text'});
		expect(screen(controller)).toMatchObject({name: 'password-entry', stage: 'first', error: expect.stringContaining('at least 8')});
		void controller.dispatch({type: 'type-text', text: 'Winter#2026'});
		expect(JSON.stringify(controller.getState())).not.toContain('Winter#2026');
		await controller.dispatch({type: 'submit-text'});
		void controller.dispatch({type: 'type-text', text: 'Winter#2027'});
		await controller.dispatch({type: 'submit-text'});
		expect(screen(controller)).toMatchObject({
			name: 'password-entry',
			stage: 'first',
			error: 'The two did not match, so neither is kept: type the password again, from the start (then once more to be sure).',
		});
		void controller.dispatch({type: 'type-text', text: 'Winter#2026'});
		await controller.dispatch({type: 'submit-text'});
		void controller.dispatch({type: 'type-text', text: 'Winter#2026'});
		await controller.dispatch({type: 'submit-text'});
		expect(screen(controller).name).toBe('passwords-file');
		// In the practice lab the suggestion is beside the lab (never the home folder), and says why.
		expect(screen(controller)).toMatchObject({
			// The lab's own file (its name first): two labs in one folder never share one.
			input: expect.stringMatching(
				new RegExp(`^${join(dirname(dir), basename(dir)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-passwords-\\d{4}-\\d\\d-\\d\\d\\.txt$`),
			),
			note: expect.stringContaining('beside the practice lab'),
		});
		void controller.dispatch({type: 'erase-text'});
		const s = screen(controller);
		if (s.name === 'passwords-file') for (let i = 0; i < s.input.length; i++) void controller.dispatch({type: 'erase-text'});
		// Issue 29 (fixl2): Enter on the emptied line says what to type ("Not there: give a file name." did not).
		await controller.dispatch({type: 'submit-text'});
		expect(screen(controller)).toMatchObject({name: 'passwords-file', input: '', error: 'Type a path for the new file, or Esc to go back.'});
		expect(controller.canGoBack()).toBe(true);
		void controller.dispatch({type: 'type-text', text: join(dir, 'p.txt')});
		await controller.dispatch({type: 'submit-text'});
		expect(screen(controller)).toMatchObject({name: 'passwords-file', error: expect.stringContaining('which others can read')});
		for (let i = 0; i < 200; i++) void controller.dispatch({type: 'erase-text'});
		void controller.dispatch({type: 'type-text', text: join(root, 'p.txt')});
		await controller.dispatch({type: 'submit-text'});
		expect(screen(controller)).toMatchObject({name: 'plan', flow: 'reconstruct'});
		await controller.answers.plan('begin');
		for (let step = screen(controller); step.name === 'confirm'; step = screen(controller)) {
			if (step.word) {
				void controller.dispatch({type: 'type-text', text: step.word});
				await controller.dispatch({type: 'submit-text'});
			} else await controller.dispatch({type: 'confirm'});
		}
		// Only FS5 was reconstructed: FS2 and FS4 stay red, as they should — not a failure of this run, but said.
		expect(screen(controller)).toMatchObject({
			name: 'summary',
			ok: false,
			title: 'Done, but FS2, FS4 still show a red X',
			lines: expect.arrayContaining([`FS2, FS4 were not reconstructed in this run: start again (dsmn-resync --lab ${dir}) and choose them.`]),
		});
		expect(JSON.stringify(controller.getState())).not.toContain('Winter#2026');
		expect((await labStatus(dir)).servers.find(s => s.name === 'FS5')).toMatchObject({synchronized: true, syncAgent: true});
	});
});
