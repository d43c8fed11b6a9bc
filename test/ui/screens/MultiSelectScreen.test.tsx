import {Box} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {displayWidth} from '../../../source/text/measure.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from '../../../source/text/glyphs.js';
import {GlyphsContext} from '../../../source/ui/theme.js';
import {MultiSelectScreen} from '../../../source/ui/screens/MultiSelectScreen.js';
import type {Screen} from '../../../source/wizard/state.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

const servers: Extract<Screen, {name: 'multi-select'}> = {
	name: 'multi-select',
	purpose: 'servers',
	title: 'Which NetWare servers do you want to reconstruct?',
	hint: 'The ones with a red X are chosen already. Space chooses or leaves one; Enter goes on.',
	items: Array.from({length: 30}, (_, i) => ({value: `FS${i + 1}`, label: `FS${i + 1}`})),
	cursor: 15,
	selected: ['FS2', 'FS16'],
	error: 'Choose at least one server.',
};

describe('a multi-select', () => {
	it('draws the rows around the cursor, what is chosen and how many more there are', () => {
		const {ui, frame} = mountScreen(servers, now => <MultiSelectScreen screen={now} rows={20} />);
		expect(frame()).toContain('Which NetWare servers do you want to reconstruct?');
		expect(frame()).toMatch(/↑ \d+ more/);
		expect(frame()).toMatch(/↓ \d+ more/);
		expect(frame()).toMatch(/❯ ◉ FS16/);
		expect(frame()).toContain('Chosen: FS2, FS16');
		expect(frame()).toContain('Choose at least one server.');
		ui.unmount();
	});

	it('arrows move, Space chooses or leaves, Enter goes on, Esc goes back', async () => {
		const {ui, wizard} = mountScreen(servers, now => <MultiSelectScreen screen={now} rows={20} />);
		for (const key of [KEYS.down, KEYS.up, ' ', KEYS.enter, KEYS.escape]) ui.stdin.write(key);
		await waitFor(() => expect(wizard.calls).toEqual([['moveCursor', 1], ['moveCursor', -1], ['toggleSelected'], ['submitSelection'], ['back']]));
		ui.unmount();
	});
});

/** The bindery question with a 4.x server chosen and Enter refused, as the reconstruct's lab draws it at 60×20 (16 rows under the header and the footer). */
const bindery: Extract<Screen, {name: 'multi-select'}> = {
	name: 'multi-select',
	purpose: 'bindery',
	title: 'Restore the bindery from its backup (NET$*.OLD) on which servers? (optional)',
	hint: 'Only if you want a server back as it was before synchronization: every change made on it since that backup is lost. Space chooses one; Enter goes on (with none chosen, no bindery is restored).',
	items: [
		{
			value: 'FS2',
			label:
				'FS2        backup of 2026-12-07: 9 users; if chosen: 119 of the 120 domain accounts removed (the other 1 never reached it), then all 120 propagated again',
		},
		{value: 'FS4', label: 'FS4        NetWare 4.x: no bindery backup to restore (NDS)'},
		{
			value: 'FS5',
			label:
				'FS5        backup of 2026-12-07: 11 users; if chosen: 118 of the 120 domain accounts removed (the other 2 never reached it), then all 120 propagated again',
		},
	],
	cursor: 1,
	selected: ['FS2', 'FS4'],
	error:
		"FS4 runs NetWare 4.x: its accounts live in NDS and BINDREST does not apply; restore NDS with NetWare 4.x's own backup tools if you must. Leave it unchosen.",
};

