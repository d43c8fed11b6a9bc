import {describe, expect, it} from 'vitest';
import {UnavailableScreen} from '../../../source/ui/screens/UnavailableScreen.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

describe('an unavailable choice', () => {
	it('says why; Esc goes back, Enter does nothing', async () => {
		const {ui, frame, wizard} = mountScreen({name: 'unavailable', message: 'This Windows machine can only be used on Windows.'}, now => (
			<UnavailableScreen message={now.message} />
		));
		expect(frame()).toContain('This Windows machine can only be used on Windows.');
		ui.stdin.write(KEYS.enter);
		ui.stdin.write(KEYS.escape);
		await waitFor(() => expect(wizard.calls).toEqual([['back']]));
		ui.unmount();
	});
});
