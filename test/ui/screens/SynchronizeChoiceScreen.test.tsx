/**
 * The synchronize choice keeps its danger on the screen (issue 29, "Cut"): at 60×20 the plain synchronize's
 * "are silently skipped" was left to `?`. Drawn with the rows the wizard gives it under a one- or two-row
 * header and the footer (ui/App.tsx: the terminal's rows less one, less the chrome).
 */
import {Box} from 'ink';
import {describe, expect, it} from 'vitest';
import {recommendSynchronize, SYNCHRONIZE_CHOICES} from '../../../source/procedure/synchronize-choice.js';
import {SynchronizeChoiceScreen} from '../../../source/ui/screens/SynchronizeChoiceScreen.js';
import {synchronizeAdvice, synchronizeQuestion} from '../../../source/wizard/flows/situation-synchronize.js';
import {synchronizeOnlyQuestion} from '../../../source/wizard/flows/synchronize-only-screens.js';
import {mountScreen} from '../../helpers/screen-harness.js';

const NOW = new Date('2026-12-07T06:00:00Z');
const HOUR = 3_600_000;

/** The screen drawn at `columns` with `rows` for it, as one paragraph (rows joined). */
function drawn(screen: ReturnType<typeof synchronizeQuestion>, columns: number, rows: number): string {
	const {ui, frame} = mountScreen(screen, (now, choice) => (
		<Box width={columns} flexDirection="column">
			<SynchronizeChoiceScreen screen={now} choice={choice} rows={rows} columns={columns} />
		</Box>
	));
	const text = frame();
	ui.unmount();
	const lines = text.split('\n');
	expect(lines.length, text).toBeLessThanOrEqual(rows);
	return lines.map(line => line.trim()).join(' ');
}

// The terminal's rows less one (never the last row), less the header (one or two rows: a long lab path wraps) and the footer.
const SIZES = [
	{columns: 60, rows: 20 - 1 - 2 - 1},
	{columns: 60, rows: 20 - 1 - 1 - 1},
	{columns: 80, rows: 24 - 1 - 2 - 1},
];

describe('the synchronize choice at 60×20 and 80×24', () => {
	for (const [name, taken] of [
		['a backup 6 days old (Fully synchronize recommended)', new Date(NOW.getTime() - 6 * 24 * HOUR)],
		['a backup 3 hours old (Synchronize recommended)', new Date(NOW.getTime() - 3 * HOUR)],
		['a backup of unknown age', undefined],
	] as const)
		it(`shows the plain synchronize's danger whole, with ${name}`, () => {
			const screen = synchronizeQuestion('restore', recommendSynchronize(taken, NOW));
			for (const {columns, rows} of SIZES) {
				const text = drawn(screen, columns, rows);
				// Each choice's line whole, the plain one's danger ("silently skipped") with it.
				for (const kind of ['normal', 'full'] as const)
					expect(text, `${columns} columns, ${rows} rows`).toContain(`${SYNCHRONIZE_CHOICES[kind].label}: ${SYNCHRONIZE_CHOICES[kind].consequence}`);
				expect(SYNCHRONIZE_CHOICES.normal.consequence).toMatch(/silently skipped\.$/);
				expect(text).toMatch(/Recommended: (Fully s|S)ynchronize all servers\. The backup/);
			}
		});

	it('"Only synchronize all servers" shows what the plain one leaves out', () => {
		const screen = synchronizeOnlyQuestion(synchronizeAdvice('only', undefined, NOW));
		for (const {columns, rows} of SIZES) expect(drawn(screen, columns, rows)).toMatch(/Changes that left the log before MSSYNC read them are not sent\./);
	});

	it('what the tool cannot see of the change log is under `?`, not lost', () => {
		const screen = synchronizeQuestion('restore', recommendSynchronize(new Date(NOW.getTime() - 6 * 24 * HOUR), NOW));
		expect(screen.help?.why).toMatch(/it holds a fixed number of account changes, not days/);
	});
});
