import {describe, expect, it} from 'vitest';
import {PasswordEntryScreen} from '../../../source/ui/screens/PasswordEntryScreen.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

describe('the initial password', () => {
	it('shows one dot per character and never the password; asks it twice', () => {
		const first = mountScreen({name: 'password-entry', stage: 'first', length: 5}, now => <PasswordEntryScreen screen={now} />);
		expect(first.frame()).toContain('Type the initial password (8 to 14 characters)');
		expect(first.frame()).toContain('> •••••');
		expect(first.frame()).toContain('It is not shown, not stored and not journaled.');
		first.ui.unmount();
		const second = mountScreen({name: 'password-entry', stage: 'second', length: 0, error: 'The two do not match.'}, now => (
			<PasswordEntryScreen screen={now} />
		));
		expect(second.frame()).toContain('Type it again, to be sure');
		expect(second.frame()).toContain('The two do not match.');
		second.ui.unmount();
	});

	it('every printable key is typed (q included); Backspace erases, Enter submits', async () => {
		const {ui, wizard} = mountScreen({name: 'password-entry', stage: 'first', length: 0}, now => <PasswordEntryScreen screen={now} />);
		for (const key of ['q', 'Z', KEYS.backspace, KEYS.enter]) ui.stdin.write(key);
		await waitFor(() => expect(wizard.calls).toEqual([['typeText', 'q'], ['typeText', 'Z'], ['eraseText'], ['submitText']]));
		ui.unmount();
	});
});
