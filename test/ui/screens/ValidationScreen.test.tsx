import {describe, expect, it} from 'vitest';
import type {ValidationReport} from '../../../source/backup/report.js';
import {Box} from 'ink';
import {render} from 'ink-testing-library';
import {ASCII_GLYPHS, UNICODE_GLYPHS, markCell} from '../../../source/text/glyphs.js';
import {GlyphsContext} from '../../../source/ui/theme.js';
import {ValidationScreen, validationLayout} from '../../../source/ui/screens/ValidationScreen.js';
import {choiceOf, KEYS, mountScreen} from '../../helpers/screen-harness.js';
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

	// Issue 29: at 60×20 the notes were cut at the row's end ("log generation." lost its number, "Jet 0x500, cle.").
	it.each([
		['Unicode', UNICODE_GLYPHS],
		['ASCII', ASCII_GLYPHS],
	] as const)('at 60 columns and few rows (%s), no note is cut: each is whole beside its file, under it, or in the help', (_name, glyphs) => {
		const jet = 'Jet 0x500, clean shutdown, 4096-byte pages';
		const report: ValidationReport = {
			folder: '/tmp/dsmn-resync-lab-24UbUO/lab/backup',
			valid: true,
			files: [
				file('JET.LOG', 'ok', ['log generation 4']),
				file('JET00001.LOG', 'ok', ['log generation 1']),
				file('JET00002.LOG', 'ok', ['log generation 2']),
				file('JET00003.LOG', 'ok', ['log generation 3']),
				file('MSSYNC.MDB', 'ok', [jet]),
				file('MSSYNC.PAT', 'ok', [jet]),
				file('SYSTEM.MDB', 'ok', [jet]),
			],
			errors: [],
			warnings: ['the backup is 6 days old (2026-11-30 16:27): every change to accounts since then must be resynchronized to the NetWare servers'],
		};
		const screen = {name: 'validation' as const, report};
		const choice = choiceOf(screen);
		for (const rows of [14, 17, 30]) {
			const frame =
				render(
					<GlyphsContext.Provider value={glyphs}>
						<Box width={60}>
							<ValidationScreen screen={screen} rows={rows} columns={60} choice={choice} />
						</Box>
					</GlyphsContext.Provider>,
				).lastFrame() ?? '';
			const {hidden} = validationLayout(
				screen,
				rows,
				60,
				markCell('', glyphs).length,
				choice.items.map(i => i.label),
			);
			expect(frame.split('\n').length, frame).toBeLessThanOrEqual(rows);
			// No row ends in a cut ("…" or ".", the ASCII form) where a note was.
			expect(frame, frame).not.toMatch(/(generation|Jet 0x500, cle|Jet)[.…]?$/m);
			for (const f of report.files) {
				const note = f.messages[0]!;
				const whole = frame.split('\n').some(row => row.includes(note)) || hidden.some(line => line.includes(f.name) && line.endsWith(`: ${note}`));
				expect(whole, `${f.name} at ${rows} rows:\n${frame}\n${hidden.join('\n')}`).toBe(true);
			}
			if (hidden.length) expect(frame).toMatch(/\(the notes on \d+ files did not fit: \? shows them\)/);
		}
	});
});
