import {Box} from 'ink';
import {Text} from '../widgets/Text.js';

export function UnavailableScreen({message}: {message: string}) {
	return (
		<Box flexDirection="column">
			<Text color="yellow">{message}</Text>
		</Box>
	);
}
