import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {displayWidth, rowsOf, truncateDisplay, wrappedRows} from '../../text/measure.js';
import {safeText} from '../../text/sanitize.js';
import {cutToRows} from '../../text/shorten.js';
import {toAscii} from '../../text/ascii.js';
import {useGlyphs} from '../theme.js';

/** A list where Space chooses or leaves an item and Enter goes on; the keys come from the root handler. */
/**
 * `rows`: the rows the screen has. Every item wrapped whole where they fit (ARCHITECTURE.md, "Layout at
 * any size"); else, where every item has a row, each given the rows it needs in order while they last and
 * the first that does not fit the rest, cut at a word with the terminal's own ellipsis; else one row each,
 * cut here to the label's column (a label Ink cuts still takes the rows it would wrap to), scrolled around
 * the pointer.
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
	// Every item in view, not all whole: the rows left over after one each go to the items in order, each
	// whole where it fits in them, the rest to the first one that does not, cut at a word (`allotted`).
	const allotted = !wrap && fixed + labels.length <= rows ? allot(labels, width, rows - fixed) : undefined;
	// Else one row each, less the two rows that count the items above and below.
	const room = wrap || allotted ? screen.items.length : Math.max(3, rows - fixed - 2);
	const ellipsis = glyphs.ascii ? '...' : '…';
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
						<Text color={at ? 'cyan' : undefined}>
							{wrap
								? labels[index]
								: allotted
									? cutToRows(labels[index]!, width, allotted[index]!, ellipsis)
									: truncateDisplay(labels[index]!, width, ellipsis)}
						</Text>
					</Box>
				);
			})}
			{first + room < screen.items.length ? <Text dimColor> ↓ {screen.items.length - first - room} more</Text> : null}
			<Text>{chosen}</Text>
			{screen.error ? <Text color="yellow">{screen.error}</Text> : null}
		</Box>
	);
}

/** The rows each label is drawn on, `budget` in all (one each at least): whole in order while they fit, the rest to the first cut. */
function allot(labels: readonly string[], width: number, budget: number): number[] {
	const need = labels.map(label => wrappedRows(label, width));
	const rows = labels.map(() => 1);
	let spare = budget - labels.length;
	need.forEach((n, i) => {
		if (n - 1 <= spare) [rows[i], spare] = [n, spare - (n - 1)];
	});
	need.forEach((n, i) => {
		const more = Math.min(spare, n - rows[i]!);
		[rows[i], spare] = [rows[i]! + more, spare - more];
	});
	return rows;
}
