import {Text} from './Text.js';

/** The typed text and a cursor block; the root input handler does the typing. */
export function TextField({label, value}: {label: string; value: string}) {
	return (
		<Text>
			{label}
			<Text color="cyan">{value}</Text>
			<Text inverse> </Text>
		</Text>
	);
}
