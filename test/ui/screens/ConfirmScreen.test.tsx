import {describe, expect, it} from 'vitest';
import {ConfirmScreen} from '../../../source/ui/screens/ConfirmScreen.js';
import type {Screen} from '../../../source/wizard/state.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

const stop: Extract<Screen, {name: 'confirm'}> = {
	name: 'confirm',
	step: 'stop-service',
	title: 'Stop MSSYNC',
	changes: ['Runs "net stop MSSYNC".', 'It can be undone: the roll back starts it again.'],
	typed: '',
};
const copy: Extract<Screen, {name: 'confirm'}> = {
	...stop,
	step: 'copy-backup',
	title: 'Copy the backup into SYNCAGNT',
	changes: ['Replaces the live database.'],
	word: 'RESTORE',
	typed: 'REST',
	error: '"RESTOR" is not RESTORE',
};

describe('a confirmation', () => {
	it('a step that can be undone: what it changes, Yes or No; y confirms', async () => {
		const {ui, frame, wizard} = mountScreen(stop, (now, choice) => <ConfirmScreen screen={now} choice={choice} />);
		expect(frame()).toContain('⚠ Stop MSSYNC');
		expect(frame()).toContain('Runs "net stop MSSYNC".');
		expect(frame()).toMatch(/❯ Yes — Stop MSSYNC/);
		expect(frame()).toContain('Not now — leave; start again later to resume');
		ui.stdin.write('y');
		await waitFor(() => expect(wizard.calls).toEqual([['confirm']]));
		ui.unmount();
	});

	it('"Not now" asks to leave; where nothing has changed yet it is "No — go back" and goes back', async () => {
		const leaving = mountScreen(stop, (now, choice) => <ConfirmScreen screen={now} choice={choice} />);
		leaving.ui.stdin.write(KEYS.down);
		await waitFor(() => expect(leaving.frame()).toMatch(/❯ Not now/));
		leaving.ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(leaving.wizard.calls).toEqual([['requestQuit']]));
		leaving.ui.unmount();

		const {ui, frame, wizard} = mountScreen(stop, (now, choice) => <ConfirmScreen screen={now} choice={choice} />);
		wizard.canGoBackAnswer = true;
		wizard.set({screen: {...stop}});
		await waitFor(() => expect(frame()).toContain('No — go back (nothing has been changed)'));
		ui.stdin.write(KEYS.down);
		await waitFor(() => expect(frame()).toMatch(/❯ No — go back/));
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['back']]));
		ui.unmount();
	});

	it('a step that cannot be undone: the word to type, what was typed, the error; y is typed, not taken as yes', async () => {
		const {ui, frame, wizard} = mountScreen(copy, (now, choice) => <ConfirmScreen screen={now} choice={choice} />);
		expect(frame()).toContain('Copy the backup into SYNCAGNT');
		expect(frame()).toContain('Type RESTORE and press Enter to go on.');
		expect(frame()).toContain('> REST');
		expect(frame()).toContain('"RESTOR" is not RESTORE');
		expect(frame()).not.toContain('Yes —');
		ui.stdin.write('y');
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['typeText', 'y'], ['submitText']]));
		ui.unmount();
	});
});
