import {describe, expect, it} from 'vitest';
import {TargetScreen} from '../../../source/ui/screens/TargetScreen.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

describe('where to work', () => {
	it('offers the lab first, this Windows machine, a remote server; with a note under them', async () => {
		const {ui, frame, wizard} = mountScreen({name: 'target', note: 'The lab could not be created here.'}, (now, choice) => (
			<TargetScreen {...(now.note ? {note: now.note} : {})} choice={choice} />
		));
		expect(frame()).toContain('Where do you want to work?');
		expect(frame()).toMatch(/❯ The practice lab — a simulated NT server/);
		expect(frame()).toContain('This Windows machine — a rehearsal');
		expect(frame()).toContain('A remote NT server — the PDC running DSMN: a real recovery');
		expect(frame()).toContain('The lab could not be created here.');
		ui.stdin.write(KEYS.down);
		ui.stdin.write(KEYS.down);
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['chooseTarget', 'remote']]));
		ui.unmount();
	});
});
