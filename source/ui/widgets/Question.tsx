import {Box} from 'ink';
import {Text} from './Text.js';
import type {Screen} from '../../wizard/state.js';
import {rowsOf, wrappedRows} from '../../text/measure.js';
import {safeText} from '../../text/sanitize.js';
import {Select, type ChoiceView} from './Select.js';

type Situation = Extract<Screen, {name: 'situation'}>;

/** The line that counts what a short terminal left out of a question. */
const hiddenNote = (hidden: number) => `(${hidden} more ${hidden === 1 ? 'line' : 'lines'}: ? shows ${hidden === 1 ? 'it' : 'them'})`;

/**
 * Which of a question's lines fit `rows` rows with its title and its list under them (ARCHITECTURE.md,
 * "Layout at any size"): the first line (the recommendation, or what to know first) always; the others are
 * left out from the end when they do not fit, and counted — the help (?) shows them.
 */
export function questionLayout(screen: Situation, rows: number, columns: number, choices: readonly string[]) {
	const lines = screen.lines.map(safeText);
	// The list's labels wrap beside the pointer's column (Select.tsx).
	const fixed = wrappedRows(screen.title, columns) + rowsOf(choices, Math.max(1, columns - 2));
	const fits = (shown: readonly string[]) =>
		fixed + rowsOf(shown, columns) + (shown.length < lines.length ? wrappedRows(hiddenNote(lines.length - shown.length), columns) : 0) <= rows;
	const shown = [...lines];
	while (shown.length > 1 && !fits(shown)) shown.pop();
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
