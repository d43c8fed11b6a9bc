import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';

/** A list where Space chooses or leaves an item and Enter goes on; the keys come from the root handler. */
export function MultiSelectScreen({screen, rows}: {screen: Extract<Screen, {name: 'multi-select'}>; rows: number}) {
	const glyphs = useGlyphs();
	const room = Math.max(3, rows - 10);
	const first = Math.max(0, Math.min(screen.cursor - Math.floor(room / 2), screen.items.length - room));
	const shown = screen.items.slice(first, first + room);
	return (
		<Box flexDirection="column">
			<Text bold>{screen.title}</Text>
			<Text dimColor>{screen.hint}</Text>
			{first > 0 ? <Text dimColor> ↑ {first} more</Text> : null}
			{shown.map((item, i) => {
				const index = first + i;
				const at = index === screen.cursor;
				return (
					<Text key={item.value} color={at ? 'cyan' : undefined} wrap="truncate-end">
						{at ? glyphs.pointer : ' '} {screen.selected.includes(item.value) ? glyphs.checked : glyphs.unchecked} {safeText(item.label)}
					</Text>
				);
			})}
			{first + room < screen.items.length ? <Text dimColor> ↓ {screen.items.length - first - room} more</Text> : null}
			<Text>{screen.selected.length ? `Chosen: ${screen.selected.map(safeText).join(', ')}` : 'None chosen.'}</Text>
			{screen.error ? <Text color="yellow">{screen.error}</Text> : null}
		</Box>
	);
}
