import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {rowsOf, wrappedRows} from '../../text/measure.js';
import {safeText} from '../../text/sanitize.js';
import {hiddenNote} from '../widgets/Question.js';
import {Select, type ChoiceView} from '../widgets/Select.js';

const PLAN_TITLES: Readonly<Record<Extract<Screen, {name: 'plan'}>['flow'], string>> = {
	restore: 'KB Q148678',
	reconstruct: 'KB Q148678, no backup',
	'new-pdc': 'KB Q154761, the backup onto a new PDC',
	repair: 'KB Q197852, repair with dsmpack',
};

/**
 * How the plan fits `rows` rows (ARCHITECTURE.md, "Layout at any size"): every step first, wrapped whole
 * where the rows allow (else one row each); then the lines under them (what the plan does, the journal)
 * whole, in their order, each that fits with those kept, the rest counted for the help (`?` shows them:
 * a line cut in the middle read as nonsense, "MSSYNC.MDB …ince the last backup"); steps are counted as
 * "… and N more" only when even they do not fit.
 */
export function planLayout(screen: Extract<Screen, {name: 'plan'}>, rows: number, columns: number, choices: number) {
	const fixed = 2 + choices;
	const steps = screen.steps.length;
	const lines = screen.lines.map(safeText);
	const stepRows = rowsOf(
		screen.steps.map((step, i) => `${i + 1}. ${safeText(step)}`),
		columns,
	);
	if (fixed + steps > rows) return {steps: Math.max(2, rows - fixed - 1), wrapSteps: false, lines: [] as string[], hidden: lines.length};
	const note = (hidden: number) => (hidden > 0 ? wrappedRows(hiddenNote(hidden), columns) : 0);
	const wrapSteps = fixed + stepRows + rowsOf(lines, columns) <= rows || fixed + stepRows + note(lines.length) <= rows;
	const stepsUsed = fixed + (wrapSteps ? stepRows : steps);
	const fits = (kept: readonly string[]) => stepsUsed + rowsOf(kept, columns) + note(lines.length - kept.length) <= rows;
	// Each line in its order if it fits with those kept (a shorter one after one left out may still fit).
	const kept: string[] = [];
	for (const line of lines) if (fits([...kept, line])) kept.push(line);
	return {steps, wrapSteps, lines: kept, hidden: lines.length - kept.length};
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
			{layout.lines.map((line, i) => (
				<Text key={`l${i}`} dimColor>
					{line}
				</Text>
			))}
			{layout.hidden > 0 ? <Text dimColor>{hiddenNote(layout.hidden)}</Text> : null}
			<Text>Each step asks before it changes anything.</Text>
			<Select {...choice} />
		</Box>
	);
}
