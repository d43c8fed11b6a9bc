import {Box} from 'ink';
import {Text} from './Text.js';
import type {Screen} from '../../wizard/state.js';
import {rowsOf, wrappedRows} from '../../text/measure.js';
import {safeText} from '../../text/sanitize.js';
import {Select, type ChoiceView} from './Select.js';

type Situation = Extract<Screen, {name: 'situation'}>;

/** The line that counts what a short terminal left out of a question. */
const hiddenNote = (hidden: number) => `(${hidden} more ${hidden === 1 ? 'line' : 'lines'}: ? shows ${hidden === 1 ? 'it' : 'them'})`;

/** The label of the list's item marked "(recommended)", without the mark: its own line starts with it and ":". */
const RECOMMENDED = / \(recommended\)$/;

/**
 * Which of a question's lines fit `rows` rows with its title and its list under them (ARCHITECTURE.md,
 * "Layout at any size"): the first line (the recommendation, or what to know first) always, then the
 * recommended choice's own line, then the others in their order, each only if it fits with those kept;
 * a line that does not fit is left out (counted: the help, ?, shows it) and a shorter one after it may
 * still take the rows left. The lines kept are drawn in their order.
 */
export function questionLayout(screen: Situation, rows: number, columns: number, choices: readonly string[]) {
	const lines = screen.lines.map(safeText);
	// The list's labels wrap beside the pointer's column (Select.tsx).
	const fixed = wrappedRows(screen.title, columns) + rowsOf(choices, Math.max(1, columns - 2));
	const fits = (shown: readonly string[]) =>
		fixed + rowsOf(shown, columns) + (shown.length < lines.length ? wrappedRows(hiddenNote(lines.length - shown.length), columns) : 0) <= rows;
	const recommended = choices.find(label => RECOMMENDED.test(label))?.replace(RECOMMENDED, '');
	const own = recommended === undefined ? -1 : lines.findIndex((line, i) => i > 0 && line.startsWith(`${recommended}:`));
	const order = [...(own > 0 ? [own] : []), ...lines.map((_, i) => i).filter(i => i > 0 && i !== own)];
	const kept = new Set(lines.length > 0 ? [0] : []);
	const keptLines = () => lines.filter((_, i) => kept.has(i));
	for (const i of order) {
		kept.add(i);
		if (!fits(keptLines())) kept.delete(i);
	}
	const shown = keptLines();
	return {lines: shown, hidden: lines.length - shown.length};
}

/** What each situation screen is drawn from: its question, its list, and the rows and columns it has. */
export type QuestionProps = {screen: Situation; choice: ChoiceView; rows: number; columns: number};

/** A situation question as drawn: its title, what the admin should know before answering, the list. `?` gives its why. */
export function Question({screen, choice, rows, columns, tone}: QuestionProps & {tone?: 'yellow'}) {
	const layout = questionLayout(
		screen,
		rows,
		columns,
		choice.items.map(item => item.label),
	);
	return (
		<Box flexDirection="column">
			<Text bold>{screen.title}</Text>
			{layout.lines.map((line, i) => (
				<Text key={i} {...(i === 0 && tone ? {color: tone} : {dimColor: true})}>
					{line}
				</Text>
			))}
			{layout.hidden > 0 ? <Text dimColor>{hiddenNote(layout.hidden)}</Text> : null}
			<Select {...choice} />
		</Box>
	);
}
