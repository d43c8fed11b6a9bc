import {Box, Text} from 'ink';
import type {Screen} from '../../procedure/wizard-state.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';

export function SummaryScreen({screen}: {screen: Extract<Screen, {name: 'summary'}>}) {
	const glyphs = useGlyphs();
	return (
		<Box flexDirection="column">
			<Text bold color={screen.ok ? 'green' : 'yellow'}>
				{screen.ok ? glyphs.ok : glyphs.warning} {safeText(screen.title)}
			</Text>
			{screen.lines.map((line, i) => (
				<Text key={i}>{safeText(line)}</Text>
			))}
			<Text dimColor>Enter leaves.</Text>
		</Box>
	);
}
