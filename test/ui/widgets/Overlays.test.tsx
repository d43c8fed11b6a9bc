import {Box} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {UNICODE_GLYPHS} from '../../../source/text/glyphs.js';
import {GlyphsContext} from '../../../source/ui/theme.js';
import {HELP_BOX_ROWS, HelpOverlay, helpCloser, helpLines, helpPages, QuitOverlay, sentencesOf} from '../../../source/ui/widgets/Overlays.js';
import {synchronizeAdvice, synchronizeQuestion} from '../../../source/wizard/flows/situation-synchronize.js';
import {repairPlan} from '../../../source/wizard/flows/situation-restore.js';
import type {Screen} from '../../../source/wizard/state.js';
import {wrapText} from '../../../source/text/wrap.js';
import {netwareAllQuestion} from '../../../source/wizard/flows/situation-netware.js';
import {RESTORE_STEPS} from '../../../source/procedure/restore-steps.js';

const withGlyphs = (node: React.ReactNode) => <GlyphsContext.Provider value={UNICODE_GLYPHS}>{node}</GlyphsContext.Provider>;

describe('the ? help', () => {
	it('on the resume screen of a run whose roll back began, speaks of the roll back only, not of resuming (issue 29)', () => {
		const resume: Screen = {
			name: 'resume',
			journal: '/j/NTPDC-1.jsonl',
			finished: [],
			flow: 'restore',
			started: '2026-11-29T19:00:00.000Z',
			standing: {state: 'failed', step: 'rollback'},
			canRollback: true,
			rollbackBegan: true,
		};
		const text = helpLines(resume)
			.map(line => line.text)
			.join(' ');
		expect(text).not.toMatch(/Resume continues/);
		expect(text).toMatch(/^A roll back of this run began and did not finish, so the run cannot be resumed\./);
		expect(
			helpLines({...resume, rollbackBegan: false})
				.map(line => line.text)
				.join(' '),
		).toMatch(/Resume continues from the first unfinished step/);
	});

	it('on the bindery question explains the bindery backup, not only the keys', () => {
		const screen: Screen = {name: 'multi-select', purpose: 'bindery', title: 'Restore the bindery', hint: '', items: [], cursor: 0, selected: []};
		const ui = render(withGlyphs(<HelpOverlay screen={screen} />));
		expect(ui.lastFrame()).toMatch(/NET\$OBJ\.OLD/);
		expect(ui.lastFrame()).toMatch(/lost/);
		ui.unmount();
	});

	it("on a step, gives the step's own why and its KB text", () => {
		const screen: Screen = {
			name: 'confirm',
			step: 'stop-service',
			title: 'Stop MSSYNC',
			changes: [],
			typed: '',
			help: {why: 'DSMN must not write.', kb: 'KB Q148678 step 1'},
		};
		const ui = render(withGlyphs(<HelpOverlay screen={screen} />));
		expect(ui.lastFrame()).toContain('DSMN must not write.');
		expect(ui.lastFrame()).toContain('KB Q148678 step 1');
		expect(ui.lastFrame()).toContain('Any key closes this.');
		ui.unmount();
	});
});

