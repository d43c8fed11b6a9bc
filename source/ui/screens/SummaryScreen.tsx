import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';

/** `ended`: the wizard is leaving (this is the last frame): no key is offered. */
export function SummaryScreen({screen, ended}: {screen: Extract<Screen, {name: 'summary'}>; ended: boolean}) {
	const glyphs = useGlyphs();
	return (
		<Box flexDirection="column">
			<Text bold color={screen.ok ? 'green' : 'yellow'}>
				{screen.ok ? glyphs.ok : glyphs.warning} {safeText(screen.title)}
			</Text>
			{screen.lines.map((line, i) => (
				<Text key={i}>{safeText(line)}</Text>
			))}
			{ended ? null : <Text dimColor>Enter leaves.</Text>}
		</Box>
	);
}
