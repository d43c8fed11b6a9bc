/** The step list at 60 columns: the one-line form names the current step whole, on two rows, when it fits them. */
import {Box} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {StepList, stepListRows} from '../../../source/ui/widgets/StepList.js';
import type {WizardState} from '../../../source/wizard/state.js';

type Steps = NonNullable<WizardState['steps']>;

function steps(current: string): Steps {
	const titles = ['Stop MSSYNC', 'Move the current database aside', current, 'Start MSSYNC', 'Synchronize all servers', 'Look for Event 8005', 'Check'];
	return titles.map((title, i) => ({id: `s${i}`, title, status: i < 2 ? 'done' : i === 2 ? 'running' : 'pending'}));
}

describe('the step list', () => {
	it('at 60 columns, the current step is named whole on two rows, and the layout counts them', () => {
		const list = steps('Copy the backup into SYNCAGNT\\Backup, checking each file');
		const ui = render(
			<Box width={60}>
				<StepList steps={list} columns={60} />
			</Box>,
		);
		const rows = ui.lastFrame()!.split('\n');
		expect(rows).toHaveLength(2);
		expect(rows.map(row => row.trim()).join(' ')).toContain('3. Copy the backup into SYNCAGNT\\Backup, checking each file');
		expect(stepListRows(list, 60)).toBe(2);
		ui.unmount();
	});

	it('a title too long for two rows is cut on one, and counted as one', () => {
		const list = steps('Copy '.repeat(40).trim());
		const ui = render(
			<Box width={60}>
				<StepList steps={list} columns={60} />
			</Box>,
		);
		expect(ui.lastFrame()!.split('\n')).toHaveLength(1);
		expect(stepListRows(list, 60)).toBe(1);
		ui.unmount();
	});
});
