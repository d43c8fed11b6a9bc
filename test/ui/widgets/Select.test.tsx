import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {Select} from '../../../source/ui/widgets/Select.js';
import {waitFor} from '../../helpers/wait-for.js';

const ENTER = '\r';
const DOWN = '\u001B[B';
const UP = '\u001B[A';

function mount(initialIndex = 0) {
	const chosen: string[] = [];
	const items = [
		{label: 'Yes — stop MSSYNC', value: 'yes'},
		{label: 'Not now', value: 'no'},
		{label: 'Something else', value: 'else'},
	];
	const ui = render(<Select items={items} initialIndex={initialIndex} onSelect={value => chosen.push(value)} />);
	return {ui, chosen};
}

describe('Select', () => {
	it('chooses with the arrows and Enter, wrapping at both ends', async () => {
		const {ui, chosen} = mount();
		ui.stdin.write(UP);
		await waitFor(() => expect(ui.lastFrame()).toMatch(/❯ Something else/));
		ui.stdin.write(ENTER);
		await waitFor(() => expect(chosen).toEqual(['else']));
	});

	// Over a slow SSH link keys typed ahead arrive together, before the screen is redrawn: Enter must
	// choose the item the arrows reached, never the one drawn a moment ago (which may be "Yes").
	it('takes keys typed ahead in one burst in order', async () => {
		const {ui, chosen} = mount();
		ui.stdin.write(DOWN + ENTER);
		await waitFor(() => expect(chosen).toEqual(['no']));
	});

	it('takes keys that arrive one by one before a redraw', async () => {
		const {ui, chosen} = mount();
		ui.stdin.write(DOWN);
		ui.stdin.write(DOWN);
		ui.stdin.write(ENTER);
		await waitFor(() => expect(chosen).toEqual(['else']));
	});

	it('starts where it is told to, and ignores digits (no accidental choice)', async () => {
		const {ui, chosen} = mount(1);
		expect(ui.lastFrame()).toMatch(/❯ Not now/);
		ui.stdin.write('1');
		ui.stdin.write(ENTER);
		await waitFor(() => expect(chosen).toEqual(['no']));
	});
});
