import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {rowsOf} from '../../text/measure.js';
import {safeText} from '../../text/sanitize.js';
import {Select, type ChoiceView} from '../widgets/Select.js';

const PLAN_TITLES: Readonly<Record<Extract<Screen, {name: 'plan'}>['flow'], string>> = {
	restore: 'KB Q148678',
	reconstruct: 'KB Q148678, no backup',
	'new-pdc': 'KB Q154761, the backup onto a new PDC',
	repair: 'KB Q197852, repair with dsmpack',
};

/**
 * How the plan fits `rows` rows (ARCHITECTURE.md, "Layout at any size"): every step first, wrapped whole
 * when everything fits so, else one row each; the lines under them (backup, snapshot folder, journal)
 * wrapped, else one row each cut in the middle, else left out; steps are counted as "… and N more" only
 * when even they do not fit.
 */
export function planLayout(screen: Extract<Screen, {name: 'plan'}>, rows: number, columns: number, choices: number) {
	const fixed = 2 + choices;
	const steps = screen.steps.length;
	const lines = screen.lines.map(safeText);
	const stepRows = rowsOf(
		screen.steps.map((step, i) => `${i + 1}. ${safeText(step)}`),
		columns,
	);
	if (fixed + stepRows + rowsOf(lines, columns) <= rows) return {steps, wrapSteps: true, lines: 'wrap' as const};
	if (fixed + steps + rowsOf(lines, columns) <= rows) return {steps, wrapSteps: false, lines: 'wrap' as const};
	if (fixed + steps + lines.length <= rows) return {steps, wrapSteps: false, lines: 'cut' as const};
	if (fixed + steps <= rows) return {steps, wrapSteps: false, lines: 'none' as const};
	return {steps: Math.max(2, rows - fixed - 1), wrapSteps: false, lines: 'none' as const};
}

export function PlanScreen({
	screen,
	rows,
	columns = 80,
	choice,
}: {
	screen: Extract<Screen, {name: 'plan'}>;
	rows: number;
	columns?: number;
	choice: ChoiceView;
}) {
	const layout = planLayout(screen, rows, columns, choice.items.length);
	const shown = screen.steps.slice(0, layout.steps);
	return (
		<Box flexDirection="column">
			<Text bold>The plan ({PLAN_TITLES[screen.flow]})</Text>
			{shown.map((step, i) => (
				<Text key={i} wrap={layout.wrapSteps ? 'wrap' : 'truncate-end'}>
					{i + 1}. {safeText(step)}
				</Text>
			))}
			{shown.length < screen.steps.length ? <Text dimColor>… and {screen.steps.length - shown.length} more steps</Text> : null}
			{layout.lines === 'none'
				? null
				: screen.lines.map((line, i) => (
						<Text key={`l${i}`} dimColor wrap={layout.lines === 'cut' ? 'truncate-middle' : 'wrap'}>
							{safeText(line)}
						</Text>
					))}
			<Text>Each step asks before it changes anything.</Text>
			<Select {...choice} />
		</Box>
	);
}
