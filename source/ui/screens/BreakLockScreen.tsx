import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';
import {TextField} from '../widgets/TextField.js';

/** The server's writer lock, held by a run believed gone: who, since when, why; broken only by typing the holder's machine name. */
export function BreakLockScreen({screen}: {screen: Extract<Screen, {name: 'confirm'}>}) {
	const glyphs = useGlyphs();
	return (
		<Box flexDirection="column">
			<Text bold color="red">
				{glyphs.warning} {screen.title}
			</Text>
			{screen.changes.map((line, i) => (
				<Text key={i}>{safeText(line)}</Text>
			))}
			<Text>
				To break the lock, type <Text bold>{safeText(screen.word ?? '')}</Text> (the holder’s machine) and press Enter. Nothing was changed so far.
			</Text>
			<TextField label="> " value={screen.typed} />
			{screen.error ? <Text color="yellow">{screen.error}</Text> : null}
		</Box>
	);
}
