import {Box, Text} from 'ink';
import type {Screen} from '../../procedure/wizard-state.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';
import {Select} from '../widgets/Select.js';

/** A step only a person can do on a real server: exact instructions, then the admin's word that it is done. */
export function ManualScreen({screen, onChoose}: {screen: Extract<Screen, {name: 'manual'}>; onChoose: (choice: 'done' | 'later') => void}) {
	const glyphs = useGlyphs();
	return (
		<Box flexDirection="column">
			<Text bold color="yellow">
				{glyphs.arrow} Your turn: {safeText(screen.title)}
			</Text>
			{screen.instructions.map((line, i) => (
				<Text key={i}>{safeText(line)}</Text>
			))}
			<Select
				initialIndex={1}
				items={[
					{label: 'I have done it — go on', value: 'done'},
					{label: 'Not yet — leave; start again to confirm it later', value: 'later'},
				]}
				onSelect={onChoose}
			/>
		</Box>
	);
}
