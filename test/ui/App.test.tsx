import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {loadLab, saveLab} from '../../source/lab/state.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from '../../source/text/glyphs.js';
import {App} from '../../source/ui/App.js';
import {GlyphsContext} from '../../source/ui/theme.js';
import {waitFor} from '../helpers/wait-for.js';
import {controllerOnLab, makeLab, toFirstConfirmation} from '../helpers/wizard-walk.js';

const ENTER = '\r';
const ESC = '\u001B';
const DOWN = '\u001B[B';

async function mount(ascii = false) {
	const dir = await makeLab();
	const controller = controllerOnLab(dir, {seenMs: 0});
	const ui = render(
		<GlyphsContext.Provider value={ascii ? ASCII_GLYPHS : UNICODE_GLYPHS}>
			<App controller={controller} />
		</GlyphsContext.Provider>,
	);
	await controller.start();
	const frame = () => ui.lastFrame() ?? '';
	const press = async (key: string, expected: string | RegExp) => {
		ui.stdin.write(key);
		await waitFor(() => expect(frame()).toMatch(expected));
	};
	return {dir, controller, ui, frame, press};
}

describe('the wizard on screen', () => {
	it('shows the target at a glance: service, servers with ✓ and ✗, how many are red', async () => {
		const {frame, ui} = await mount();
		await waitFor(() => expect(frame()).toContain('Managed NetWare servers'));
		expect(frame()).toMatch(/Service MSSYNC: RUNNING/);
		expect(frame()).toMatch(/✓ FS1\s+synchronized/);
		expect(frame()).toMatch(/✗ FS2\s+its record in MSSYNC\.MDB is damaged/);
		expect(frame()).toContain('3 of 5 servers show a red X.');
		// Issue 29: a question is no place for the last command run on the target (it was noise on every one).
		expect(frame()).not.toContain('Last command');
		ui.unmount();
	});

	it('names the last command where it helps: a step that failed, not the questions before it', async () => {
		const {dir, controller, frame, ui} = await mount();
		await saveLab(dir, {...(await loadLab(dir)), fault: 'stop-refused'});
		await waitFor(() => expect(frame()).toContain('Continue'));
		await toFirstConfirmation(controller);
		await waitFor(() => expect(frame()).toContain('Yes — Stop MSSYNC'));
		expect(frame()).not.toContain('Last command');
		await controller.dispatch({type: 'confirm'});
		await waitFor(() => expect(controller.getState().screen.name).toBe('failure'));
		await waitFor(() => expect(frame()).toMatch(/Last command: (net stop|sc query) MSSYNC/));
		ui.unmount();
	});

	it('draws [ok] and [X] in ASCII mode', async () => {
		const {frame, ui} = await mount(true);
		await waitFor(() => expect(frame()).toMatch(/\[ok\] FS1/));
		expect(frame()).toMatch(/\[X\] {2}FS2/);
		// One column: "[ok]" and "[X]" are of different widths, the names after them line up.
		const rows = frame().split('\n');
		expect(rows.find(row => row.includes('FS2'))!.indexOf('FS2')).toBe(rows.find(row => row.includes('FS1'))!.indexOf('FS1'));
		expect(frame()).not.toMatch(/[✓✗⚠]/);
		ui.unmount();
	});

	// Issue 29: in ASCII the log's lines had the marks padded as a column ("[!]  the backup…", "*    note").
	it('prints the log with one space after each mark in ASCII mode', async () => {
		const {controller, frame, ui} = await mount(true);
		await waitFor(() => expect(frame()).toMatch(/\[ok\] FS1/));
		const {store} = (controller as unknown as {s: {store: {log(tone: string, text: string): void}}}).s;
		store.log('warning', 'the backup is old');
		store.log('info', 'a note');
		store.log('ok', 'Stop MSSYNC');
		await waitFor(() => expect(frame()).toContain('[ok] Stop MSSYNC'));
		const rows = frame().split('\n');
		expect(rows).toContain('[!] the backup is old');
		expect(rows).toContain('* a note');
		ui.unmount();
	});

	// Issue 28, item 4: the header and the backup answer named KB Q148678 after "The PDC was lost", whose restore follows KB Q154761.
	it('after "The PDC was lost" the header and the backup answer name KB Q154761', async () => {
		const {frame, press, ui} = await mount();
		await waitFor(() => expect(frame()).toContain('Continue'));
		await press(ENTER, 'What brings you here?');
		expect(frame().split('\n')[0]).toMatch(/^dsmn-resync . KB Q148678 . practice lab/);
		// Asked once, by the PDC question: "No", a BDC promoted since.
		await press(ENTER, 'Is this the PDC that ran DSMN all along?');
		await press(DOWN, /❯ No — a BDC promoted to PDC since/);
		await press(ENTER, 'Do you have a backup of the account synchronization database?');
		expect(frame().split('\n')[0]).toMatch(/^dsmn-resync . KB Q154761 . practice lab/);
		expect(frame()).toMatch(/❯ Yes — restore it onto this new PDC \(KB Q154761\)/);
		expect(frame()).not.toMatch(/KB Q148678/);
		ui.unmount();
	});

	it('asks the backup question, explains it with ?, and goes back with Esc', async () => {
		const {frame, press, ui} = await mount();
		await waitFor(() => expect(frame()).toContain('Continue'));
		await press(ENTER, 'What brings you here?');
		await press(ENTER, 'Is this the PDC that ran DSMN all along?');
		await press(ENTER, 'Do you have a backup of the account synchronization database?');
		await press('?', 'Why this step');
		expect(frame()).toContain('KB Q148678');
		await press('x', 'Do you have a backup');
		await press(ESC, 'Is this the PDC that ran DSMN all along?');
		await press(ESC, 'What brings you here?');
		await press(ESC, 'Managed NetWare servers');
		ui.unmount();
	});

	it('asks before leaving, and stays on n', async () => {
		const {frame, press, controller, ui} = await mount();
		await waitFor(() => expect(frame()).toContain('Continue'));
		await press('q', 'Leave dsmn-resync?');
		await press('n', 'Managed NetWare servers');
		await press('\u0003', 'Leave dsmn-resync?');
		await press('y', /.*/);
		await waitFor(() => expect(controller.getState().exit).toBe(130));
		ui.unmount();
	});

	it('types a backup path, validates it, and shows the table and the warning to acknowledge', async () => {
		const {frame, press, ui} = await mount();
		await waitFor(() => expect(frame()).toContain('Continue'));
		await press(ENTER, 'What brings you here?');
		await press(ENTER, 'Is this the PDC that ran DSMN all along?');
		await press(ENTER, 'Do you have a backup');
		await press(ENTER, 'Which folder holds the backup?');
		await press(ENTER, /Backup .*backup/);
		expect(frame()).toMatch(/✓ MSSYNC\.MDB\s+1\.0 MiB/);
		expect(frame()).toMatch(/⚠ the backup is \d+ days old/);
		expect(frame()).toContain('I have read the warning: continue');
		await press(ENTER, 'How should the servers be synchronized at the end of the restore?');
		await press(ENTER, 'The plan (KB Q148678)');
		expect(frame()).toContain('(you will type RESTORE)');
		ui.unmount();
	});

	it('takes a path and Enter typed ahead in one burst, and drops what follows once a choice is on screen', async () => {
		const {dir, frame, press, ui} = await mount();
		await waitFor(() => expect(frame()).toContain('Continue'));
		await press(ENTER, 'What brings you here?');
		await press(ENTER, 'Is this the PDC that ran DSMN all along?');
		await press(ENTER, 'Do you have a backup');
		await press(ENTER, 'Which folder holds the backup?');
		const typed = (frame().match(/Folder: (.*)/)?.[1] ?? '').trimEnd();
		ui.stdin.write('\u007F'.repeat(typed.length));
		await waitFor(() => expect(frame()).toMatch(/Folder:\s*$/m));
		// As a slow link delivers it: the whole path, Enter, then keys meant for whatever comes next.
		ui.stdin.write(`${join(dir, 'backup')}\rq`);
		await waitFor(() => expect(frame()).toContain('I have read the warning: continue'));
		// A sentinel key after the burst: once its effect (the help) is drawn, the q before it was handled, and dropped.
		ui.stdin.write('?');
		await waitFor(() => expect(frame()).toContain('Why this step'));
		expect(frame()).not.toContain('Leave dsmn-resync?');
		ui.unmount();
	});

	it('refuses a typed path that is not a backup, naming why', async () => {
		const {frame, press, ui} = await mount();
		await waitFor(() => expect(frame()).toContain('Continue'));
		await press(ENTER, 'What brings you here?');
		await press(ENTER, 'Is this the PDC that ran DSMN all along?');
		await press(ENTER, 'Do you have a backup');
		await press(DOWN, /❯ No — reconstruct/);
		await press(DOWN, /❯ Not sure/);
		await press(ESC, 'Is this the PDC that ran DSMN all along?');
		await press(ESC, 'What brings you here?');
		await press(ESC, 'Managed NetWare servers');
		await press(ENTER, 'What brings you here?');
		await press(ENTER, 'Is this the PDC that ran DSMN all along?');
		await press(ENTER, 'Do you have a backup');
		await press(ENTER, 'Which folder holds the backup?');
		const typed = (frame().match(/Folder: (.*)/)?.[1] ?? '').trimEnd();
		for (let i = 0; i < typed.length; i++) {
			ui.stdin.write('\u007F');
			await new Promise(resolve => setTimeout(resolve, 2));
		}
		await waitFor(() => expect(frame()).toMatch(/Folder:\s*$/m));
		ui.stdin.write('/nonexistent/place');
		await press(ENTER, 'cannot be restored from');
		expect(frame()).toContain('does not exist');
		ui.unmount();
	});
});
