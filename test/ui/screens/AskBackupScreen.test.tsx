import {describe, expect, it} from 'vitest';
import {AskBackupScreen} from '../../../source/ui/screens/AskBackupScreen.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

describe('the backup question', () => {
	it('asks it, names the files, and answers with the item chosen', async () => {
		const {ui, frame, wizard} = mountScreen({name: 'ask-backup'}, (_, choice) => <AskBackupScreen choice={choice} />);
		expect(frame()).toContain('Do you have a backup of the account synchronization database?');
		expect(frame()).toContain('MSSYNC.MDB, SYSTEM.MDB, JET*.LOG and *.PAT');
		expect(frame()).toMatch(/❯ Yes — restore it \(KB Q148678, steps 1–4\)/);
		expect(frame()).toContain('No — reconstruct the NetWare account information');
		expect(frame()).toContain('Not sure — search for backup sets');
		ui.stdin.write(KEYS.down);
		await waitFor(() => expect(frame()).toMatch(/❯ No — reconstruct/));
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['answerBackup', 'no']]));
		ui.unmount();
	});

	it('on a promoted BDC (the PDC was lost) the restore answer names KB Q154761, not Q148678', () => {
		const {ui, frame} = mountScreen({name: 'ask-backup', pdc: 'new'}, (_, choice) => <AskBackupScreen choice={choice} />);
		expect(frame()).toMatch(/❯ Yes — restore it onto this new PDC \(KB Q154761\)/);
		expect(frame()).not.toContain('Q148678');
		ui.unmount();
	});

	it('? asks why, Esc goes back, q asks to leave', async () => {
		const {ui, wizard} = mountScreen({name: 'ask-backup'}, (_, choice) => <AskBackupScreen choice={choice} />);
		ui.stdin.write('?');
		ui.stdin.write('q');
		ui.stdin.write(KEYS.escape);
		await waitFor(() => expect(wizard.calls).toEqual([['showHelp'], ['requestQuit'], ['back']]));
		ui.unmount();
	});
});
