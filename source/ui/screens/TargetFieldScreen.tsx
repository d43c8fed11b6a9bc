import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import {FIELDS} from '../../wizard/fields.js';
import type {Screen} from '../../wizard/state.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';
import {TextField} from '../widgets/TextField.js';

/** One line asked about a real target; a secret shows one dot per character and nothing else. */
export function TargetFieldScreen({screen}: {screen: Extract<Screen, {name: 'target-field'}>}) {
	const spec = FIELDS[screen.field];
	const glyphs = useGlyphs();
	return (
		<Box flexDirection="column">
			<Text bold>{spec.question}</Text>
			<TextField
				label="> "
				value={spec.secret ? glyphs.bullet.repeat(screen.length) : safeText(screen.input)}
				cursor={spec.secret ? undefined : screen.cursor}
			/>
			{screen.error ? <Text color="yellow">{safeText(screen.error)}</Text> : null}
			<Text dimColor>{spec.hint}</Text>
		</Box>
	);
}
