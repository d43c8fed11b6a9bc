import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';

/** What was done and where things are; the footer says Enter leaves (once: not here as well). */
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
		</Box>
	);
}
