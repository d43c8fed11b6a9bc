import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import type {Screen} from '../../../source/wizard/state.js';
import {ResumeScreen, resumeLayout} from '../../../source/ui/screens/ResumeScreen.js';
import {UNICODE_GLYPHS} from '../../../source/text/glyphs.js';
import {Box} from 'ink';
import {noCommandSentence} from '../../../source/wizard/flows/target.js';
import {choiceOf, KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';
import {controllerOnLab, labController, toFirstConfirmation, toSynchronizeConfirmation} from '../../helpers/wizard-walk.js';

const base: Extract<Screen, {name: 'resume'}> = {
	name: 'resume',
	journal: '/j/NTPDC-1.jsonl',
	finished: ['Stop MSSYNC'],
	next: 'Move the current database aside',
	flow: 'restore',
	started: '2026-11-29T19:00:00.000Z',
	standing: {state: 'interrupted'},
	canRollback: true,
	rollbackBegan: false,
};

describe('the resume screen offers only what can be done', () => {
	it('a restore: resume, roll back, leave', () => {
		const frame = render(<ResumeScreen screen={base} choice={choiceOf(base)} />).lastFrame() ?? '';
		expect(frame).toContain('Resume — continue with "Move the current database aside"');
		expect(frame).toContain('Roll back');
	});

	it('says MSSYNC as it is now, when the screen has it (issue 29)', () => {
		const service = 'MSSYNC is stopped (it was running when this run began): DSMN synchronizes nothing until the run is resumed or rolled back.';
		const frame = render(<ResumeScreen screen={{...base, service}} choice={choiceOf(base)} columns={200} />).lastFrame() ?? '';
		expect(frame.replace(/\s+/g, ' ')).toContain(service);
	});

	it('a reconstruct: no roll back offered, and it says why', () => {
		const frame =
			render(<ResumeScreen screen={{...base, flow: 'reconstruct', canRollback: false}} choice={choiceOf({...base, canRollback: false})} />).lastFrame() ?? '';
		expect(frame).not.toContain('Roll back');
		expect(frame).toContain('A reconstruct cannot be rolled back by this tool: resuming finishes it.');
	});

	it('a run whose roll back began: only continuing the roll back, or leaving', () => {
		const frame = render(<ResumeScreen screen={{...base, rollbackBegan: true}} choice={choiceOf({...base, rollbackBegan: true})} />).lastFrame() ?? '';
		expect(frame).not.toContain('Resume —');
		expect(frame).toContain('Continue the roll back');
		expect(frame).toContain('rolling back again continues it');
	});

	it('a run whose roll back began ticks no step and marks none next: the roll back undid them (issue 29)', () => {
		const planSteps = ['Stop MSSYNC', 'Move the current database aside', 'Copy the backup into SYNCAGNT', 'Start MSSYNC'];
		const began = {
			...base,
			planSteps,
			finished: planSteps.slice(0, 3),
			next: 'Start MSSYNC',
			standing: {state: 'failed' as const, step: 'start-service'},
			rollbackBegan: true,
		};
		const frame = render(<ResumeScreen screen={began} choice={choiceOf(began)} columns={100} />).lastFrame() ?? '';
		expect(frame).not.toMatch(/[✓•▶✗] \d\./);
		expect(frame).toContain('  2. Move the current database aside');
		expect(frame).toContain('  4. Start MSSYNC\n');
	});

	it('says how the run was left, and Enter on the item under the pointer answers', async () => {
		const {ui, frame, wizard} = mountScreen(base, (screen, choice) => <ResumeScreen screen={screen} choice={choice} />);
		expect(frame()).toContain('A restore run on this target was cut off between two steps.');
		expect(frame()).toContain('Journal: /j/NTPDC-1.jsonl');
		expect(frame()).toContain('Resuming goes on with "Move the current database aside".');
		expect(frame()).toMatch(/❯ Resume — continue/);
		ui.stdin.write(KEYS.down);
		await waitFor(() => expect(frame()).toMatch(/❯ Roll back/));
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['resumeChoice', 'rollback']]));
		ui.unmount();
	});

	it('the last command the run sent, with its step; or that its journal records none', () => {
		const unsent = {...base, noCommand: noCommandSentence([], [])};
		const none = render(<ResumeScreen screen={unsent} choice={choiceOf(unsent)} />).lastFrame() ?? '';
		expect(none).toContain('Last command: none: its journal records no command sent to the target.');
		const sent = {...base, lastCommand: {command: 'sc stop MSSYNC\u001B[2J', title: 'Stop MSSYNC'}};
		const frame = render(<ResumeScreen screen={sent} choice={choiceOf(sent)} columns={60} />).lastFrame() ?? '';
		expect(frame).toContain('Last command (Stop MSSYNC): sc stop MSSYNC');
		expect(frame).not.toContain('\u001B[2J');
	});

	// Issue 29: at 60 columns the resume screen cut its last command in the middle ("sc quer…MSSYNC").
	it('never cuts the last command: where it does not fit beside its label, it stands whole on a row of its own', () => {
		const sent = {...base, lastCommand: {command: 'sc query MSSYNC', title: 'Copy the backup into SYNCAGNT'}};
		const rows = (render(<ResumeScreen screen={sent} choice={choiceOf(sent)} columns={40} />).lastFrame() ?? '').split('\n');
		const at = rows.indexOf('  sc query MSSYNC');
		expect(at, rows.join('\n')).toBeGreaterThan(0);
		expect(rows[at - 1]).toMatch(/SYNCAGNT\):$/);
		expect(rows.join('\n')).not.toContain('…');
	});

	it('a failure whose message ends a sentence is not given a second full stop', () => {
		const failed = {
			...base,
			flow: 'reconstruct' as const,
			canRollback: false,
			standing: {state: 'failed' as const, message: 'FS2 is a Netware 4.X server. It cannot be added to the Domain.'},
			standingTitle: 'Add FS2 back to the domain',
		};
		const frame = render(<ResumeScreen screen={failed} choice={choiceOf(failed)} columns={200} />).lastFrame() ?? '';
		expect(frame.replace(/\s+/g, ' ')).toContain('failed: FS2 is a Netware 4.X server. It cannot be added to the Domain. ');
		expect(frame).not.toContain('Domain..');
	});

	// Issue 28, item 5: after WINNT_SYNC_AGENT was deleted by hand, "none: its journal records no command" read as if nothing had happened.
	it('with no command journaled, says which steps were done by hand and which by the tool, not that nothing happened', () => {
		const failed = {
			...base,
			flow: 'reconstruct' as const,
			canRollback: false,
			finished: ['Delete WINNT_SYNC_AGENT from FS1', 'Delete WINNT_SYNC_AGENT from FS2'],
			standing: {state: 'failed' as const, message: 'FS2 is a Netware 4.X server. It cannot be added to the Domain.'},
			standingTitle: 'Add FS2 back to the domain',
			noCommand: noCommandSentence(
				['Delete WINNT_SYNC_AGENT from FS1', 'Delete WINNT_SYNC_AGENT from FS2'],
				[{title: 'Delete WINNT_SYNC_AGENT from FS1'}, {title: 'Delete WINNT_SYNC_AGENT from FS2', manual: true}],
			),
		};
		const frame = (render(<ResumeScreen screen={failed} choice={choiceOf(failed)} columns={200} />).lastFrame() ?? '').replace(/\s+/g, ' ');
		expect(frame).toContain(
			'Last command: none sent to the target; the finished steps were done by hand, as the tool directed, but for Delete WINNT_SYNC_AGENT from FS1: done by the tool itself, with no command to show.',
		);
		// Each finished step is named once, in the ✓ list (issue 29: the sentence repeated the list).
		expect(frame.split('Delete WINNT_SYNC_AGENT from FS2')).toHaveLength(2);
		expect(frame).not.toContain('records no command');
		// Nothing done at all: the old sentence stays true.
		const none = {...base, finished: [], noCommand: noCommandSentence([], [])};
		expect(render(<ResumeScreen screen={none} choice={choiceOf(none)} columns={200} />).lastFrame()).toContain(
			'Last command: none: its journal records no command sent to the target.',
		);
	});
});

