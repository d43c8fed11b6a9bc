import {Box} from 'ink';
import {describe, expect, it} from 'vitest';
import {left} from '../../../source/wizard/summary.js';
import {SummaryScreen, summaryLayout} from '../../../source/ui/screens/SummaryScreen.js';
import type {Screen} from '../../../source/wizard/state.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

const done: Extract<Screen, {name: 'summary'}> = {
	name: 'summary',
	title: 'The backup is restored and every server is synchronized',
	lines: ['Journal: /j/NTPDC-1.jsonl', 'The replaced files are in SYNCAGNT-before-restore-1.'],
	ok: true,
	exit: 0,
};

describe('the summary', () => {
	it('says what was done and where things are; Enter leaves', async () => {
		const {ui, frame, wizard} = mountScreen(done, now => <SummaryScreen screen={now} />);
		expect(frame()).toContain('✓ The backup is restored and every server is synchronized');
		expect(frame()).toContain('Journal: /j/NTPDC-1.jsonl');
		// The footer says it, once.
		expect(frame()).not.toContain('Enter leaves');
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['done']]));
		ui.unmount();
	});

	it('a summary that is not good news is marked so, and offers no key of its own', () => {
		const {ui, frame} = mountScreen({...done, ok: false, title: 'Left'}, now => <SummaryScreen screen={now} />);
		expect(frame()).toContain('⚠ Left');
		expect(frame()).not.toContain('Enter leaves.');
		ui.unmount();
	});
});

// Issue 29: at the end of a run "npm start --" and "--lab /tmp/…" were on two rows, split at a word: the
// command stands on rows of its own, broken only at spaces with the shell's continuation.
describe('the summary at 60 columns', () => {
	it("draws the command to start again whole, or continued with the shell's mark", () => {
		const long = 'npm start -- --lab /tmp/dsmn-test-Qw3rTy/a-practice-lab-in-a-long-folder/lab';
		const summary = left({kind: 'run', left: {resume: true, rollback: true} as never}, long);
		const {ui, frame} = mountScreen(summary, now => (
			<Box width={60}>
				<SummaryScreen screen={now} columns={60} />
			</Box>
		));
		const rows = frame().split('\n');
		const at = rows.findIndex(row => row.startsWith('npm start'));
		expect(at, frame()).toBeGreaterThan(0);
		expect(rows[at - 1]).toMatch(/start again on this target:$/);
		expect(rows[at]).toMatch(/ \\$/);
		expect(`${rows[at]!.slice(0, -2)} ${rows[at + 1]!.trim()}`).toBe(long);
		ui.unmount();
	});
});

// Issue 29: the repair's last screen drew 22 rows at 60×20 (18 left under the header and the footer), so the
// header and the title scrolled off. It keeps what happened and what to do next, and counts the rest, which
// the frame left in the terminal when the wizard ends prints whole.
describe('the summary on a short terminal', () => {
	const repaired: Extract<Screen, {name: 'summary'}> = {
		name: 'summary',
		title: 'Repaired: MSSYNC runs; FS2, FS4, FS5 still show a red X: synchronize next',
		ok: false,
		exit: 0,
		lines: [
			'MSSYNC.MDB in /tmp/fitlab/lab/SystemRoot/SYSTEM32/SYNCAGNT was repaired by dsmpack /r and MSSYNC runs again; the database as it was is kept as mssync.bkp.',
			'Still red: FS2, FS4, FS5. The repair kept what the database knew and sent nothing: what those servers missed reaches them only when synchronized.',
			'Next: in Synchronization Manager, NetWare Server ▸ Synchronize all servers (or start again, node /work/wt/s7-fit/dist/cli.js --lab /tmp/fitlab/lab, and choose "Only synchronize all servers").',
			"Then check: in Event Viewer on the PDC, Log ▸ Application, MSSYNC's entries since it started (why a server stays red, or why MSSYNC stopped again); and a user or two with DSMCHK: dsmchk -d CORP -u USERNAME (KB Q154760).",
			'Keep mssync.bkp until every server shows a blue check; if MSSYNC will not stay running, restore the database from a backup instead.',
			'The database as it was before the repair is kept as /tmp/fitlab/lab/SystemRoot/SYSTEM32/SYNCAGNT/mssync.bkp.',
			'The journal of this run:',
			'/tmp/fitlab/lab/journal/NTPDC-20261207-080528.jsonl',
		],
	};

	it('fits the rows it is given: what happened and what to do next first, the rest counted', () => {
		const {ui, frame} = mountScreen(repaired, now => (
			<Box width={60}>
				<SummaryScreen screen={now} columns={60} rows={18} />
			</Box>
		));
		const rows = frame().split('\n');
		expect(rows.length, frame()).toBeLessThanOrEqual(18);
		expect(rows[0]).toMatch(/^⚠ Repaired: MSSYNC runs/);
		expect(frame()).toMatch(/^MSSYNC\.MDB in/m);
		expect(frame()).toMatch(/^Next: in Synchronization Manager/m);
		const layout = summaryLayout(repaired, 18, 60);
		expect(layout.hidden).toBeGreaterThan(0);
		expect(layout.lines).toEqual([...layout.lines].sort((a, b) => a - b));
		expect(frame()).toContain(`(${layout.hidden} more lines: printed in full when you leave)`);
		ui.unmount();
	});

	it('with no row limit (the frame left when the wizard ends) draws every line', () => {
		const {ui, frame} = mountScreen(repaired, now => (
			<Box width={60}>
				<SummaryScreen screen={now} columns={60} />
			</Box>
		));
		expect(frame()).toContain('NTPDC-20261207-080528.jsonl');
		expect(frame()).toContain('Keep mssync.bkp until');
		expect(frame()).not.toContain('more lines');
		ui.unmount();
	});

	it('where everything fits, leaves nothing out', () => {
		expect(summaryLayout(done, 24, 80)).toEqual({lines: [0, 1], hidden: 0});
	});
});

describe('the summary in ASCII', () => {
	it('counts rows as ASCII draws them: "—" is two columns there', () => {
		const line = `${'a'.repeat(28)} — ${'b'.repeat(29)}`;
		expect(line.length).toBe(60);
		const screen = {...done, title: 'Left', lines: [line, 'Journal: /j/NTPDC-1.jsonl']};
		expect(summaryLayout(screen, 3, 60, '⚠').hidden).toBe(0);
		// "--" makes the line 61 columns: two rows, and the journal's line no longer fits with the count.
		expect(summaryLayout(screen, 3, 60, '[!]', true)).toEqual({lines: [0], hidden: 1});
	});
});