// Issue 29: once Enter was refused, the error took the rows the wrapped items had; each item cut by Ink
// kept the rows it had wrapped to (two blank rows under it: Ink measures a text again only when the text
// changes), which pushed the header off a 60×20 terminal; in ASCII the cut showed as "." (Ink's "…", one cell).
describe.each([
	{glyphs: UNICODE_GLYPHS, cut: '…'},
	{glyphs: ASCII_GLYPHS, cut: '...'},
])('the bindery question at 60 columns, Enter refused: one row too few to wrap every item ($cut)', ({glyphs, cut}) => {
	it("draws every item in the rows it has, the one cut with the terminal's ellipsis", () => {
		const draw = (screen: Extract<Screen, {name: 'multi-select'}>) => (
			<GlyphsContext.Provider value={glyphs}>
				<Box width={60}>
					<MultiSelectScreen screen={screen} rows={16} columns={60} />
				</Box>
			</GlyphsContext.Provider>
		);
		const {error: _, ...before} = bindery;
		const ui = render(draw({...before, selected: ['FS2']}));
		expect(ui.lastFrame()).toContain('then all 120 propagated again');
		ui.rerender(draw(bindery));
		const rows = (ui.lastFrame() ?? '').split('\n');
		expect(rows.length, ui.lastFrame()).toBeLessThanOrEqual(16);
		expect(
			rows.filter(row => row.trim() === ''),
			ui.lastFrame(),
		).toEqual([]);
		const items = rows.filter(row => /FS[245] {8}/.test(row));
		expect(items).toHaveLength(3);
		// The rows past one each go to the items in order (fixl2): the one that must be cut is cut at a word.
		const cutRows = rows.filter(row => row.endsWith(` ${cut}`));
		expect(cutRows, ui.lastFrame()).toHaveLength(1);
		expect(cutRows[0]).not.toMatch(/[^.]\.\.\.[^.]/);
		for (const row of rows) expect(displayWidth(row)).toBeLessThanOrEqual(60);
		ui.unmount();
	});
});

// Issue 29 (fixl2): the reconstruct's bindery question at 60×20 with all 5 servers chosen drew each item on one
// row, cut ("12 users; if chosen: a…"), with 4 rows blank under them: every item fits a row, so the rows left go
// to whole items, and the one that must be cut is cut at a word (no number cut short).
describe('the bindery question at 60×20 with every item in view but not every one whole', () => {
	const {error: _, ...question} = bindery;
	const five: Extract<Screen, {name: 'multi-select'}> = {
		...question,
		items: [12, 9, 11, 7, 10].map((users, i) => ({
			value: `FS${i + 1}`,
			label: `FS${i + 1}        backup of 2026-12-07: ${users} users; if chosen: all 120 domain accounts removed, then propagated again`,
		})),
		cursor: 0,
		selected: ['FS1', 'FS2', 'FS3', 'FS4', 'FS5'],
	};
	it.each([
		{glyphs: UNICODE_GLYPHS, cut: ' …'},
		{glyphs: ASCII_GLYPHS, cut: ' ...'},
	])('uses the rows it has before it cuts a label, and cuts one at a word ($cut)', ({glyphs, cut}) => {
		const ui = render(
			<GlyphsContext.Provider value={glyphs}>
				<Box width={60}>
					<MultiSelectScreen screen={five} rows={16} columns={60} />
				</Box>
			</GlyphsContext.Provider>,
		);
		const frame = ui.lastFrame() ?? '';
		const rows = frame.split('\n');
		expect(rows.length, frame).toBeLessThanOrEqual(16);
		expect(
			rows.filter(row => row.trim() === ''),
			frame,
		).toEqual([]);
		expect(frame).not.toMatch(/more/);
		// Four whole, each with the accounts it removes; the fifth cut at a word, its users' number whole.
		expect(frame.match(/propagated again/g), frame).toHaveLength(4);
		const cutRows = rows.filter(row => row.endsWith(cut));
		expect(cutRows, frame).toHaveLength(1);
		expect(cutRows[0]!.slice(0, -cut.length)).toMatch(/(?:^|\s)[\w;:,-]+$/);
		for (const row of rows) expect(displayWidth(row)).toBeLessThanOrEqual(60);
		expect(frame).toContain('FS5        backup of 2026-12-07: 10 users;');
		ui.unmount();
	});
});
