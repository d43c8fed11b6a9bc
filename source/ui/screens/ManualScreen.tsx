import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Checklist, Screen} from '../../wizard/state.js';
import {formatDuration} from '../../text/format.js';
import {rowsOf, wrappedRows} from '../../text/measure.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';
import {useNow} from '../use-now.js';
import {Select, type ChoiceView} from '../widgets/Select.js';

/** A step only a person can do on a real server: exact instructions, then the admin's word that it is done. */
/**
 * `rows` is what the screen may use (the terminal's rows less the header, step list and footer). The
 * instructions are measured as they wrap at this width (display width, not String.length), so that the
 * checklist and the choice below them stay on screen.
 */
export function ManualScreen({screen, rows, columns, choice}: {screen: Extract<Screen, {name: 'manual'}>; rows: number; columns: number; choice: ChoiceView}) {
	const glyphs = useGlyphs();
	const used =
		wrappedRows(`${glyphs.arrow} Your turn: ${screen.title}`, columns) +
		rowsOf(screen.instructions.map(safeText), columns) +
		(screen.startedAt !== undefined ? 1 : 0) +
		2;
	// The checklist's own header line and its "… more" line.
	const room = Math.max(1, rows - used - 2);
	return (
		<Box flexDirection="column">
			<Text bold color="yellow">
				{glyphs.arrow} Your turn: {safeText(screen.title)}
			</Text>
			{screen.instructions.map((line, i) => (
				<Text key={i}>{safeText(line)}</Text>
			))}
			{screen.startedAt !== undefined ? <Elapsed since={screen.startedAt} /> : null}
			{screen.checklist?.items.length ? <ServerChecklist checklist={screen.checklist} room={room} /> : null}
			<Select {...choice} />
		</Box>
	);
}

function Elapsed({since}: {since: number}) {
	const now = useNow();
	return <Text dimColor>{formatDuration(now - since)} elapsed since you were asked</Text>;
}

/** Ticked as the blue checks appear; the pointer's row and those around it when they do not all fit. */
function ServerChecklist({checklist, room}: {checklist: Checklist; room: number}) {
	const glyphs = useGlyphs();
	const {items, cursor} = checklist;
	const first = Math.min(Math.max(0, cursor - Math.floor(room / 2)), Math.max(0, items.length - room));
	const shown = items.slice(first, first + room);
	const ticked = items.filter(i => i.ticked).length;
	return (
		<Box flexDirection="column">
			<Text>
				Blue checks seen: {ticked} of {items.length} <Text dimColor>(Tab next server, Space ticks)</Text>
			</Text>
			{shown.map((item, i) => (
				<Text key={item.name} {...(first + i === cursor ? {bold: true} : {})}>
					{first + i === cursor ? glyphs.arrow : ' '} {item.ticked ? <Text color="blue">{[...glyphs.ok].length === 1 ? `[${glyphs.ok}]` : '[x]'}</Text> : '[ ]'}{' '}
					{safeText(item.name)}
				</Text>
			))}
			{items.length > shown.length ? <Text dimColor>… {items.length - shown.length} more (Tab)</Text> : null}
		</Box>
	);
}
