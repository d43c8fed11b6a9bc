import {Box, Text} from 'ink';
import {RESTORE_STEPS} from '../../procedure/restore-steps.js';
import type {Screen} from '../../procedure/wizard-state.js';
import {safeText} from '../../text/sanitize.js';
import {Select} from '../widgets/Select.js';

export function PlanScreen({screen, onStart}: {screen: Extract<Screen, {name: 'plan'}>; onStart: () => void}) {
	return (
		<Box flexDirection="column">
			<Text bold>The plan (KB Q148678)</Text>
			{RESTORE_STEPS.map((step, i) => (
				<Text key={step.id}>
					{i + 1}. {step.title}
					{step.confirmation.kind === 'typed' ? <Text color="yellow"> (you will type {step.confirmation.word})</Text> : null}
				</Text>
			))}
			<Text dimColor>Backup: {safeText(screen.backup)}</Text>
			<Text dimColor>The current files will be kept in {safeText(screen.snapshot)}</Text>
			<Text dimColor>Journal: {safeText(screen.journal)}</Text>
			<Text>Each step asks before it changes anything.</Text>
			<Select items={[{label: 'Begin', value: 'begin'}]} onSelect={onStart} />
		</Box>
	);
}
