/** "Only synchronize all servers" in-process on the lab: its own question, one verdict, each reason once, and what to do from here as choices. */
import {copyFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {WizardOptions} from '../../../source/app/options.js';
import {parseCommandLine} from '../../../source/cli/parse-args.js';
import {createLab} from '../../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../../source/lab/options.js';
import {WizardController} from '../../../source/wizard/controller.js';
import {choicesOf} from '../../../source/wizard/choices.js';
import type {Screen} from '../../../source/wizard/state.js';
import {synchronizeOnlyFailedScreen, synchronizeOnlyLeft, withMarksBefore} from '../../../source/wizard/flows/synchronize-only-screens.js';
import {labStatus} from '../../../source/lab/status.js';
import {labPaths, loadLab, saveLab} from '../../../source/lab/state.js';
import {EVENT_8005} from '../../../source/lab/change-log.js';
import {synchronizeLab} from '../../../source/lab/sync-engine.js';
import {blueCheckLine} from '../../../source/wizard/flows/situation-synchronize.js';
import {tempDir} from '../../helpers/run-cli.js';
import {waitFor} from '../../helpers/wait-for.js';

function options(argv: string[]): WizardOptions {
	const command = parseCommandLine(argv);
	if (command.kind !== 'wizard') throw new Error('not the wizard');
	return command.options;
}

/** The default lab: FS2, FS4 and FS5 have damaged records (Jet -1018), FS1 and FS3 synchronize. */
async function labController(lab: Partial<typeof LAB_DEFAULTS> = {}) {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0, ...lab});
	const controller = new WizardController(options(['--lab', dir]), {progressIntervalMs: 0, launcher: 'npm start --'});
	await controller.start();
	return {dir, controller};
}

const screen = (c: WizardController) => c.getState().screen;
const values = (s: Screen) => choicesOf(s)?.items.map(i => i.value) ?? [];

/** The synchronization chosen and confirmed, with every running screen's heading seen on the way. */
async function synchronize(controller: WizardController, kind: 'normal' | 'full') {
	await controller.answers.inspect('synchronize');
	const question = screen(controller);
	await controller.answers.situation(kind);
	const headings = new Set<string>();
	const unsubscribe = controller.subscribe(() => {
		const s = screen(controller);
		if (s.name === 'running') headings.add(s.title);
	});
	await controller.dispatch({type: 'confirm'});
	unsubscribe();
	return {question, headings: [...headings]};
}

