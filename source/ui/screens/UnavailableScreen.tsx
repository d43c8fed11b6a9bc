import {Box, Text} from 'ink';

export function UnavailableScreen({message}: {message: string}) {
	return (
		<Box flexDirection="column">
			<Text color="yellow">{message}</Text>
			<Text dimColor>Esc goes back; q leaves.</Text>
		</Box>
	);
}
