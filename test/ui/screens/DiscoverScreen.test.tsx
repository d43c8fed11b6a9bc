import {describe, expect, it} from 'vitest';
import {DiscoverScreen} from '../../../source/ui/screens/DiscoverScreen.js';
import type {BackupCandidate} from '../../../source/backup/discover.js';
import type {Screen} from '../../../source/wizard/state.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

const found = (folder: string, extra: Partial<BackupCandidate> = {}): BackupCandidate => ({
	folder,
	modified: new Date('2026-11-20T10:00:00Z'),
	files: 4,
	size: 147_456,
	live: false,
	...extra,
});

describe('the search for backup sets', () => {
	it('before searching: a field for where to search; keys are typed, Enter searches', async () => {
		const {ui, frame, wizard} = mountScreen({name: 'discover', input: '/lab', searching: false}, (now, choice) => (
			<DiscoverScreen screen={now} choice={choice} />
		));
		expect(frame()).toContain('Search for backup sets');
		expect(frame()).toContain('Search under: /lab');
		expect(frame()).toContain('Enter searches (five levels down, links not followed).');
		ui.stdin.write('q');
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['typeText', 'q'], ['submitText']]));
		ui.unmount();
	});

	it('while searching: says so, and takes no typing', async () => {
		const {ui, frame, wizard} = mountScreen({name: 'discover', input: '/lab', searching: true}, (now, choice) => (
			<DiscoverScreen screen={now} choice={choice} />
		));
		expect(frame()).toContain('Searching…');
		ui.stdin.write('x');
		// A sentinel key: once q has asked to leave, the x before it was handled, and not typed.
		ui.stdin.write('q');
		await waitFor(() => expect(wizard.calls).toContainEqual(['requestQuit']));
		expect(wizard.calls).toEqual([['requestQuit']]);
		ui.unmount();
	});

	it('what it found, newest first, never the live SYNCAGNT; Enter checks the one under the pointer', async () => {
		const screen: Extract<Screen, {name: 'discover'}> = {
			name: 'discover',
			input: '/lab',
			searching: false,
			results: [found('/lab/backup'), found('/lab/SYSTEM32/SYNCAGNT', {live: true}), found('/lab/rolled-back', {madeByTool: 'rolled-back'})],
		};
		const {ui, frame, wizard} = mountScreen(screen, (now, choice) => <DiscoverScreen screen={now} choice={choice} />);
		// The list is the backup sets, then the folders this tool made (each newest first): the line says so, never "2 backup sets, newest first".
		expect(frame().replace(/\s+/g, ' ')).toContain('Found 1 backup set, then 1 folder dsmn-resync made (not a backup), each newest first:');
		expect(frame()).toMatch(/❯ \/lab\/backup — .*, 4 files, 144 KiB/);
		expect(frame()).not.toContain('/lab/SYSTEM32/SYNCAGNT');
		expect(frame().replace(/\s+/g, ' ')).toContain('made by dsmn-resync: files a roll back took out, not a backup');
		ui.stdin.write(KEYS.down);
		await waitFor(() => expect(frame()).toMatch(/❯ \/lab\/rolled-back/));
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['chooseBackup', '/lab/rolled-back']]));
		ui.unmount();
	});

	it('nothing found: says where else to look; Esc searches elsewhere', async () => {
		const screen: Extract<Screen, {name: 'discover'}> = {name: 'discover', input: '/lab', searching: false, results: []};
		const {ui, frame, wizard} = mountScreen(screen, (now, choice) => <DiscoverScreen screen={now} choice={choice} />);
		expect(frame()).toContain('No folder holding an MSSYNC.MDB was found under /lab.');
		expect(frame()).toContain('Set Database Backup Options');
		ui.stdin.write(KEYS.enter);
		ui.stdin.write(KEYS.escape);
		await waitFor(() => expect(wizard.calls).toEqual([['back']]));
		ui.unmount();
	});
});
