import {Box, Text} from 'ink';
import type {Screen} from '../../procedure/wizard-state.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';
import {Select} from '../widgets/Select.js';

export function ResumeScreen({screen, onChoose}: {screen: Extract<Screen, {name: 'resume'}>; onChoose: (choice: 'resume' | 'rollback' | 'leave') => void}) {
	const glyphs = useGlyphs();
	return (
		<Box flexDirection="column">
			<Text bold color="yellow">
				{glyphs.warning} A {screen.flow} run on this target was cut off.
			</Text>
			<Text dimColor>Journal: {safeText(screen.journal)}</Text>
			{screen.finished.map(title => (
				<Text key={title}>
					<Text color="green">{glyphs.ok}</Text> {title}
				</Text>
			))}
			<Text>{screen.next ? `It stopped before: ${screen.next}` : 'Every step had finished.'}</Text>
			<Select
				items={[
					{label: screen.next ? `Resume — continue with "${screen.next}"` : 'Resume — close the run', value: 'resume'},
					{label: 'Roll back — put SYNCAGNT and MSSYNC back as they were before the run', value: 'rollback'},
					{label: 'Leave it for now', value: 'leave'},
				]}
				onSelect={onChoose}
			/>
		</Box>
	);
}
