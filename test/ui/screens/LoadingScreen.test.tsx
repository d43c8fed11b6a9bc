import {describe, expect, it} from 'vitest';
import {LoadingScreen} from '../../../source/ui/screens/LoadingScreen.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

describe('the loading screen', () => {
	it('says what it is doing, harmlessly; Enter does nothing, q asks to leave', async () => {
		const {ui, frame, wizard} = mountScreen({name: 'loading', message: 'Checking /lab/backup\u001B[2J…'}, now => <LoadingScreen message={now.message} />);
		expect(frame()).toContain('Checking /lab/backup');
		expect(frame()).not.toContain('\u001B[2J');
		ui.stdin.write(KEYS.enter);
		ui.stdin.write('q');
		await waitFor(() => expect(wizard.calls).toEqual([['requestQuit']]));
		ui.unmount();
	});
});
