import {describe, expect, it} from 'vitest';
import {PasswordPolicyScreen} from '../../../source/ui/screens/PasswordPolicyScreen.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

describe('the password policy', () => {
	it('offers a random password per user (first: safer) or one initial password', async () => {
		const {ui, frame, wizard} = mountScreen({name: 'password-policy'}, (_, choice) => <PasswordPolicyScreen choice={choice} />);
		expect(frame()).toContain('How should the propagated users get their new passwords?');
		expect(frame()).toMatch(/❯ A random password for each user, listed in a private file \(safer\)/);
		ui.stdin.write(KEYS.down);
		await waitFor(() => expect(frame()).toMatch(/❯ One initial password you type/));
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['choosePasswordPolicy', 'initial']]));
		ui.unmount();
	});
});
