import {describe, expect, it} from 'vitest';
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
