import {describe, expect, it} from 'vitest';
import {RunningScreen} from '../../../source/ui/screens/RunningScreen.js';
import type {Screen} from '../../../source/wizard/state.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

const copying: Extract<Screen, {name: 'running'}> = {
	name: 'running',
	step: 'copy-backup',
	title: 'Copy the backup into SYNCAGNT',
	progress: {kind: 'copy', file: 'MSSYNC.MDB', fileDone: 1, fileTotal: 4, bytesDone: 73_728, bytesTotal: 147_456, startedAt: Date.now()},
};

describe('a step running', () => {
	it('draws its title and progress: a copy in bytes, a count, the service state', () => {
		const copy = mountScreen(copying, now => <RunningScreen screen={now} rows={20} columns={80} leaving={false} />, {busy: true});
		expect(copy.frame()).toContain('Copy the backup into SYNCAGNT…');
		expect(copy.frame()).toContain('50%');
		expect(copy.frame()).toContain('72.0 KiB of 144 KiB');
		expect(copy.frame()).toContain('MSSYNC.MDB');
		copy.ui.unmount();
		const count = mountScreen({...copying, progress: {kind: 'count', label: 'files moved', done: 1, total: 4}}, now => (
			<RunningScreen screen={now} rows={20} columns={80} leaving={false} />
		));
		expect(count.frame()).toMatch(/25%\s+files moved/);
		count.ui.unmount();
		const service = mountScreen({...copying, title: 'Stop MSSYNC', progress: {kind: 'service', state: 'STOP_PENDING'}}, now => (
			<RunningScreen screen={now} rows={20} columns={80} leaving />
		));
		expect(service.frame()).toContain('MSSYNC: STOP_PENDING');
		service.ui.unmount();
		// The time so far: stopping MSSYNC may take up to its timeout.
		const slow = mountScreen({...copying, title: 'Stop MSSYNC', progress: {kind: 'service', state: 'STOP_PENDING'}, startedAt: Date.now() - 42_000}, now => (
			<RunningScreen screen={now} rows={20} columns={80} leaving />
		));
		expect(slow.frame()).toContain('MSSYNC: STOP_PENDING · 42 s so far');
		expect(slow.frame()).toContain('Leaving once this step reaches a safe point…');
		slow.ui.unmount();
		// Stop MSSYNC itself (issue 29): the time limit, and how long leaving may wait at most.
		const stuck = mountScreen(
			{...copying, step: 'stop-service', title: 'Stop MSSYNC', progress: {kind: 'service', state: 'STOP_PENDING'}, startedAt: Date.now()},
			now => <RunningScreen screen={now} rows={20} columns={120} leaving />,
		);
		expect(stuck.frame().replace(/\s+/g, ' ')).toMatch(/MSSYNC may take up to \d+ s to stop \(DSMN_RESYNC_SERVICE_TIMEOUT sets the limit\)\./);
		expect(stuck.frame().replace(/\s+/g, ' ')).toMatch(/Leaving once this step ends: when MSSYNC has stopped, about \d+ s at most from the start of the step/);
		stuck.ui.unmount();
	});

	it('while it runs, q asks to leave (at the next safe point) and Enter does nothing', async () => {
		const {ui, wizard} = mountScreen(copying, now => <RunningScreen screen={now} rows={20} columns={80} leaving={false} />, {busy: true});
		ui.stdin.write(KEYS.enter);
		ui.stdin.write('q');
		await waitFor(() => expect(wizard.calls).toEqual([['requestQuit']]));
		ui.unmount();
	});

	// A "y" and a "2" pressed one at a time while Stop MSSYNC ran were dropped without a word: only a burst's leftovers were said.
	it('says a key pressed alone while it runs, of no use there, on the screen that asks next; q, ? and Ctrl+C are not said', async () => {
		const {ui, wizard} = mountScreen(
			{...copying, title: 'Stop MSSYNC', progress: {kind: 'service', state: 'STOP_PENDING'}},
			now => <RunningScreen screen={now} rows={20} columns={80} leaving={false} />,
			{busy: true},
		);
		for (const [key, said] of [
			['y', 1],
			['2', 2],
			[KEYS.enter, 3],
		] as const) {
			ui.stdin.write(key);
			// Each alone: handled before the next is pressed.
			await waitFor(() => expect(wizard.ignoredKeys.length).toBe(said));
		}
		// ? and Ctrl+C act (the help, the question to leave), and q, the last: by then every key before it has been handled.
		for (const key of ['?', KEYS.ctrlC, 'q']) ui.stdin.write(key);
		await waitFor(() => expect(wizard.calls.length).toBe(3));
		expect(wizard.ignoredKeys).toEqual(['next-screen', 'next-screen', 'next-screen']);
		ui.unmount();
	});
});

// Issue 29: under the quit question at 60×20 the synchronization view kept its five rows and more, and pushed the frame past the screen.
describe('a step running with few rows (an overlay over it)', () => {
	const synchronizing: Extract<Screen, {name: 'running'}> = {
		name: 'running',
		step: 'synchronize',
		title: 'Synchronize all servers',
		progress: {
			kind: 'sync',
			startedAt: Date.now(),
			servers: ['FS1', 'FS2', 'FS3', 'FS4', 'FS5'].map(name => ({name, total: 120, done: 30, state: 'synchronizing' as const})),
		},
	};

	it.each([1, 2, 3, 4, 6, 9])('keeps to %i rows: the title first, then the overall count, then the servers', rows => {
		const {ui, frame} = mountScreen(synchronizing, now => <RunningScreen screen={now} rows={rows} columns={60} leaving={false} />, {busy: true});
		const drawn = frame().split('\n');
		expect(drawn.length).toBeLessThanOrEqual(rows);
		expect(drawn[0]).toContain('Synchronize all servers…');
		if (rows >= 2) expect(frame()).toContain('150/600 account updates');
		ui.unmount();
	});

	it('leaving: the title and what leaving waits for, before the progress', () => {
		const {ui, frame} = mountScreen(synchronizing, now => <RunningScreen screen={now} rows={3} columns={60} leaving />, {busy: true});
		expect(frame().split('\n').length).toBeLessThanOrEqual(3);
		expect(frame()).toContain('Leaving once the synchronization stops');
		ui.unmount();
	});
});
