import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import {Select} from '../widgets/Select.js';

export function AskBackupScreen({onAnswer}: {onAnswer: (answer: 'yes' | 'no' | 'unsure') => void}) {
	return (
		<Box flexDirection="column">
			<Text bold>Do you have a backup of the account synchronization database?</Text>
			<Text dimColor>(MSSYNC.MDB, SYSTEM.MDB, JET*.LOG and *.PAT, copied from %SystemRoot%\SYSTEM32\SYNCAGNT)</Text>
			<Select
				items={[
					{label: 'Yes — restore it (KB Q148678, steps 1–4)', value: 'yes'},
					{label: 'No — reconstruct the NetWare account information', value: 'no'},
					{label: 'Not sure — search for backup sets', value: 'unsure'},
				]}
				onSelect={onAnswer}
			/>
		</Box>
	);
}
