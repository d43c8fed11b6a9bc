import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import {Select, type ChoiceView} from '../widgets/Select.js';

export function PasswordPolicyScreen({choice}: {choice: ChoiceView}) {
	return (
		<Box flexDirection="column">
			<Text bold>How should the propagated users get their new passwords?</Text>
			<Select {...choice} />
		</Box>
	);
}
