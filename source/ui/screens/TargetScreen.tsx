import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import {Select} from '../widgets/Select.js';

export function TargetScreen({note, onChoose}: {note?: string; onChoose: (kind: 'lab' | 'windows' | 'remote') => void}) {
	return (
		<Box flexDirection="column">
			<Text bold>Where do you want to work?</Text>
			<Select
				items={[
					{label: 'The practice lab — a simulated NT server and NetWare servers; nothing real is touched', value: 'lab'},
					{label: 'This Windows machine — a rehearsal against a service named MSSYNC here (never the DSMN server itself)', value: 'windows'},
					{label: 'A remote NT server — the PDC running DSMN: a real recovery', value: 'remote'},
				]}
				onSelect={onChoose}
			/>
			{note ? <Text color="yellow">{note}</Text> : null}
		</Box>
	);
}
