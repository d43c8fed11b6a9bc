import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {safeText} from '../../text/sanitize.js';
import {toAscii} from '../../text/ascii.js';
import {wrappedRows} from '../../text/measure.js';
import {wrapCommand} from '../../text/wrap.js';
import {useGlyphs} from '../theme.js';
import {CommandRows, HERE, splitStartAgain, StartAgainText} from '../widgets/StartAgain.js';

type Summary = Extract<Screen, {name: 'summary'}>;

/** A line that says what to do next: kept on screen before the others (ARCHITECTURE.md, "Layout at any size"). */
const NEXT = /^(?:Next:|What to do:|To finish|Do the step)|start again/;
/** The sentence whose next line is the command (summary.ts): the two are kept or left out together. */
const COMMAND_FOLLOWS = /start again on this target:$/;

/** The line that counts what the last screen left out: the frame left when the wizard ends draws them. */
export const summaryHiddenNote = (hidden: number) => `(${hidden} more ${hidden === 1 ? 'line' : 'lines'}: printed in full when you leave)`;

/** The rows line `i` takes as drawn: a command after "…start again on this target:" continued, a sentence ending with one split from it. */
function rowsOfLine(lines: readonly string[], i: number, columns: number): number {
	const line = lines[i]!;
	if (i > 0 && COMMAND_FOLLOWS.test(lines[i - 1]!)) return wrapCommand(line, Math.max(1, columns), HERE).split('\n').length;
	const {sentence, command} = splitStartAgain(line);
	return wrappedRows(sentence, columns) + (command === undefined ? 0 : wrapCommand(command, Math.max(1, columns), HERE).split('\n').length);
}

/**
 * Which of the last screen's lines fit `rows` rows under its title (ARCHITECTURE.md, "Layout at any size"):
 * the first (what happened) always, then each line that says what to do next (with its command), then the
 * others in their order, each if it fits with those kept; the rest are counted, and drawn whole in the frame
 * the wizard leaves in the terminal when it ends (`rows` infinite). Kept lines are drawn in their order.
 */
export function summaryLayout(screen: Summary, rows: number, columns: number, titleMark = '⚠', ascii = false) {
	// Measured as drawn: in ASCII "—" takes two columns (text/ascii.ts).
	const lines = screen.lines.map(line => (ascii ? toAscii(safeText(line)) : safeText(line)));
	// A line and the command after it are one group.
	const groups: number[][] = [];
	for (let i = 0; i < lines.length; i++) {
		if (i > 0 && COMMAND_FOLLOWS.test(lines[i - 1]!)) groups.at(-1)!.push(i);
		else groups.push([i]);
	}
	const rowsOf = (group: readonly number[]) => group.reduce((sum, i) => sum + rowsOfLine(lines, i, columns), 0);
	const title = wrappedRows(`${titleMark} ${ascii ? toAscii(safeText(screen.title)) : safeText(screen.title)}`, columns);
	const kept = new Set<number>();
	let used = title;
	const fits = (group: readonly number[], hiddenAfter: number) =>
		used + rowsOf(group) + (hiddenAfter > 0 ? wrappedRows(summaryHiddenNote(hiddenAfter), columns) : 0) <= rows;
	const linesLeft = () => lines.length - [...kept].reduce((sum, g) => sum + groups[g]!.length, 0);
	const order = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || a - b);
	function rank(g: number): number {
		if (g === 0) return 0;
		return groups[g]!.some(i => NEXT.test(lines[i]!)) ? 1 : 2;
	}
	for (const g of order) {
		// What happened (the first line) is drawn whatever the rows.
		if (g > 0 && !fits(groups[g]!, linesLeft() - groups[g]!.length)) continue;
		kept.add(g);
		used += rowsOf(groups[g]!);
	}
	const shown = [...kept].sort((a, b) => a - b).flatMap(g => groups[g]!);
	return {lines: shown, hidden: lines.length - shown.length};
}

/**
 * What was done and where things are; the footer says Enter leaves (once: not here as well). A command to
 * start again stands on rows of its own. `rows`: the room it has (a short terminal keeps what to do next;
 * infinite on the frame left when the wizard ends, so that the terminal keeps the whole text).
 */
export function SummaryScreen({screen, columns = 80, rows = Number.POSITIVE_INFINITY}: {screen: Summary; columns?: number; rows?: number}) {
	const glyphs = useGlyphs();
	const lines = screen.lines.map(safeText);
	const layout = summaryLayout(screen, rows, columns, screen.ok ? glyphs.ok : glyphs.warning, glyphs.ascii);
	return (
		<Box flexDirection="column">
			<Text bold color={screen.ok ? 'green' : 'yellow'}>
				{screen.ok ? glyphs.ok : glyphs.warning} {safeText(screen.title)}
			</Text>
			{/* A line after "…start again on this target:" is the command (summary.ts): on rows of its own, never split at a word. */}
			{layout.lines.map(i =>
				i > 0 && COMMAND_FOLLOWS.test(lines[i - 1]!) ? (
					<CommandRows key={i} command={lines[i]!} columns={columns} />
				) : (
					<StartAgainText key={i} text={lines[i]!} columns={columns} />
				),
			)}
			{layout.hidden > 0 ? <Text dimColor>{summaryHiddenNote(layout.hidden)}</Text> : null}
		</Box>
	);
}
