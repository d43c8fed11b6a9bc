import {describe, expect, it} from 'vitest';
import {PasswordsFileScreen} from '../../../source/ui/screens/PasswordsFileScreen.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

describe('the passwords file', () => {
	it('draws the path and the error, and what kind of file it will be', () => {
		const {ui, frame} = mountScreen({name: 'passwords-file', input: '/home/admin/passwords.txt', error: 'That file exists: it is never overwritten.'}, now => (
			<PasswordsFileScreen screen={now} />
		));
		expect(frame()).toContain('Where should the list of new passwords go?');
		expect(frame()).toContain('File: /home/admin/passwords.txt');
		expect(frame()).toContain('That file exists: it is never overwritten.');
		expect(frame()).toContain('readable only by you (mode 0600)');
		// Issue 29 (fixl2): the keys that move in the line on a line of their own, not glued to the sentence.
		expect(frame()).toContain('never inside the lab or SYNCAGNT.\n');
		expect(frame().split('\n')).toContain('←→ Home End move');
		// The footer says "Tab completes" (key-table.ts): the screen does not say it again.
		expect(frame()).not.toContain('Tab completes');
		ui.unmount();
	});

	it('typing, Tab completes, Enter submits, Esc goes back', async () => {
		const {ui, wizard} = mountScreen({name: 'passwords-file', input: ''}, now => <PasswordsFileScreen screen={now} />);
		for (const key of ['/', KEYS.tab, KEYS.enter, KEYS.escape]) ui.stdin.write(key);
		await waitFor(() => expect(wizard.calls).toEqual([['typeText', '/'], ['complete'], ['submitText'], ['back']]));
		ui.unmount();
	});

	it('moves the cursor with Home, End, Ctrl+A, Ctrl+E, Left and Right, and draws the line whole around it', async () => {
		const {ui, frame, wizard} = mountScreen({name: 'passwords-file', input: '/home/admin/passwords.txt', cursor: 6}, now => (
			<PasswordsFileScreen screen={now} />
		));
		expect(frame()).toContain('File: /home/admin/passwords.txt');
		for (const key of ['\u001B[H', '\u001B[F', '\u0001', '\u0005', '\u001B[D', '\u001B[C']) ui.stdin.write(key);
		await waitFor(() =>
			expect(wizard.calls).toEqual([
				['moveTextCursor', 'start'],
				['moveTextCursor', 'end'],
				['moveTextCursor', 'start'],
				['moveTextCursor', 'end'],
				['moveTextCursor', 'left'],
				['moveTextCursor', 'right'],
			]),
		);
		ui.unmount();
	});
});
