import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import {Select} from '../widgets/Select.js';

export function PasswordPolicyScreen({onChoose}: {onChoose: (policy: 'random' | 'initial') => void}) {
	return (
		<Box flexDirection="column">
			<Text bold>How should the propagated users get their new passwords?</Text>
			<Select
				items={[
					{label: 'A random password for each user, listed in a private file (safer)', value: 'random'},
					{label: 'One initial password you type; each user must change it at next logon', value: 'initial'},
				]}
				onSelect={onChoose}
			/>
		</Box>
	);
}
