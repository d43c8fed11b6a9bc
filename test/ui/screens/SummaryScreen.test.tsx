import {Box} from 'ink';
import {describe, expect, it} from 'vitest';
import {left} from '../../../source/wizard/summary.js';
import {SummaryScreen} from '../../../source/ui/screens/SummaryScreen.js';
import type {Screen} from '../../../source/wizard/state.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

const done: Extract<Screen, {name: 'summary'}> = {
	name: 'summary',
	title: 'The backup is restored and every server is synchronized',
	lines: ['Journal: /j/NTPDC-1.jsonl', 'The replaced files are in SYNCAGNT-before-restore-1.'],
	ok: true,
	exit: 0,
};

describe('the summary', () => {
	it('says what was done and where things are; Enter leaves', async () => {
		const {ui, frame, wizard} = mountScreen(done, now => <SummaryScreen screen={now} />);
		expect(frame()).toContain('✓ The backup is restored and every server is synchronized');
		expect(frame()).toContain('Journal: /j/NTPDC-1.jsonl');
		// The footer says it, once.
		expect(frame()).not.toContain('Enter leaves');
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['done']]));
		ui.unmount();
	});

	it('a summary that is not good news is marked so, and offers no key of its own', () => {
		const {ui, frame} = mountScreen({...done, ok: false, title: 'Left'}, now => <SummaryScreen screen={now} />);
		expect(frame()).toContain('⚠ Left');
		expect(frame()).not.toContain('Enter leaves.');
		ui.unmount();
	});
});

// Issue 29: at the end of a run "npm start --" and "--lab /tmp/…" were on two rows, split at a word: the
// command stands on rows of its own, broken only at spaces with the shell's continuation.
describe('the summary at 60 columns', () => {
	it("draws the command to start again whole, or continued with the shell's mark", () => {
		const long = 'npm start -- --lab /tmp/dsmn-test-Qw3rTy/a-practice-lab-in-a-long-folder/lab';
		const summary = left({kind: 'run', left: {resume: true, rollback: true} as never}, long);
		const {ui, frame} = mountScreen(summary, now => (
			<Box width={60}>
				<SummaryScreen screen={now} columns={60} />
			</Box>
		));
		const rows = frame().split('\n');
		const at = rows.findIndex(row => row.startsWith('npm start'));
		expect(at, frame()).toBeGreaterThan(0);
		expect(rows[at - 1]).toMatch(/start again on this target:$/);
		expect(rows[at]).toMatch(/ \\$/);
		expect(`${rows[at]!.slice(0, -2)} ${rows[at + 1]!.trim()}`).toBe(long);
		ui.unmount();
	});
});
