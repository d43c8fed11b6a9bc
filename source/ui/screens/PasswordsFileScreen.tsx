import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {safeText} from '../../text/sanitize.js';
import {TextField} from '../widgets/TextField.js';

export function PasswordsFileScreen({screen}: {screen: Extract<Screen, {name: 'passwords-file'}>}) {
	return (
		<Box flexDirection="column">
			<Text bold>Where should the list of new passwords go?</Text>
			<TextField label="File: " value={safeText(screen.input)} cursor={screen.cursor} />
			{screen.error ? <Text color="yellow">{safeText(screen.error)}</Text> : null}
			{screen.note ? <Text>{safeText(screen.note)}</Text> : null}
			<Text dimColor>A new file, readable only by you (mode 0600), never inside the lab or SYNCAGNT.</Text>
			{/* The keys that move in the line, on a line of their own: no part of the sentence about the file. */}
			<Text dimColor>←→ Home End move</Text>
		</Box>
	);
}
