import {Box} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {UNICODE_GLYPHS} from '../../../source/text/glyphs.js';
import {ManualScreen} from '../../../source/ui/screens/ManualScreen.js';
import {GlyphsContext} from '../../../source/ui/theme.js';
import type {Screen} from '../../../source/wizard/state.js';
import {choiceOf, KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

const withGlyphs = (node: React.ReactNode) => <GlyphsContext.Provider value={UNICODE_GLYPHS}>{node}</GlyphsContext.Provider>;

const synchronize: Extract<Screen, {name: 'manual'}> = {
	name: 'manual',
	step: 'synchronize',
	title: 'Synchronize all servers',
	instructions: ['On the PDC, open Synchronization Manager.', 'Choose NetWare Server ▸ Synchronize all servers.'],
	checklist: {
		items: [
			{name: 'FS1', ticked: true},
			{name: 'FS2', ticked: false},
		],
		cursor: 1,
	},
};

describe('the manual step', () => {
	it('measures its instructions as they wrap, so the checklist and the choice stay on screen', () => {
		const instructions = [
			'On the PDC, open Synchronization Manager (Start ▸ Programs ▸ Administrative Tools ▸ Synchronization Manager for NetWare).',
			'Choose NetWare Server ▸ Synchronize all servers, and confirm it: DSMN propagates every account to every managed server.',
			'Watch the list: each server shows a blue check once it is synchronized; one that keeps its red X has its reason in the Event Viewer.',
			'Tick each server below (Tab, then Space) as its blue check appears, so that the journal and the summary say which were seen.',
		];
		expect(instructions.every(line => line.length > 80)).toBe(true);
		const checklist = {items: Array.from({length: 12}, (_, i) => ({name: `FS${i + 1}`, ticked: false})), cursor: 0};
		const rows = 14;
		const screen: Extract<Screen, {name: 'manual'}> = {name: 'manual', step: 'synchronize', title: 'Synchronize all servers', instructions, checklist};
		const ui = render(
			withGlyphs(
				<Box width={80} flexDirection="column">
					<ManualScreen screen={screen} rows={rows} columns={80} choice={choiceOf(screen)} />
				</Box>,
			),
		);
		const frame = ui.lastFrame() ?? '';
		expect(frame.split('\n').length).toBeLessThanOrEqual(rows);
		expect(frame).toContain('I have done it');
		expect(frame).toContain('Not yet');
		expect(frame).toMatch(/▸ \[ \] FS1/);
		expect(frame).toMatch(/more \(Tab\)/);
		ui.unmount();
	});

	it('draws the instructions and the checklist; Tab, Space and the choice go to the controller', async () => {
		const {ui, frame, wizard} = mountScreen(synchronize, (screen, choice) => <ManualScreen screen={screen} rows={30} columns={80} choice={choice} />);
		expect(frame()).toContain('→ Your turn: Synchronize all servers'.replace('→', UNICODE_GLYPHS.arrow));
		expect(frame()).toContain('On the PDC, open Synchronization Manager.');
		expect(frame()).toContain('Blue checks seen: 1 of 2');
		expect(frame()).toMatch(/\[✓\] FS1/);
		expect(frame()).toMatch(/▸ \[ \] FS2/);
		// The pointer starts on "Not yet".
		expect(frame()).toMatch(/❯ Not yet/);
		ui.stdin.write(KEYS.tab);
		ui.stdin.write(' ');
		await waitFor(() => expect(wizard.calls).toEqual([['moveChecklist'], ['toggleChecklist']]));
		ui.stdin.write(KEYS.up);
		await waitFor(() => expect(frame()).toMatch(/❯ I have done it/));
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls.at(-1)).toEqual(['manualChoice', 'done']));
		ui.unmount();
	});

	it('keeps its pointer when a server is ticked (the same list, drawn again)', async () => {
		const {ui, frame, wizard} = mountScreen(synchronize, (screen, choice) => <ManualScreen screen={screen} rows={30} columns={80} choice={choice} />);
		wizard.respond.toggleChecklist = () =>
			wizard.set({screen: {...synchronize, checklist: {cursor: 1, items: synchronize.checklist!.items.map(i => ({...i, ticked: true}))}}});
		ui.stdin.write(KEYS.up);
		await waitFor(() => expect(frame()).toMatch(/❯ I have done it/));
		ui.stdin.write(' ');
		await waitFor(() => expect(frame()).toContain('Blue checks seen: 2 of 2'));
		expect(frame()).toMatch(/❯ I have done it/);
		ui.unmount();
	});
});
