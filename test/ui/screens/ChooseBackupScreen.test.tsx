import {describe, expect, it} from 'vitest';
import {ChooseBackupScreen} from '../../../source/ui/screens/ChooseBackupScreen.js';
import type {Screen} from '../../../source/wizard/state.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

const screen: Extract<Screen, {name: 'choose-backup'}> = {
	name: 'choose-backup',
	input: '/lab/backup',
	candidates: ['/lab/backup', '/lab/backup-old'],
	suggestions: [
		{folder: '/lab/backup', modified: new Date('2026-11-20T10:00:00Z'), files: 4, size: 147_456, live: false},
		{folder: '/lab/SYNCAGNT-before-restore-1', modified: new Date('2026-11-21T10:00:00Z'), files: 4, size: 147_456, live: false, madeByTool: 'before-restore'},
	],
	error: 'Type the folder that holds the backup (Tab completes), or pick one found below.',
};

describe('the backup folder field', () => {
	it('draws the path typed, the completions, what was found nearby (naming what the tool made) and the error', () => {
		const {ui, frame} = mountScreen(screen, now => <ChooseBackupScreen screen={now} />);
		expect(frame()).toContain('Which folder holds the backup?');
		expect(frame()).toContain('Folder: /lab/backup');
		expect(frame()).toContain('/lab/backup  /lab/backup-old');
		expect(frame()).toContain('Found nearby (newest first):');
		expect(frame()).toMatch(/\/lab\/backup — .*, 4 files, 144 KiB/);
		expect(frame().replace(/\s+/g, ' ')).toContain('made by dsmn-resync: the database a restore replaced, not a backup');
		expect(frame()).toContain('or pick one found below.');
		ui.unmount();
	});

	it('takes every printable key as typing (q and ? included); Tab completes, Backspace erases, Enter submits, Esc goes back', async () => {
		const {ui, wizard} = mountScreen(screen, now => <ChooseBackupScreen screen={now} />);
		for (const key of ['q', '?', KEYS.tab, KEYS.backspace, KEYS.enter, KEYS.escape]) ui.stdin.write(key);
		await waitFor(() => expect(wizard.calls).toEqual([['typeText', 'q'], ['typeText', '?'], ['complete'], ['eraseText'], ['submitText'], ['back']]));
		ui.unmount();
	});
});
