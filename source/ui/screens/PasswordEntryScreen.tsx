import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {useGlyphs} from '../theme.js';

/** The password is never drawn, not even masked by length past the point of typing: one dot per character. */
export function PasswordEntryScreen({screen}: {screen: Extract<Screen, {name: 'password-entry'}>}) {
	const glyphs = useGlyphs();
	return (
		<Box flexDirection="column">
			<Text bold>{screen.stage === 'first' ? 'Type the initial password (8 to 14 characters)' : 'Type it again, to be sure'}</Text>
			<Text>
				{'> '}
				{glyphs.bullet.repeat(screen.length)}
				<Text inverse> </Text>
			</Text>
			{screen.error ? <Text color="yellow">{screen.error}</Text> : null}
			<Text dimColor>It is not shown, not stored and not journaled.</Text>
		</Box>
	);
}
