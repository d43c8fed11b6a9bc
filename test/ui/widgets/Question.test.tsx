import {describe, expect, it} from 'vitest';
import {recommendSynchronize} from '../../../source/procedure/synchronize-choice.js';
import {rowsOf, wrappedRows} from '../../../source/text/measure.js';
import {questionLayout} from '../../../source/ui/widgets/Question.js';
import {netwareAllQuestion} from '../../../source/wizard/flows/situation-netware.js';
import {synchronizeQuestion} from '../../../source/wizard/flows/situation-synchronize.js';

const labels = (screen: {items: {label: string}[]}) => screen.items.map(item => item.label);
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-12-07T06:00:00Z');

/** The rows the question's layout draws: its title, the lines kept, the count of those left out, the list. */
function drawnRows(screen: Parameters<typeof questionLayout>[0], columns: number, layout: ReturnType<typeof questionLayout>): number {
	const note = layout.hidden > 0 ? wrappedRows(`(${layout.hidden} more lines: ? shows them)`, columns) : 0;
	return wrappedRows(screen.title, columns) + rowsOf(layout.lines, columns) + note + rowsOf(labels(screen), columns - 2);
}

/** No line left out would fit the rows left blank (with the count's row, when it is the only one left out). */
function noHiddenLineFits(screen: Parameters<typeof questionLayout>[0], rows: number, columns: number, layout: ReturnType<typeof questionLayout>): void {
	const left = rows - drawnRows(screen, columns, layout);
	expect(left).toBeGreaterThanOrEqual(0);
	for (const line of screen.lines.filter(line => !layout.lines.includes(line)))
		expect(wrappedRows(line, columns), `"${line}" fits the ${left} rows left`).toBeGreaterThan(left + (layout.hidden === 1 ? 1 : 0));
}

// Issue 29: at 60×20 (17 rows for the screen under a two-row header and the footer) the synchronize
// question left out the recommended choice's own paragraph, and the NetWare question the practice lab's
// note (one row) after the 4.x paragraph (four), while 3 rows stayed blank.
describe('questionLayout at 60 columns', () => {
	it("keeps the recommended choice's own line before the others", () => {
		const screen = synchronizeQuestion('restore', recommendSynchronize(new Date(NOW.getTime() - 6 * DAY), NOW));
		const layout = questionLayout(screen, 17, 60, labels(screen));
		expect(layout.lines[0]).toMatch(/^Recommended: Fully synchronize all servers\./);
		expect(layout.lines).toContain(screen.lines.find(line => line.startsWith('Fully synchronize all servers: ')));
		noHiddenLineFits(screen, 17, 60, layout);
	});

	it('keeps a later line that fits after one that does not: the lab note after the 4.x paragraph', () => {
		const screen = netwareAllQuestion(['FS2', 'FS4', 'FS5'], {}, 'The practice lab says: FS4 runs NetWare 4.x.');
		const layout = questionLayout(screen, 17, 60, labels(screen));
		expect(layout.lines.at(-1)).toBe('The practice lab says: FS4 runs NetWare 4.x.');
		expect(layout.hidden).toBe(1);
		noHiddenLineFits(screen, 17, 60, layout);
	});

	it('keeps the lines in their order, and all of them where they fit', () => {
		const screen = synchronizeQuestion('restore', recommendSynchronize(new Date(NOW.getTime() - 6 * DAY), NOW));
		expect(questionLayout(screen, 40, 60, labels(screen))).toEqual({lines: screen.lines, hidden: 0});
		for (const rows of [10, 14, 17, 20, 24]) {
			const layout = questionLayout(screen, rows, 60, labels(screen));
			expect(layout.lines).toEqual(screen.lines.filter(line => layout.lines.includes(line)));
			noHiddenLineFits(screen, rows, 60, layout);
		}
	});
});

// Issue 29: the synchronize question at 60×20 left 3 rows blank above "(2 more lines: ? shows them)", every
// line left out being 4 rows: the rows left take the first line left out, cut short at a word.
describe('questionLayout fills the rows it has', () => {
	const screen = synchronizeQuestion('restore', recommendSynchronize(new Date(NOW.getTime() - 6 * DAY), NOW));
	it('at 60×20: no blank row; the line cut short is the first left out, its first rows whole, then "…"', () => {
		const layout = questionLayout(screen, 17, 60, labels(screen));
		expect(layout.hidden).toBeGreaterThan(0);
		expect(layout.drawn, 'a line cut short').toBeDefined();
		const drawn = layout.drawn!;
		const note = wrappedRows(`(the rest and ${layout.hidden - 1} more lines: ? shows them)`, 60);
		expect(wrappedRows(screen.title, 60) + rowsOf(drawn, 60) + note + rowsOf(labels(screen), 58)).toBe(17);
		const cut = drawn.find(line => !screen.lines.includes(line))!;
		expect(cut).toMatch(/ …$/);
		const whole = screen.lines.find(line => !layout.lines.includes(line))!;
		expect(whole.startsWith(cut.slice(0, -2).replaceAll('\n', ' ')), `${cut} is the start of ${whole}`).toBe(true);
		// Room for the mark as ASCII draws it too ("..."), so that --ascii does not wrap the row.
		for (const row of cut.split('\n')) expect(row.replace('…', '...').length).toBeLessThanOrEqual(60);
	});

	it('where every line fits, or no row is left, draws the lines as they are', () => {
		expect(questionLayout(screen, 40, 60, labels(screen)).drawn).toBeUndefined();
		for (const rows of [10, 14, 17, 20, 24]) {
			const layout = questionLayout(screen, rows, 60, labels(screen));
			if (layout.drawn) expect(layout.drawn.filter(line => screen.lines.includes(line))).toEqual(layout.lines);
		}
	});
});
