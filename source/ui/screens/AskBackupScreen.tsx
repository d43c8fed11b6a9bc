import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import {Select, type ChoiceView} from '../widgets/Select.js';

export function AskBackupScreen({choice}: {choice: ChoiceView}) {
	return (
		<Box flexDirection="column">
			<Text bold>Do you have a backup of the account synchronization database?</Text>
			<Text dimColor>(MSSYNC.MDB, SYSTEM.MDB, JET*.LOG and *.PAT, copied from %SystemRoot%\SYSTEM32\SYNCAGNT)</Text>
			<Select {...choice} />
		</Box>
	);
}
