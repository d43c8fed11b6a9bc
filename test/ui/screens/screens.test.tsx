/** Screens that count, measure or explain: what they print must be so. */
import {Box} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import type {Screen} from '../../../source/wizard/state.js';
import {UNICODE_GLYPHS} from '../../../source/text/glyphs.js';
import {hiddenServersLine, InspectScreen} from '../../../source/ui/screens/InspectScreen.js';
import {ManualScreen} from '../../../source/ui/screens/ManualScreen.js';
import {GlyphsContext} from '../../../source/ui/theme.js';
import {HelpOverlay} from '../../../source/ui/widgets/Overlays.js';
import {IgnoredKeyContext, Select} from '../../../source/ui/widgets/Select.js';
import {waitFor} from '../../helpers/wait-for.js';

const withGlyphs = (node: React.ReactNode) => <GlyphsContext.Provider value={UNICODE_GLYPHS}>{node}</GlyphsContext.Provider>;

describe('the inspect screen', () => {
	it('counts the rows it hides: red ones are never summed up as synchronized', () => {
		// 32 servers, 18 red (every server but the 14 even ones up to FS28), at 30 rows: not all fit.
		const servers = Array.from({length: 32}, (_, i) => ({name: `FS${i + 1}`, synchronized: i % 2 === 1 && i < 28, syncAgent: true, users: 120}));
		const red = servers.filter(s => !s.synchronized).length;
		expect(red).toBe(18);
		const screen: Extract<Screen, {name: 'inspect'}> = {name: 'inspect', syncagnt: '/S', service: 'RUNNING', servers, files: 12, real: false, checks: []};
		const ui = render(withGlyphs(<InspectScreen screen={screen} rows={30} onChoose={() => {}} />));
		const frame = ui.lastFrame() ?? '';
		const shownRed = (frame.match(/✗ FS\d+/g) ?? []).length;
		const shownGreen = (frame.match(/✓ FS\d+/g) ?? []).length;
		expect(shownRed).toBeLessThan(red);
		expect(frame).toContain(`… and ${32 - shownRed - shownGreen} more: ${red - shownRed} with a red X, ${14 - shownGreen} synchronized`);
		expect(frame).toContain('18 of 32 servers show a red X.');
		ui.unmount();
	});

	it('says "shows" for one server, and words the hidden rows by what they are', () => {
		const one = render(
			withGlyphs(
				<InspectScreen
					screen={{
						name: 'inspect',
						syncagnt: '/S',
						service: 'RUNNING',
						servers: [
							{name: 'FS1', synchronized: false, syncAgent: true, users: 1},
							{name: 'FS2', synchronized: true, syncAgent: true, users: 1},
						],
						files: 1,
						real: false,
						checks: [],
					}}
					rows={30}
					onChoose={() => {}}
				/>,
			),
		);
		expect(one.lastFrame()).toContain('1 of 2 servers shows a red X.');
		one.unmount();
		expect(hiddenServersLine([{synchronized: true}, {synchronized: true}], false)).toBe('… and 2 more: 2 synchronized');
		expect(hiddenServersLine([{synchronized: false}], false)).toBe('… and 1 more: 1 with a red X');
	});
});

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
		const ui = render(
			withGlyphs(
				<Box width={80} flexDirection="column">
					<ManualScreen
						screen={{name: 'manual', step: 'synchronize', title: 'Synchronize all servers', instructions, checklist}}
						rows={rows}
						columns={80}
						onChoose={() => {}}
					/>
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
});

describe('the ? help', () => {
	it('on the bindery question explains the bindery backup, not only the keys', () => {
		const screen: Screen = {name: 'multi-select', purpose: 'bindery', title: 'Restore the bindery', hint: '', items: [], cursor: 0, selected: []};
		const ui = render(withGlyphs(<HelpOverlay screen={screen} />));
		expect(ui.lastFrame()).toMatch(/NET\$OBJ\.OLD/);
		expect(ui.lastFrame()).toMatch(/lost/);
		ui.unmount();
	});
});

describe('a quick double Enter on a choice', () => {
	it('is not silently dropped: the second one is reported as not used', async () => {
		let ignored = 0;
		const chosen: string[] = [];
		const ui = render(
			<IgnoredKeyContext.Provider value={() => ignored++}>
				<Select items={[{label: 'Continue', value: 'continue'}]} onSelect={value => chosen.push(value)} />
			</IgnoredKeyContext.Provider>,
		);
		ui.stdin.write('\r');
		ui.stdin.write('\r');
		await waitFor(() => expect(chosen).toEqual(['continue']));
		expect(ignored).toBe(1);
		ui.unmount();
	});
});
