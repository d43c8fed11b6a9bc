import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {AskBackupScreen} from '../../../source/ui/screens/AskBackupScreen.js';
import {ConsequencesScreen} from '../../../source/ui/screens/ConsequencesScreen.js';
import {ManualScreen} from '../../../source/ui/screens/ManualScreen.js';
import {Select} from '../../../source/ui/widgets/Select.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

const {enter: ENTER, down: DOWN, up: UP} = KEYS;

/** A list of three, as the backup question draws it: its keys go through the wizard's one input handler. */
function mount() {
	return mountScreen({name: 'ask-backup'}, (_, choice) => <AskBackupScreen choice={choice} />);
}

describe('Select', () => {
	it('draws the pointer on the item it is given, and only there', () => {
		const items = [
			{label: 'Yes — stop MSSYNC', value: 'yes'},
			{label: 'Not now', value: 'no'},
		];
		const ui = render(<Select items={items} pointer={1} />);
		expect(ui.lastFrame()).toMatch(/^ {2}Yes — stop MSSYNC$/m);
		expect(ui.lastFrame()).toMatch(/^❯ Not now$/m);
		ui.unmount();
	});

	it('chooses with the arrows and Enter, wrapping at both ends', async () => {
		const {ui, wizard, frame} = mount();
		ui.stdin.write(UP);
		await waitFor(() => expect(frame()).toMatch(/❯ Not sure/));
		ui.stdin.write(ENTER);
		await waitFor(() => expect(wizard.calls).toEqual([['answerBackup', 'unsure']]));
		ui.unmount();
	});

	// Over a slow SSH link keys typed ahead arrive together, before the screen is redrawn: Enter must
	// choose the item the arrows reached, never the one drawn a moment ago (which may be "Yes").
	it('takes keys typed ahead in one burst in order', async () => {
		const {ui, wizard} = mount();
		ui.stdin.write(DOWN + ENTER);
		await waitFor(() => expect(wizard.calls).toEqual([['answerBackup', 'no']]));
		ui.unmount();
	});

	it('takes keys that arrive one by one before a redraw', async () => {
		const {ui, wizard} = mount();
		ui.stdin.write(DOWN);
		ui.stdin.write(DOWN);
		ui.stdin.write(ENTER);
		await waitFor(() => expect(wizard.calls).toEqual([['answerBackup', 'unsure']]));
		ui.unmount();
	});

	it('starts where it is told to, and ignores digits (no accidental choice)', async () => {
		const {ui, wizard, frame} = mountScreen({name: 'manual', step: 'synchronize', title: 'Synchronize all servers', instructions: []}, (screen, choice) => (
			<ManualScreen screen={screen} rows={30} columns={80} choice={choice} />
		));
		expect(frame()).toMatch(/❯ Not yet/);
		ui.stdin.write('1');
		ui.stdin.write(ENTER);
		await waitFor(() => expect(wizard.calls).toEqual([['manualChoice', 'later']]));
		ui.unmount();
	});

	describe('a quick double Enter on a choice', () => {
		it('is not silently dropped: the second one is reported as not used', async () => {
			const {ui, wizard} = mountScreen({name: 'consequences', servers: []}, (screen, choice) => <ConsequencesScreen screen={screen} choice={choice} />);
			ui.stdin.write(ENTER);
			ui.stdin.write(ENTER);
			await waitFor(() => expect(wizard.calls).toEqual([['acceptConsequences', 'go']]));
			expect(wizard.ignoredKeys).toEqual(['next-screen']);
			ui.unmount();
		});

		it('never chooses on the screen the first one led to, however soon that screen comes', async () => {
			const {ui, wizard} = mount();
			// The choice leads to the next question at once (the controller sets its screen before any await).
			wizard.respond.answerBackup = () => wizard.set({screen: {name: 'password-policy'}});
			ui.stdin.write(ENTER);
			ui.stdin.write(ENTER);
			await waitFor(() => expect(wizard.calls).toEqual([['answerBackup', 'yes']]));
			// A sentinel key: once q has asked to leave, the second Enter before it was handled, and chose nothing.
			ui.stdin.write('q');
			await waitFor(() => expect(wizard.calls).toContainEqual(['requestQuit']));
			expect(wizard.calls).toEqual([['answerBackup', 'yes'], ['requestQuit']]);
			expect(wizard.ignoredKeys).toEqual(['next-screen']);
			ui.unmount();
		});

		it('as one string (typed ahead): chooses nothing', async () => {
			const {ui, wizard} = mount();
			ui.stdin.write(ENTER + ENTER);
			// A sentinel key: once q has asked to leave, the burst before it was handled, and chose nothing.
			ui.stdin.write('q');
			await waitFor(() => expect(wizard.calls).toContainEqual(['requestQuit']));
			expect(wizard.calls).toEqual([['requestQuit']]);
			ui.unmount();
		});
	});
});