// Issue 29: at 60×20 the resume screen after a failed Start MSSYNC was taller than its rows, and the header
// scrolled off. It keeps how the run was left, what resuming does and MSSYNC's state, and counts what it
// leaves out (the steps done first: the step list above names them), which `?` shows.
describe('the resume screen in a short terminal', () => {
	const failed: Extract<Screen, {name: 'resume'}> = {
		...base,
		finished: ['Stop MSSYNC', 'Move the current database aside', 'Copy the backup into SYNCAGNT'],
		next: 'Start MSSYNC',
		standing: {state: 'failed', message: 'net start MSSYNC failed: the service started and then stopped at once (NET HELPMSG 3534)'},
		standingTitle: 'Start MSSYNC',
		backup: '/tmp/fitlab/lab/backup',
		journal: '/tmp/fitlab/lab/journal/NTPDC-20261207-082146.jsonl',
		lastCommand: {title: 'Start MSSYNC', command: 'net start MSSYNC'},
		service: 'MSSYNC is stopped (it was running when this run began): DSMN synchronizes nothing until the run is resumed or rolled back.',
	};
	const labels = choiceOf(failed).items.map(item => item.label);

	it('fits its rows: how it was left, what resuming does and MSSYNC first; the rest counted for ?', () => {
		const {ui, frame} = mountScreen(failed, (screen, choice) => (
			<Box width={60}>
				<ResumeScreen screen={screen} choice={choice} rows={17} columns={60} />
			</Box>
		));
		expect(frame().split('\n').length, frame()).toBeLessThanOrEqual(17);
		const flat = frame().replace(/\s+/g, ' ');
		expect(flat).toContain('A restore run on this target stopped when "Start MSSYNC" failed');
		expect(flat).toContain('Resuming does "Start MSSYNC" again, from its start.');
		expect(flat).toContain('MSSYNC is stopped');
		const {hidden} = resumeLayout(failed, 17, 60, labels, UNICODE_GLYPHS);
		expect(hidden.length).toBeGreaterThan(0);
		// Left out first: the steps done (the step list names them), then the journal, when the run began.
		// All three or none, one line each (the help draws each line it is given; a line break would be escaped).
		expect(hidden).toEqual(expect.arrayContaining(['✓ Stop MSSYNC', '✓ Move the current database aside', '✓ Copy the backup into SYNCAGNT']));
		expect(hidden.some(text => text.startsWith('MSSYNC is stopped'))).toBe(false);
		expect(flat).toMatch(/\(\d more lines?: \? shows (them|it)\)/);
		ui.unmount();
	});

	// MSSYNC's state was kept only where it fitted (after how the run was left and what resuming does): it is what the admin must know.
	it("keeps MSSYNC's state however few the rows", () => {
		const {kept, parts, hidden} = resumeLayout(failed, 6, 60, labels, UNICODE_GLYPHS);
		expect(parts.filter((_, i) => kept.has(i)).map(part => part.text)).toContain(failed.service);
		expect(hidden.some(text => text.startsWith('MSSYNC is stopped'))).toBe(false);
	});

	it('with rows enough, leaves nothing out', () => {
		expect(resumeLayout(failed, 40, 100, labels, UNICODE_GLYPHS).hidden).toEqual([]);
	});
});