describe('"Only synchronize all servers"', () => {
	it('asks with its own explanations: nothing is restored and MSSYNC does not start on this path', async () => {
		const {controller} = await labController();
		const {question} = await synchronize(controller, 'full');
		expect(question).toMatchObject({name: 'situation', step: 'synchronize-only'});
		const text = question.name === 'situation' ? [question.title, ...question.lines, question.help.why, question.help.kb].join('\n') : '';
		expect(text).not.toMatch(/restored database|After MSSYNC starts|since the start/);
		expect(text).toMatch(/Nothing is restored/);
		await controller.dispose();
	});

	it('names the synchronize chosen on its running screen, never the step id', async () => {
		const {controller} = await labController();
		const {headings} = await synchronize(controller, 'full');
		expect(headings).toEqual(['Fully synchronize all servers']);
		await controller.dispose();
	});

	it("its confirmation's help names the menu item of the synchronize chosen", async () => {
		const {controller} = await labController();
		await controller.answers.inspect('synchronize');
		await controller.answers.situation('full');
		const confirm = screen(controller);
		expect(confirm).toMatchObject({name: 'confirm', title: 'Fully synchronize all servers'});
		expect(confirm.name === 'confirm' && confirm.help?.why).toMatch(/NetWare Server ▸ Fully synchronize all servers/);
		await controller.dispose();
	});

	it('servers left red: one verdict, each reason once, and the next steps as choices', async () => {
		const {controller} = await labController();
		await synchronize(controller, 'normal');
		const after = screen(controller);
		expect(after).toMatchObject({name: 'situation', step: 'after-synchronize-only', title: '2 of 5 servers synchronized; FS2, FS4, FS5 still show a red X'});
		if (after.name !== 'situation') throw new Error('not the screen after');
		const all = [after.title, ...after.lines, ...controller.getState().log.map(l => l.text)].join('\n');
		// Not "failed" and "synchronized, but" at once; the verdict said once (the title, not also the log); the one Jet
		// error the three servers share said once, naming them.
		expect(all).not.toMatch(/failed/);
		expect(all.match(/2 of 5 servers synchronized/g)).toHaveLength(1);
		expect(all.match(/-1018/g)).toHaveLength(1);
		expect(after.lines[0]).toBe("Each of FS2, FS4, FS5: Jet error -1018 (JET_errReadVerifyFailure): the server's record in MSSYNC.MDB is damaged");
		expect(all.match(/reconstruct/g)).toHaveLength(1);
		expect(all).not.toMatch(/start again/);
		expect(values(after)).toEqual(['continue', 'again', 'leave']);
		// Esc does not lead back to the confirmation of a synchronization that has happened.
		expect(controller.canGoBack()).toBe(false);

		// "Continue" goes on to the restore or reconstruct questions, here, without starting again.
		await controller.answers.situation('continue');
		expect(screen(controller)).toMatchObject({name: 'situation', step: 'symptom'});
		await controller.dispose();
	});

	it('a server that showed a blue check and then did not answer is not said to "still show a red X": each is told as it was', async () => {
		// FS3 synchronized before this run (a blue check), and is offline now: it fails for a reason of its own.
		const {dir, controller} = await labController();
		const {labReachabilityCommand} = await import('../../../source/cli/lab-commands.js');
		await labReachabilityCommand(dir, 'FS3', false, {out: () => {}, err: () => {}});
		await synchronize(controller, 'normal');
		const after = screen(controller);
		if (after.name !== 'situation') throw new Error('not the screen after');
		expect(after.title).toBe('1 of 5 servers synchronized; FS2, FS4, FS5 still show a red X; FS3 did not synchronize (it showed a blue check before)');
		expect(after.lines.join('\n')).toMatch(/FS3 did not answer/);
		expect(
			controller
				.getState()
				.log.map(l => l.text)
				.join('\n'),
		).not.toMatch(/FS3[^\n]*still show/);
		void controller.dispatch({type: 'ask-to-leave'});
		await controller.dispatch({type: 'leave'});
		const last = screen(controller);
		expect(last.name === 'summary' && last.title).toBe(after.title);
		await controller.dispose();
	});

	it('"Synchronize again" asks again; "Leave" ends with exit 1 and the command to come back, whole on its line', async () => {
		const {dir, controller} = await labController();
		await synchronize(controller, 'full');
		await controller.answers.situation('again');
		expect(screen(controller)).toMatchObject({name: 'confirm', step: 'synchronize-only', title: 'Fully synchronize all servers'});
		// Issue 29: the first synchronize already sent accounts, so its No line never says nothing has been changed.
		const no = choicesOf(screen(controller), controller.canGoBack())?.items.find(i => i.value === 'no')?.label;
		expect(no).toBe('No — go back (this step is not done; what the run did before stays)');
		await controller.dispatch({type: 'confirm'});
		await controller.answers.situation('leave');
		const end = screen(controller);
		expect(end).toMatchObject({name: 'summary', ok: false, exit: 1, title: '2 of 5 servers synchronized; FS2, FS4, FS5 still show a red X'});
		expect(end.name === 'summary' && end.lines.at(-1)).toBe(`npm start -- --lab ${dir}`);
		expect(controller.getState().exit).toBe(1);
		await controller.dispose();
	});

	it('q after servers were left red: the quit question and the last frame say what was sent, never "nothing was changed"', async () => {
		const {dir, controller} = await labController();
		await synchronize(controller, 'normal');
		void controller.dispatch({type: 'ask-to-leave'});
		expect(controller.getState().overlay).toBe('quit');
		expect(controller.leavingNote()).not.toMatch(/[Nn]othing (has been|was) changed/);
		expect(controller.leavingNote()).toMatch(/keep the accounts sent to them/);
		await controller.dispatch({type: 'leave'});
		const end = screen(controller);
		expect(end).toMatchObject({name: 'summary', exit: 1, title: '2 of 5 servers synchronized; FS2, FS4, FS5 still show a red X'});
		expect(end.name === 'summary' && end.lines.join('\n')).not.toMatch(/^Nothing was changed\.$/m);
		expect(end.name === 'summary' && end.lines.at(-1)).toBe(`npm start -- --lab ${dir}`);
		await controller.dispose();
	});

	it('q while it runs: it stops part way, not finishing; the quit question, the log and the last frame say the servers not finished stay red', async () => {
		const {dir, controller} = await labController({pace: 20});
		await controller.answers.inspect('synchronize');
		await controller.answers.situation('full');
		const running = controller.dispatch({type: 'confirm'});
		await waitFor(() => expect(screen(controller)).toMatchObject({name: 'running', step: 'synchronize-only'}));
		void controller.dispatch({type: 'ask-to-leave'});
		expect(controller.leavingNote()).toBe(
			`A synchronization is running: on leaving, the synchronization stops at its next safe point, without finishing (every server is synchronized at the same time): what the servers received stays, and a server not finished shows a red X until it is run again. To finish, start again (npm start -- --lab ${dir}) and choose "Only synchronize all servers".`,
		);
		await controller.dispatch({type: 'leave'});
		await running;
		const red = (await labStatus(dir)).servers.filter(s => !s.synchronized).map(s => s.name);
		expect(controller.getState().log.map(l => l.text)).toContain(
			`Fully synchronize all servers: synchronization stopped part way: what the servers received before it stopped stays; ${red.join(', ')} show${red.length === 1 ? 's' : ''} a red X until it is run again`,
		);
		const end = screen(controller);
		expect(end.name === 'summary' && end.lines[0]).toBe(
			'Synchronization stopped part way: that is safe. What the servers received stays; a server it did not finish shows a red X until it is run again.',
		);
		await controller.dispose();
	});

	it('MSSYNC stopped (it will not start after a crash): not offered as if it could work; the repair is pointed to, nothing is run', async () => {
		const {controller} = await labController({wontStart: true});
		await controller.answers.inspect('synchronize');
		await controller.answers.situation('normal');
		const down = screen(controller);
		expect(down).toMatchObject({name: 'situation', title: 'MSSYNC is STOPPED: synchronizing cannot work until it runs'});
		expect(down.name === 'situation' && down.lines.join('\n')).toMatch(/MSSYNC will not start/);
		expect(values(down)).toEqual(['continue', 'again']);
		// No synchronization ran: no verdict that would call FS1 and FS3, which show a blue check, red.
		expect(
			controller
				.getState()
				.log.map(l => l.text)
				.join('\n'),
		).not.toMatch(/red X/);
		await controller.answers.situation('continue');
		expect(screen(controller)).toMatchObject({name: 'situation', title: 'What brings you here?'});
		await controller.dispose();
	});

	// Issue 29: on a real target, where no mark can be seen, a server that failed was said to "still show a red X".
	it('on a real target, where no mark can be seen: a failed server is said to have failed, not to be red, and where to look is said', () => {
		const sync = [
			{server: 'FS1', ok: true, done: 10, total: 10},
			{server: 'FS2', ok: false, done: 0, total: 10, reason: 'FS2 did not answer', advice: 'check that FS2 is up and reachable from the PDC'},
		];
		const results = withMarksBefore(sync, undefined);
		const after = synchronizeOnlyFailedScreen('normal', results);
		expect(after.title).toBe('1 of 2 servers synchronized; FS2 did not synchronize');
		const said = [after.title, ...after.lines, ...after.items.map(i => i.label)].join('\n');
		expect(said).not.toMatch(/red X$|still show|stay red/m);
		expect(after.lines).toContain(
			"Its check mark cannot be seen from here: in Synchronization Manager on the PDC, see whether FS2 shows a red X; why a server stays red is in Event Viewer on the PDC, Log ▸ Application, MSSYNC's entries.",
		);
		expect(after.items.map(i => i.label)).toContain('Leave — for now');
		const left = synchronizeOnlyLeft(results, 'dsmn-resync --target windows');
		expect(left.title).toBe(after.title);
		expect(left.lines.join('\n')).toMatch(/cannot be seen from here/);
		// In the lab the marks are read: a server red before still is.
		expect(synchronizeOnlyFailedScreen('normal', withMarksBefore(sync, [{name: 'FS2', synchronized: false}])).title).toBe(
			'1 of 2 servers synchronized; FS2 still shows a red X',
		);
	});
});

