import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {rowsOf, wrappedRows} from '../../text/measure.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';

/** A list where Space chooses or leaves an item and Enter goes on; the keys come from the root handler. */
/**
 * `rows`: the rows the screen has. Every item wrapped whole where they fit (ARCHITECTURE.md, "Layout at
 * any size"); else one row each, cut, scrolled around the pointer.
 */
export function MultiSelectScreen({screen, rows, columns = 80}: {screen: Extract<Screen, {name: 'multi-select'}>; rows: number; columns?: number}) {
	const glyphs = useGlyphs();
	const fixed = wrappedRows(screen.title, columns) + wrappedRows(screen.hint, columns) + 1 + (screen.error ? wrappedRows(screen.error, columns) : 0);
	const wrap =
		fixed +
			rowsOf(
				screen.items.map(item => `x x ${safeText(item.label)}`),
				columns,
			) <=
		rows;
	const room = wrap ? screen.items.length : Math.max(3, rows - fixed - 2);
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
					<Box key={item.value}>
						<Box flexShrink={0}>
							<Text color={at ? 'cyan' : undefined}>
								{at ? glyphs.pointer : ' '} {screen.selected.includes(item.value) ? glyphs.checked : glyphs.unchecked}{' '}
							</Text>
						</Box>
						<Text color={at ? 'cyan' : undefined} wrap={wrap ? 'wrap' : 'truncate-end'}>
							{safeText(item.label)}
						</Text>
					</Box>
				);
			})}
			{first + room < screen.items.length ? <Text dimColor> ↓ {screen.items.length - first - room} more</Text> : null}
			<Text>{screen.selected.length ? `Chosen: ${screen.selected.map(safeText).join(', ')}` : 'None chosen.'}</Text>
			{screen.error ? <Text color="yellow">{screen.error}</Text> : null}
		</Box>
	);
}
