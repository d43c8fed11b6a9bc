import {Box, Text} from 'ink';
import type {WizardState} from '../../procedure/wizard-state.js';
import {useGlyphs} from '../theme.js';

/** Where the admin is: what is done, what runs, what is left. */
export function StepList({steps}: {steps: NonNullable<WizardState['steps']>}) {
	const glyphs = useGlyphs();
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
