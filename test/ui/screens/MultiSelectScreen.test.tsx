import {describe, expect, it} from 'vitest';
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
