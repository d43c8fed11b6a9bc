import {describe, expect, it} from 'vitest';
import type {ValidationReport} from '../../../source/backup/report.js';
import {ValidationScreen} from '../../../source/ui/screens/ValidationScreen.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

const file = (name: string, status: 'ok' | 'warning' | 'error', messages: string[] = []) => ({
	name,
	size: 73_728,
	mtime: '2026-11-20T10:00:00.000Z',
	kind: 'database' as const,
	status,
	messages,
	restored: true,
});

const usable: ValidationReport = {
	folder: '/lab/backup',
	valid: true,
	files: [file('MSSYNC.MDB', 'ok'), file('SYSTEM.MDB', 'ok')],
	errors: [],
	warnings: ['the backup is 12 days old'],
};

describe('the validation of a backup', () => {
	it('a usable backup with a warning: the files, the warning, and "I have read the warning: continue"', async () => {
		const {ui, frame, wizard} = mountScreen({name: 'validation', report: usable}, (now, choice) => <ValidationScreen screen={now} rows={30} choice={choice} />);
		expect(frame()).toContain('Backup /lab/backup');
		expect(frame()).toMatch(/✓ MSSYNC\.MDB\s+72\.0 KiB/);
		expect(frame()).toContain('⚠ the backup is 12 days old');
		expect(frame()).toMatch(/❯ I have read the warning: continue/);
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['acceptValidation']]));
		ui.unmount();
	});

	it('"Choose another folder" goes back', async () => {
		const {ui, frame, wizard} = mountScreen({name: 'validation', report: {...usable, warnings: []}}, (now, choice) => (
			<ValidationScreen screen={now} rows={30} choice={choice} />
		));
		expect(frame()).toMatch(/❯ Continue/);
		ui.stdin.write(KEYS.down);
		await waitFor(() => expect(frame()).toMatch(/❯ Choose another folder/));
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['back']]));
		ui.unmount();
	});

	it('a folder that cannot be restored from: the errors, nothing changed, only another folder offered', async () => {
		const report: ValidationReport = {
			...usable,
			valid: false,
			files: [file('MSSYNC.MDB', 'error', ['an Access database'])],
			errors: ['SYSTEM.MDB is missing'],
			warnings: [],
		};
		const {ui, frame, wizard} = mountScreen({name: 'validation', report}, (now, choice) => <ValidationScreen screen={now} rows={30} choice={choice} />);
		expect(frame()).toMatch(/✗ MSSYNC\.MDB .*an Access database/);
		expect(frame()).toContain('✗ SYSTEM.MDB is missing');
		expect(frame()).toContain('This folder cannot be restored from. Nothing was changed.');
		expect(frame()).not.toContain('continue');
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['back']]));
		ui.unmount();
	});
});
