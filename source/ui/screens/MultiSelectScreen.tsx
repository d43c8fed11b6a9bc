import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {displayWidth, rowsOf, truncateDisplay, wrappedRows} from '../../text/measure.js';
import {safeText} from '../../text/sanitize.js';
import {toAscii} from '../../text/ascii.js';
import {useGlyphs} from '../theme.js';

/** A list where Space chooses or leaves an item and Enter goes on; the keys come from the root handler. */
/**
 * `rows`: the rows the screen has. Every item wrapped whole where they fit (ARCHITECTURE.md, "Layout at
 * any size"); else one row each, cut here to the label's column with the terminal's own ellipsis (a label
 * Ink cuts still takes the rows it would wrap to), scrolled around the pointer.
 */
export function MultiSelectScreen({screen, rows, columns = 80}: {screen: Extract<Screen, {name: 'multi-select'}>; rows: number; columns?: number}) {
	const glyphs = useGlyphs();
	const chosen = screen.selected.length ? `Chosen: ${screen.selected.map(safeText).join(', ')}` : 'None chosen.';
	const fixed =
		wrappedRows(screen.title, columns) +
		wrappedRows(screen.hint, columns) +
		wrappedRows(chosen, columns) +
		(screen.error ? wrappedRows(screen.error, columns) : 0);
	// The labels' column, beside the pointer and the mark ("❯ ◉ ", "> [x] "): where they wrap or are cut.
	const width = Math.max(1, columns - displayWidth(`${glyphs.pointer} ${glyphs.checked} `));
	// In ASCII as drawn (Text.tsx makes "—" "--"), so that a label cut fits its column.
	const labels = screen.items.map(item => (glyphs.ascii ? toAscii(safeText(item.label)) : safeText(item.label)));
	const wrap = fixed + rowsOf(labels, width) <= rows;
	// One row each, less the two rows that count the items above and below.
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
						<Text color={at ? 'cyan' : undefined}>{wrap ? labels[index] : truncateDisplay(labels[index]!, width, glyphs.ascii ? '...' : '…')}</Text>
					</Box>
				);
			})}
			{first + room < screen.items.length ? <Text dimColor> ↓ {screen.items.length - first - room} more</Text> : null}
			<Text>{chosen}</Text>
			{screen.error ? <Text color="yellow">{screen.error}</Text> : null}
		</Box>
	);
}
