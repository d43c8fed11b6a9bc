import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {safeText} from '../../text/sanitize.js';
import {Select, type ChoiceView} from '../widgets/Select.js';

export function PlanScreen({screen, rows, choice}: {screen: Extract<Screen, {name: 'plan'}>; rows: number; choice: ChoiceView}) {
	const room = Math.max(3, rows - 10 - screen.lines.length);
	const steps = screen.steps.length > room ? [...screen.steps.slice(0, room - 1), `… and ${screen.steps.length - room + 1} more steps`] : screen.steps;
	return (
		<Box flexDirection="column">
			<Text bold>The plan (KB Q148678{screen.flow === 'reconstruct' ? ', no backup' : ''})</Text>
			{steps.map((step, i) => (
				<Text key={i} wrap="truncate-end">
					{i + 1}. {safeText(step)}
				</Text>
			))}
			{screen.lines.map((line, i) => (
				<Text key={`l${i}`} dimColor>
					{safeText(line)}
				</Text>
			))}
			<Text>Each step asks before it changes anything.</Text>
			<Select {...choice} />
		</Box>
	);
}