// Issue 29 (the second walker): after q during "Fully synchronize all servers" and a resume, the screen said "Last command
// (Start MSSYNC): sc query MSSYNC", as if Start MSSYNC were what the run did last, and its `?` listed steps 1 to 4 only.
describe('the resume screen after a synchronize cut off', () => {
	const titles = ['Stop MSSYNC', 'Move the current database aside', 'Copy the backup into SYNCAGNT', 'Start MSSYNC', 'Fully synchronize all servers'];
	const cut: Extract<Screen, {name: 'resume'}> = {
		...base,
		finished: titles.slice(0, 4),
		planSteps: titles,
		next: 'Fully synchronize all servers',
		standing: {state: 'interrupted', during: 'synchronize'},
		standingTitle: 'Fully synchronize all servers',
		lastCommand: {command: 'sc query MSSYNC', title: 'Start MSSYNC', step: 'start-service'},
	};
	const labels = choiceOf(cut).items.map(item => item.label);

	it('says the last command came before the step the run was left in, and what resuming does', () => {
		const frame = (render(<ResumeScreen screen={cut} choice={choiceOf(cut)} columns={60} />).lastFrame() ?? '').replace(/\s+/g, ' ');
		expect(frame).not.toContain('Last command (Start MSSYNC)');
		expect(frame).toContain('Last command sent (by "Start MSSYNC"; "Fully synchronize all servers" sent none): sc query MSSYNC');
		expect(frame).toContain('cut off during "Fully synchronize all servers"');
		expect(frame).toContain('Resuming does "Fully synchronize all servers" again, from its start.');
		// The command of the step the run was left in keeps the plain label.
		const own = {
			...cut,
			lastCommand: {command: 'net stop MSSYNC', title: 'Stop MSSYNC', step: 'stop-service'},
			standing: {state: 'interrupted' as const, during: 'stop-service'},
		};
		expect(render(<ResumeScreen screen={own} choice={choiceOf(own)} columns={200} />).lastFrame()).toContain('Last command (Stop MSSYNC): net stop MSSYNC');
	});

	it('lists every step of the plan, the one resuming does marked, on screen and in `?` where rows are short', () => {
		const expected = [
			'✓ 1. Stop MSSYNC',
			'✓ 2. Move the current database aside',
			'✓ 3. Copy the backup into SYNCAGNT',
			'✓ 4. Start MSSYNC',
			'▸ 5. Fully synchronize all servers: cut off; resuming does it again from its start',
		];
		const {hidden} = resumeLayout(cut, 12, 60, labels, UNICODE_GLYPHS);
		expect(hidden).toEqual(expect.arrayContaining(expected));
		const frame = render(<ResumeScreen screen={cut} choice={choiceOf(cut)} columns={200} />).lastFrame() ?? '';
		for (const line of expected) expect(frame).toContain(line);
		// A failed step, and steps not begun.
		const failed = {
			...cut,
			finished: titles.slice(0, 3),
			next: 'Start MSSYNC',
			standing: {state: 'failed' as const, step: 'start-service'},
			standingTitle: 'Start MSSYNC',
		};
		expect(resumeLayout(failed, 40, 200, labels, UNICODE_GLYPHS).parts.map(part => part.text)).toContain(
			[
				'✓ 1. Stop MSSYNC',
				'✓ 2. Move the current database aside',
				'✓ 3. Copy the backup into SYNCAGNT',
				'✗ 4. Start MSSYNC: failed; resuming does it again',
				'  5. Fully synchronize all servers',
			].join('\n'),
		);
	});

	it("from a real run: q during the lab's synchronize, then the resume screen", async () => {
		const {dir, controller} = await labController({pace: 20});
		await toFirstConfirmation(controller);
		await toSynchronizeConfirmation(controller);
		const running = controller.dispatch({type: 'confirm'});
		await waitFor(() => expect(controller.getState().screen).toMatchObject({name: 'running', step: 'synchronize'}));
		void controller.dispatch({type: 'ask-to-leave'});
		await controller.dispatch({type: 'leave'});
		await running;
		await controller.dispose();
		const again = controllerOnLab(dir);
		await again.start();
		const resume = again.getState().screen;
		await again.dispose();
		if (resume.name !== 'resume') throw new Error(`not the resume screen: ${resume.name}`);
		expect(resume.lastCommand).toMatchObject({title: 'Start MSSYNC', step: 'start-service'});
		const frame = (render(<ResumeScreen screen={resume} choice={choiceOf(resume)} columns={60} />).lastFrame() ?? '').replace(/\s+/g, ' ');
		expect(frame).toContain('Last command sent (by "Start MSSYNC"; "Synchronize all servers" sent none)');
		expect(frame).toContain('▸ 5. Synchronize all servers: cut off; resuming does it again from its start');
	}, 120_000);
});
