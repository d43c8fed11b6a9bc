import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {UNICODE_GLYPHS} from '../../../source/text/glyphs.js';
import {GlyphsContext} from '../../../source/ui/theme.js';
import {HelpOverlay, QuitOverlay} from '../../../source/ui/widgets/Overlays.js';
import type {Screen} from '../../../source/wizard/state.js';

const withGlyphs = (node: React.ReactNode) => <GlyphsContext.Provider value={UNICODE_GLYPHS}>{node}</GlyphsContext.Provider>;

describe('the ? help', () => {
	it('on the bindery question explains the bindery backup, not only the keys', () => {
		const screen: Screen = {name: 'multi-select', purpose: 'bindery', title: 'Restore the bindery', hint: '', items: [], cursor: 0, selected: []};
		const ui = render(withGlyphs(<HelpOverlay screen={screen} />));
		expect(ui.lastFrame()).toMatch(/NET\$OBJ\.OLD/);
		expect(ui.lastFrame()).toMatch(/lost/);
		ui.unmount();
	});

	it("on a step, gives the step's own why and its KB text", () => {
		const screen: Screen = {
			name: 'confirm',
			step: 'stop-service',
			title: 'Stop MSSYNC',
			changes: [],
			typed: '',
			help: {why: 'DSMN must not write.', kb: 'KB Q148678 step 1'},
		};
		const ui = render(withGlyphs(<HelpOverlay screen={screen} />));
		expect(ui.lastFrame()).toContain('DSMN must not write.');
		expect(ui.lastFrame()).toContain('KB Q148678 step 1');
		expect(ui.lastFrame()).toContain('Any key closes this.');
		ui.unmount();
	});
});

describe('the quit question', () => {
	it('says what leaving now means, and which keys answer', () => {
		const ui = render(withGlyphs(<QuitOverlay note="Nothing has been changed on the target." />));
		expect(ui.lastFrame()).toContain('Leave dsmn-resync?');
		expect(ui.lastFrame()).toContain('Nothing has been changed on the target.');
		expect(ui.lastFrame()).toContain('y leave · n or Esc stay');
		ui.unmount();
	});
});
