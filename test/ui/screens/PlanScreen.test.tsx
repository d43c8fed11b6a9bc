import {describe, expect, it} from 'vitest';
import {Box} from 'ink';
import {PlanScreen} from '../../../source/ui/screens/PlanScreen.js';
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
