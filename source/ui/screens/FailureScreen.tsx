import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';
import {Select} from '../widgets/Select.js';

type FailureChoice = 'retry' | 'retry-failed' | 'rollback' | 'finish' | 'stop';

export function FailureScreen({screen, onChoose}: {screen: Extract<Screen, {name: 'failure'}>; onChoose: (choice: FailureChoice) => void}) {
	const glyphs = useGlyphs();
	const sync = screen.step === 'synchronize' && screen.failedServers?.length;
	const items: {label: string; value: FailureChoice}[] = sync
		? [
				{label: `Retry ${screen.failedServers!.join(', ')}`, value: 'retry-failed'},
				{label: 'Finish — leave them red for now', value: 'finish'},
				...(screen.canRollback ? [{label: 'Roll back everything', value: 'rollback' as const}] : []),
			]
		: [
				{label: 'Retry this step', value: 'retry'},
				...(screen.canRollback ? [{label: 'Roll back — put everything back as it was', value: 'rollback' as const}] : []),
				{label: 'Stop here — leave; start again later to resume', value: 'stop'},
			];
	return (
		<Box flexDirection="column">
			<Text color="red" bold>
				{glyphs.error} {safeText(screen.message)}
			</Text>
			<Text>What to do: {safeText(screen.advice)}</Text>
			<Select items={items} onSelect={onChoose} />
		</Box>
	);
}
