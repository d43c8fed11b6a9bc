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
			{screen.rollbackBegan ? (
				<Text>A roll back of this run began and did not finish: rolling back again continues it from where it stopped.</Text>
			) : (
				<Text>{screen.next ? `It stopped before: ${screen.next}` : 'Every step had finished.'}</Text>
			)}
			{screen.canRollback ? null : <Text dimColor>A {screen.flow} cannot be rolled back by this tool: resuming finishes it.</Text>}
			<Select
				items={[
					...(screen.rollbackBegan ? [] : [{label: screen.next ? `Resume — continue with "${screen.next}"` : 'Resume — close the run', value: 'resume' as const}]),
					...(screen.canRollback
						? [{label: screen.rollbackBegan ? 'Continue the roll back' : 'Roll back — put SYNCAGNT and MSSYNC back as they were before the run', value: 'rollback' as const}]
						: []),
					{label: 'Leave it for now', value: 'leave' as const},
				]}
				onSelect={onChoose}
			/>
		</Box>
	);
}
