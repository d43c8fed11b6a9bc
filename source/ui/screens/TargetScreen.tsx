import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import {Select, type ChoiceView} from '../widgets/Select.js';

export function TargetScreen({note, choice}: {note?: string; choice: ChoiceView}) {
	return (
		<Box flexDirection="column">
			<Text bold>Where do you want to work?</Text>
			<Select {...choice} />
			{note ? <Text color="yellow">{note}</Text> : null}
		</Box>
	);
}
