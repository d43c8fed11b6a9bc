import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';
import {Select, type ChoiceView} from '../widgets/Select.js';
import {TextField} from '../widgets/TextField.js';

/** `choice`: Yes or No, where the step is confirmed with y or Enter rather than a typed word. */
export function ConfirmScreen({screen, choice}: {screen: Extract<Screen, {name: 'confirm'}>; choice: ChoiceView}) {
	const glyphs = useGlyphs();
	const {title} = screen;
	return (
		<Box flexDirection="column">
			<Text bold color={screen.word ? 'red' : 'yellow'}>
				{glyphs.warning} {title}
			</Text>
			{screen.changes.map((line, i) => (
				<Text key={i}>{safeText(line)}</Text>
			))}
			{screen.word ? (
				<>
					<Text>
						Read what it changes above, and whether it can be undone. Type <Text bold>{screen.word}</Text> and press Enter to go on.
					</Text>
					<TextField label="> " value={screen.typed} />
					{screen.error ? <Text color="yellow">{screen.error}</Text> : null}
				</>
			) : (
				<Select {...choice} />
			)}
		</Box>
	);
}
