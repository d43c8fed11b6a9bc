import {Box} from 'ink';
import {Text} from './Text.js';
import type {WizardState} from '../../wizard/state.js';
import {displayWidth, packedRows, wrappedRows} from '../../text/measure.js';
import {safeText} from '../../text/sanitize.js';

/** Whether the steps are drawn on one line only (how many done, the current one). */
function compact(steps: NonNullable<WizardState['steps']>, columns: number): boolean {
	return displayWidth(steps.map((s, i) => `${i + 1}. ${s.title}`).join('  ')) > columns * 1.5 || steps.length > 6;
}

/** The step under way (running or failed), else the next one: what the one-line list names. */
function currentStep(steps: NonNullable<WizardState['steps']>) {
	return steps.find(s => s.status === 'running' || s.status === 'failed') ?? steps.find(s => s.status === 'pending');
}

/** The one-line list's text, as drawn (the separator and the mark are one column each). */
function compactText(steps: NonNullable<WizardState['steps']>): string {
	const done = steps.filter(s => s.status === 'done').length;
	const current = currentStep(steps);
	return `${done} of ${steps.length} steps done${current ? ` · > ${steps.indexOf(current) + 1}. ${safeText(current.title)}` : ''}`;
}

/**
 * Whether the one-line list wraps whole (ARCHITECTURE.md, "Layout at any size"): on two rows it names the
 * current step whole ("Copy the backup into SYNCAGNT\Backup"); longer than that, it is cut on one row.
 */
function compactWraps(steps: NonNullable<WizardState['steps']>, columns: number): boolean {
	return wrappedRows(compactText(steps), columns) <= 2;
}

/** The rows the step list takes at this width: what the screens below it must leave room for. */
export function stepListRows(steps: WizardState['steps'], columns: number): number {
	if (!steps) return 0;
	if (compact(steps, columns)) return compactWraps(steps, columns) ? wrappedRows(compactText(steps), columns) : 1;
	return packedRows(
		steps.map((s, i) => `${i + 1}. ${s.title}`),
		columns,
		2,
	);
}
import {useGlyphs} from '../theme.js';

/**
 * Where the admin is: what is done, what runs, what is left. Every step on one or two lines when they
 * fit; else (narrow terminals, a reconstruct of many servers) one line: how many are done, and the current one.
 */
export function StepList({steps, columns}: {steps: NonNullable<WizardState['steps']>; columns: number}) {
	const glyphs = useGlyphs();
	if (compact(steps, columns)) {
		const done = steps.filter(s => s.status === 'done').length;
		const current = currentStep(steps);
		const mark = current?.status === 'failed' ? glyphs.error : current?.status === 'running' ? glyphs.arrow : glyphs.bullet;
		return (
			<Text wrap={compactWraps(steps, columns) ? 'wrap' : 'truncate-end'}>
				<Text color="green">
					{done} of {steps.length} steps done
				</Text>
				{current ? (
					<Text color={current.status === 'failed' ? 'red' : 'cyan'}>
						{' '}
						{glyphs.separator} {mark} {steps.indexOf(current) + 1}. {safeText(current.title)}
					</Text>
				) : null}
			</Text>
		);
	}
	return (
		<Box flexWrap="wrap" columnGap={2}>
			{steps.map((step, i) => {
				const mark = step.status === 'done' ? glyphs.ok : step.status === 'failed' ? glyphs.error : step.status === 'running' ? glyphs.arrow : `${i + 1}.`;
				const color = step.status === 'done' ? 'green' : step.status === 'failed' ? 'red' : step.status === 'running' ? 'cyan' : 'gray';
				return (
					<Text key={step.id} color={color} bold={step.status === 'running'}>
						{mark} {step.title}
					</Text>
				);
			})}
		</Box>
	);
}