describe('the ? help where it matters most', () => {
	const steps = [
		{id: 'stop-service', title: 'Stop MSSYNC', status: 'done' as const},
		{id: 'move-aside', title: 'Move the current database aside', status: 'done' as const},
		{id: 'copy-backup', title: 'Copy the backup into SYNCAGNT', status: 'failed' as const},
		{id: 'start-service', title: 'Start MSSYNC', status: 'pending' as const},
	];

	it('on a failure: what Retry, Roll back and Stop here each do, to which steps, and which is safe now', () => {
		const screen: Screen = {
			name: 'failure',
			step: 'copy-backup',
			title: 'Copy the backup into SYNCAGNT',
			message: 'disk full',
			advice: 'free space',
			canRollback: true,
		};
		const ui = render(withGlyphs(<HelpOverlay screen={screen} steps={steps} />));
		const frame = (ui.lastFrame() ?? '').replace(/[│\n ]+/g, ' ');
		expect(frame).toContain('Retry this step: runs "Copy the backup into SYNCAGNT" again from its start');
		expect(frame).toContain('undoes, last first, "Stop MSSYNC", "Move the current database aside"');
		expect(frame).toContain('changes nothing more; MSSYNC stays stopped');
		expect(frame).toContain('Safe now, whatever the cause: "Stop here — leave; start again later to resume"');
		expect(frame).not.toContain('Follow the prompts');
		ui.unmount();
	});

	it('while a step runs: what it does and how long it can take', () => {
		const screen: Screen = {
			name: 'running',
			step: 'stop-service',
			title: 'Stop MSSYNC',
			progress: {kind: 'none'},
			help: {why: 'DSMN must not write.', kb: 'KB'},
		};
		const ui = render(withGlyphs(<HelpOverlay screen={screen} steps={steps} />));
		const frame = (ui.lastFrame() ?? '').replace(/[│\n ]+/g, ' ');
		expect(frame).toContain('DSMN must not write.');
		expect(frame).toContain('MSSYNC can take up to 90 s to stop');
		expect(frame).not.toContain('Follow the prompts');
		ui.unmount();
	});

	it('on a confirmation, the lines its screen had no room for come first', () => {
		const screen: Screen = {name: 'confirm', step: 'copy-backup', title: 'Copy', changes: [], typed: '', word: 'RESTORE', help: {why: 'Why.', kb: 'KB'}};
		const ui = render(withGlyphs(<HelpOverlay screen={screen} hidden={['Each is copied under a temporary name.']} />));
		expect(ui.lastFrame()).toMatch(/Each is copied under a temporary name\.[\s\S]*Why\./);
		ui.unmount();
	});
});

// Issue 29: the synchronize question's help spoke of "Both" while its box hid the two answers it meant.
describe('the ? help over a question', () => {
	it('names the answers it speaks of, which the box hides', () => {
		const question = synchronizeQuestion('restore', synchronizeAdvice('restore', '2026-11-30T19:39:00Z', new Date('2026-12-07T05:00:00Z')));
		const text = helpLines(question)
			.map(line => line.text)
			.join(' ');
		expect(text).not.toMatch(/\bBoth\b/);
		for (const item of question.items) expect(text).toContain(item.label.replace(' (recommended)', ''));
	});
});

describe('the quit question', () => {
	it('says what leaving now means, and which keys answer', () => {
		const ui = render(withGlyphs(<QuitOverlay note="Nothing has been changed on the target." />));
		expect(ui.lastFrame()).toContain('Leave dsmn-resync?');
		expect(ui.lastFrame()).toContain('Nothing has been changed on the target.');
		expect(ui.lastFrame()).toContain('y leave · n or Esc stay');
		ui.unmount();
	});

	// Issue 29: at 60×20 a help box taller than the screen scrolled its own title (and the header) off.
	it('pages a help taller than its room: every page fits, no word is lost or cut, and the last line says which page', () => {
		const text = Array.from({length: 40}, (_, i) => `word${i}`).join(' ');
		const lines = [{text}, {text: 'KB Q148678', dim: true}];
		const pages = helpPages(lines, 8, 30);
		expect(pages.length).toBeGreaterThan(1);
		expect(pages.every(page => page.length <= 8 - HELP_BOX_ROWS && page.every(row => row.text.length <= 26))).toBe(true);
		expect(
			pages
				.flat()
				.map(row => row.text)
				.join(' '),
		).toBe(`${text} KB Q148678`);
		expect(pages.at(-1)!.at(-1)).toEqual({text: 'KB Q148678', dim: true});
		expect(helpCloser(0, pages.length)).toBe(`Any key shows the rest (1 of ${pages.length}); Esc closes this.`);
		expect(helpCloser(pages.length - 1, pages.length)).toBe(`Any key closes this (${pages.length} of ${pages.length}).`);
		expect(helpPages(lines, 1000, 200)).toHaveLength(1);
		expect(helpCloser(0, 1)).toBe('Any key closes this.');
	});
});

