import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';
import {Select, type ChoiceView} from '../widgets/Select.js';

export function FailureScreen({screen, choice}: {screen: Extract<Screen, {name: 'failure'}>; choice: ChoiceView}) {
	const glyphs = useGlyphs();
	return (
		<Box flexDirection="column">
			<Text color="red" bold>
				{glyphs.error} {safeText(screen.message)}
			</Text>
			<Text>What to do: {safeText(screen.advice)}</Text>
			<Select {...choice} />
		</Box>
	);
}
