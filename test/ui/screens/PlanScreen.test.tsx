import {describe, expect, it} from 'vitest';
import {Box} from 'ink';
import {PlanScreen, planLayout} from '../../../source/ui/screens/PlanScreen.js';
import type {Screen} from '../../../source/wizard/state.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

const plan: Extract<Screen, {name: 'plan'}> = {
	name: 'plan',
	flow: 'restore',
	steps: ['Stop MSSYNC', 'Move the current database aside', 'Copy the backup into SYNCAGNT (you will type RESTORE)', 'Start MSSYNC', 'Synchronize all servers'],
	lines: ['Journal: /j/NTPDC-1.jsonl'],
};

describe('the plan', () => {
	it('numbers the steps, says each asks first, and Enter begins', async () => {
		const {ui, frame, wizard} = mountScreen(plan, (now, choice) => <PlanScreen screen={now} rows={30} choice={choice} />);
		expect(frame()).toContain('The plan (KB Q148678)');
		expect(frame()).toContain('1. Stop MSSYNC');
		expect(frame()).toContain('3. Copy the backup into SYNCAGNT (you will type RESTORE)');
		expect(frame()).toContain('Journal: /j/NTPDC-1.jsonl');
		expect(frame()).toContain('Each step asks before it changes anything.');
		expect(frame()).toMatch(/❯ Begin/);
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['startPlan']]));
		ui.unmount();
	});

	it('a reconstruct says it has no backup; in a short terminal the steps left out are counted', () => {
		const {ui, frame} = mountScreen({...plan, flow: 'reconstruct'}, (now, choice) => <PlanScreen screen={now} rows={6} choice={choice} />);
		expect(frame()).toContain('The plan (KB Q148678, no backup)');
		expect(frame()).toMatch(/… and 3 more steps/);
		ui.unmount();
	});

	it('at 60 columns with rows to spare, a long step wraps whole instead of being cut mid-word', () => {
		const newPdc = {...plan, flow: 'new-pdc' as const, steps: ['Stop MSSYNC', 'Copy the backup into SYNCAGNT\\Backup (you will type RESTORE)', 'Start MSSYNC']};
		const {ui, frame} = mountScreen(newPdc, (now, choice) => (
			<Box width={60}>
				<PlanScreen screen={now} rows={17} columns={60} choice={choice} />
			</Box>
		));
		expect(frame().replace(/\s+/g, ' ')).toContain('2. Copy the backup into SYNCAGNT\\Backup (you will type RESTORE)');
		ui.unmount();
	});
});

// Issue 29: at 60×20 the repair's plan cut each line under the steps in the middle ("dsmpack /r repairs
// MSSYNC.MDB …ince the last backup is lost."): words split, sentences nonsense. Lines are kept whole, in
// order, as they fit; the rest are counted, and `?` shows them (App's hiddenLines).
describe('the plan in a short terminal', () => {
	const repair: Extract<Screen, {name: 'plan'}> = {
		name: 'plan',
		flow: 'repair',
		steps: ['Repair the database with dsmpack /r', 'Start MSSYNC'],
		lines: [
			'dsmpack /r repairs MSSYNC.MDB in /tmp/dsmn-narrow-k2YZUX/lab/SystemRoot/SYSTEM32/SYNCAGNT where it is and keeps the database as it was as mssync.bkp: nothing is replaced, nothing changed since the last backup is lost.',
			'MSSYNC is stopped already, as dsmpack needs it: there is nothing to stop first.',
			"In the practice lab the tool runs the lab's dsmpack.",
			'The repair sends nothing to the NetWare servers: a server with a red X keeps it until the servers are synchronized after the repair (the last screen says how).',
			'If MSSYNC still will not start afterwards, start again and restore the backup.',
			'Journal: /tmp/dsmn-narrow-k2YZUX/lab/journal',
		],
	};

	it('keeps whole lines that fit, in order, never a line cut in the middle, and counts the rest', () => {
		const layout = planLayout(repair, 16, 60, 1);
		expect(layout.steps).toBe(2);
		expect(layout.hidden).toBeGreaterThan(0);
		expect(layout.lines).toEqual(repair.lines.filter(line => layout.lines.includes(line)));
		const {ui, frame} = mountScreen(repair, (now, choice) => (
			<Box width={60}>
				<PlanScreen screen={now} rows={16} columns={60} choice={choice} />
			</Box>
		));
		expect(frame()).not.toContain('…');
		expect(frame()).toContain(`(${layout.hidden} more lines: ? shows them)`);
		expect(frame().split('\n').length, frame()).toBeLessThanOrEqual(16);
		expect(frame()).toMatch(/^2\. Start MSSYNC$/m);
		ui.unmount();
	});

	it('with rows enough, every line', () => {
		expect(planLayout(repair, 40, 60, 1)).toMatchObject({hidden: 0, lines: repair.lines, wrapSteps: true});
	});
});
