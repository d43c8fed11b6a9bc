import {describe, expect, it} from 'vitest';
import {TargetFieldScreen} from '../../../source/ui/screens/TargetFieldScreen.js';
import {FIELDS} from '../../../source/wizard/fields.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

describe("a real target's field", () => {
	it('asks its question with its hint, and shows what was typed and the error', () => {
		const {ui, frame} = mountScreen({name: 'target-field', field: 'host', input: 'NTPDC1', length: 6, error: 'No such host.'}, now => (
			<TargetFieldScreen screen={now} />
		));
		expect(frame()).toContain(FIELDS.host.question);
		expect(frame()).toContain('> NTPDC1');
		expect(frame()).toContain('No such host.');
		expect(frame()).toContain(FIELDS.host.hint);
		ui.unmount();
	});

	it('a secret shows one dot per character, never the text', () => {
		const {ui, frame} = mountScreen({name: 'target-field', field: 'password', input: 'hunter2', length: 7}, now => <TargetFieldScreen screen={now} />);
		expect(frame()).toContain('> •••••••');
		expect(frame()).not.toContain('hunter2');
		ui.unmount();
	});

	it('typing (q too, and ? once the line is not empty), Backspace, Enter, Esc', async () => {
		const {ui, wizard} = mountScreen({name: 'target-field', field: 'host', input: 'h', length: 1}, now => <TargetFieldScreen screen={now} />);
		for (const key of ['q', '?', KEYS.backspace, KEYS.enter, KEYS.escape]) ui.stdin.write(key);
		await waitFor(() => expect(wizard.calls).toEqual([['typeText', 'q'], ['typeText', '?'], ['eraseText'], ['submitText'], ['back']]));
		ui.unmount();
	});
});
