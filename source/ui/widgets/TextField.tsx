import {Text} from './Text.js';

/**
 * The typed text and a cursor block at `cursor` (the end when absent: the character under it is drawn
 * inverse); the root input handler does the typing and moves the cursor (wizard/text-entry.ts).
 */
export function TextField({label, value, cursor}: {label: string; value: string; cursor?: number | undefined}) {
	const at = cursor === undefined ? value.length : Math.min(value.length, Math.max(0, cursor));
	return (
		<Text>
			{label}
			<Text color="cyan">{value.slice(0, at)}</Text>
			<Text inverse>{value.slice(at, at + 1) || ' '}</Text>
			<Text color="cyan">{value.slice(at + 1)}</Text>
		</Text>
	);
}
