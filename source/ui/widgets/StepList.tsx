import {Box} from 'ink';
import {Text} from './Text.js';
import type {WizardState} from '../../wizard/state.js';
import {displayWidth, packedRows} from '../../text/measure.js';
import {safeText} from '../../text/sanitize.js';

/** Whether the steps are drawn on one line only (how many done, the current one). */
function compact(steps: NonNullable<WizardState['steps']>, columns: number): boolean {
	return displayWidth(steps.map((s, i) => `${i + 1}. ${s.title}`).join('  ')) > columns * 1.5 || steps.length > 6;
}

/** The rows the step list takes at this width: what the screens below it must leave room for. */
export function stepListRows(steps: WizardState['steps'], columns: number): number {
	if (!steps) return 0;
	if (compact(steps, columns)) return 1;
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
		const current = steps.find(s => s.status === 'running' || s.status === 'failed') ?? steps.find(s => s.status === 'pending');
		const mark = current?.status === 'failed' ? glyphs.error : current?.status === 'running' ? glyphs.arrow : glyphs.bullet;
		return (
			<Text wrap="truncate-end">
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