// Issue 29: at 60 columns "start again on this target: npm start -- --lab" ran on after the sentence and
// "/tmp/…/lab" went to the next row: a command to type stands whole on rows of its own.
describe('the quit question at 60 columns', () => {
	it('draws the command to start again on a row of its own, whole', () => {
		const command = 'npm start -- --lab /tmp/dsmn-test-Qw3rTy/lab';
		const note = `Everything done so far is in the journal: to resume or roll back, start again on this target: ${command}`;
		const ui = render(
			withGlyphs(
				<Box width={60}>
					<QuitOverlay note={note} columns={60} />
				</Box>,
			),
		);
		const rows = (ui.lastFrame() ?? '').split('\n').map(row => row.replace(/^│ ?|\s*│$/g, '').trim());
		expect(rows, ui.lastFrame()).toContain(command);
		expect(rows.some(row => row.endsWith('start again on this target:'))).toBe(true);
		ui.unmount();
	});
});

// Issue 29: at 60×20 a page of the NetWare question's help ended with "HKLM\SYSTEM\…\MSSYNC\", its
// "↳ Parameters:" on the next page: the piece read as a whole path.
describe('the ? help paged', () => {
	it('never ends a page inside a broken path', () => {
		const path = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSSYNC\\Parameters\\Allow4X\\SomeLongerValueName';
		const lines = [{text: 'One.'}, {text: 'Two.'}, {text: path}];
		const pages = helpPages(lines, HELP_BOX_ROWS + 3, 60);
		const rows = pages.flat().map(line => line.text);
		expect(rows.filter(row => row.trimStart().startsWith('↳ ')).length, rows.join('\n')).toBeGreaterThan(0);
		for (const page of pages.slice(1)) expect(page[0]!.text.trimStart().startsWith('↳ '), JSON.stringify(pages)).toBe(false);
		expect(rows.length).toBe(pages.flat().length);
	});
});