describe('Coming back after Event 8005 (issue 29)', () => {
	/** A lab whose one server shows a blue check while MSSYNC logged Event 8005 and its changes are still stale. */
	async function after8005() {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, servers: 2, pace: 0, backupAgeDays: 30, changeLogSize: 64});
		// What the restore left: the backup's database in SYNCAGNT, Event 8005 logged at MSSYNC's start.
		await copyFile(join(labPaths(dir).backup, 'MSSYNC.MDB'), join(labPaths(dir).syncagnt, 'MSSYNC.MDB'));
		const state = await loadLab(dir);
		const at = '2026-12-07T10:00:00.000Z';
		await saveLab(dir, {
			...state,
			changeLog: {...state.changeLog!, positionLost: true},
			events: [{id: 8005, source: 'MSSYNC', type: 'warning', at, text: EVENT_8005}],
		});
		// The restore's end: "Synchronize all servers" (normal), which leaves the changes since the backup unsent.
		await synchronizeLab(dir);
		expect((await labStatus(dir)).servers.every(s => s.synchronized && s.staleAccounts.length > 0)).toBe(true);
		const controller = new WizardController(options(['--lab', dir]), {progressIntervalMs: 0, launcher: 'npm start --'});
		await controller.start();
		return controller;
	}

	it('the first screen says Event 8005 was logged, not "nothing to do"; Only synchronize recommends the full one', async () => {
		const controller = await after8005();
		const inspect = screen(controller);
		expect(inspect.name === 'inspect' && inspect.blue).toMatch(
			/^Every server shows a blue check, but MSSYNC logged Event 8005 at .*\(KB Q189441\): choose Fully synchronize all servers under "Only synchronize all servers"\.$/,
		);
		expect(inspect.name === 'inspect' && inspect.blue).not.toMatch(/nothing to do/);
		await controller.answers.inspect('synchronize');
		const question = screen(controller);
		expect(question).toMatchObject({name: 'situation', step: 'synchronize-only'});
		const list = choicesOf(question);
		expect(list?.items[list.initial]?.value).toBe('full');
		expect(question.name === 'situation' && question.lines[0]).toMatch(
			/^Recommended: Fully synchronize all servers\. MSSYNC logged Event 8005 at .*\(KB Q189441\); fully synchronize, which sends every account again \(KB Q253716\)\.$/,
		);
		await controller.dispose();
	});

	it('a blue check where the target cannot read the Application log says where to look for Event 8005', () => {
		expect(blueCheckLine(false, undefined)).toMatch(/does not show Event 8005: look for it in the PDC's Event Viewer, Log ▸ Application/);
		expect(blueCheckLine(true, undefined)).toBe('Every server shows a blue check: there may be nothing to do.');
	});
});