// Issue 29: at 60×20 the help's pages broke mid-sentence ("Allow4X is a value in the PDC's registry, under" | page 2
// "HKLM\SYSTEM\…"; "…backup to the" | "%SystemRoot%\…"; "so that SYNCAGNT and MSSYNC" | "are as the run found them.").
describe('the ? help paged at 60×20 and 80×24', () => {
	const steps = RESTORE_STEPS.map((step, i) => ({id: step.id, title: step.title, status: i < 3 ? ('done' as const) : ('pending' as const)}));
	const screens: {screen: Screen; hidden?: string[]}[] = [
		...RESTORE_STEPS.flatMap((step): {screen: Screen}[] => [
			{screen: {name: 'confirm', step: step.id, title: step.title, changes: [], typed: '', help: {why: step.why, kb: step.kb}}},
			{screen: {name: 'running', step: step.id, title: step.title, progress: {kind: 'none'}, help: {why: step.why, kb: step.kb}}},
			{
				screen: {
					name: 'failure',
					step: step.id,
					title: step.title,
					message: 'MSSYNC did not start: the service reported error 1067',
					advice: 'x',
					canRollback: true,
				},
			},
		]),
		{screen: netwareAllQuestion(['NW1', 'NW2'], {})},
		{screen: {name: 'multi-select', purpose: 'bindery', title: 'B', hint: '', items: [], cursor: 0, selected: []}},
		{screen: {name: 'multi-select', purpose: 'servers', title: 'S', hint: '', items: [], cursor: 0, selected: []}},
		{
			screen: {name: 'resume'} as Screen,
			hidden: [
				'Last command: net start MSSYNC (at 2026-12-07 05:00, 2 minutes ago)',
				'Journal: /tmp/dsmn-test-Qw3rTy/lab/SYNCAGNT.journal/run-2026-12-07T05-00-00Z.jsonl',
				'✓ Stop MSSYNC',
				'▸ Copy the backup into SYNCAGNT: cut off; resuming does it again from its start',
				'• Start MSSYNC',
			],
		},
	];
	const sentenceEnd = /[.!?]["')\]]*$/;

	for (const [rows, columns] of [
		[20, 60],
		[24, 80],
	] as const)
		it(`at ${columns}×${rows}, no page ends inside a sentence that fits a page`, () => {
			let paged = 0;
			// The help's room is what the header, the step list and a running step's progress leave (ui/App.tsx): from 8 rows to all.
			for (const room of [8, 10, 13, rows - 4, rows])
				for (const {screen, hidden} of screens) {
					const lines = helpLines(screen, steps, hidden);
					const pages = helpPages(lines, room, columns);
					if (pages.length > 1) paged++;
					const height = room - HELP_BOX_ROWS;
					// Each row, and whether a sentence or an item ends with it (not a path broken after a ".": its next row starts "↳ ").
					const ends = lines.flatMap(line => {
						const rows = wrapText(line.text, columns - 4).split('\n');
						return rows.map((row, k) => k === rows.length - 1 || (sentenceEnd.test(row.trimEnd()) && !rows[k + 1]!.startsWith('↳ ')));
					});
					const all = pages.flat();
					expect(all).toHaveLength(ends.length);
					let at = 0;
					for (const page of pages.slice(0, -1)) {
						at += page.length;
						if (ends[at - 1]) continue;
						// Ends inside a sentence: only one taller than a page, and the closer says it goes on.
						let [start, end] = [at - 1, at - 1];
						while (start > 0 && !ends[start - 1]) start--;
						while (!ends[end]) end++;
						expect(end - start + 1, `${screen.name} at ${room} rows: "${all[at - 1]!.text}" | "${all[at]!.text}"`).toBeGreaterThan(height);
						expect(page.at(-1)!.cut).toBe(true);
					}
				}
			expect(paged).toBeGreaterThan(0);
		});

	it('says so when a sentence taller than a page goes on', () => {
		const text = Array.from({length: 40}, (_, i) => `word${i}`).join(' ');
		const pages = helpPages([{text}], 8, 30);
		expect(pages[0]!.at(-1)!.cut).toBe(true);
		expect(helpCloser(0, pages.length, true)).toBe(`Any key: rest of the sentence (1 of ${pages.length}); Esc closes.`);
	});
});

// Issue 29: a help's paragraph ran over a page's end mid-sentence at 60×20 ("…is SETPASS the way" | page 2),
// its rows rarely ending where a sentence does: each sentence is a line of its own, so a page ends after one.
describe('the ? help, one sentence a line', () => {
	it('splits a paragraph into its sentences, not a numbered step or a version', () => {
		const why = 'DSMN cannot propagate it (KB Q183684). Never with SETPASS: it stops. "Finish" leaves it. Version 3.12 is fine.';
		const screen = {name: 'confirm', step: 'stop-service', title: 'T', changes: [], typed: '', help: {why, kb: 'KB Q148678'}} as Screen;
		expect(helpLines(screen, undefined, ['✓ 1. Stop MSSYNC']).map(line => line.text)).toEqual([
			'✓ 1. Stop MSSYNC',
			'DSMN cannot propagate it (KB Q183684).',
			'Never with SETPASS: it stops.',
			'"Finish" leaves it.',
			'Version 3.12 is fine.',
			'KB Q148678',
		]);
		expect(sentencesOf('Wait 1.5 s. Then go.')).toEqual(['Wait 1.5 s.', 'Then go.']);
	});
});

// Issue 29: the repair plan's ? promised a roll back the repair does not have, and its plan said nothing is replaced.
describe('the ? help over the repair plan', () => {
	it('says a repair is not rolled back by the tool, and its plan says dsmpack rewrites MSSYNC.MDB', () => {
		const plan = repairPlan({journalDir: '/lab/journal', database: {syncagnt: '/lab/SYNCAGNT'} as never, repair: {dsmpack: async () => []}});
		const text = helpLines(plan)
			.map(line => line.text)
			.join(' ');
		expect(text).not.toMatch(/resumed or rolled back/);
		expect(text).toMatch(/a repair cannot be rolled back by the tool/);
		expect(plan.lines.join(' ')).not.toMatch(/nothing is replaced/);
		expect(plan.lines[0]).toMatch(/where it is \(it rewrites that file\)/);
	});
});
