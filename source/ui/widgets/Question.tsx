import {Box} from 'ink';
import {Text} from './Text.js';
import type {Screen} from '../../wizard/state.js';
import {displayWidth, rowsOf, wrappedRows} from '../../text/measure.js';
import {wrapText} from '../../text/wrap.js';
import {safeText} from '../../text/sanitize.js';
import {Select, type ChoiceView} from './Select.js';

type Situation = Extract<Screen, {name: 'situation'}>;

/** The line that counts what a short terminal left out of a question (`cut`: one of them is drawn cut short, "…"). */
export function hiddenNote(hidden: number, cut = false): string {
	if (!cut) return `(${hidden} more ${hidden === 1 ? 'line' : 'lines'}: ? shows ${hidden === 1 ? 'it' : 'them'})`;
	return hidden === 1 ? '(the rest: ? shows it)' : `(the rest and ${hidden - 1} more ${hidden === 2 ? 'line' : 'lines'}: ? shows them)`;
}

/** The first `rows` rows of `line` wrapped to `columns`, ending at a word with " …": a paragraph cut short where its rows run out. */
function cutShort(line: string, rows: number, columns: number): string {
	const wrapped = wrapText(line, columns).split('\n').slice(0, rows);
	const words = wrapped.pop()!.split(' ');
	// The mark after the last word that leaves room for it, as ASCII draws it too ("...": text/ascii.ts); a row of one word keeps it.
	while (words.length > 1 && displayWidth(`${words.join(' ')} ...`) > columns) words.pop();
	return [...wrapped, `${words.join(' ')} …`].join('\n');
}

/** The label of the list's item marked "(recommended)", without the mark: its own line starts with it and ":". */
const RECOMMENDED = / \(recommended\)$/;

/**
 * Which of a question's lines fit `rows` rows with its title and its list under them (ARCHITECTURE.md,
 * "Layout at any size"): the first line (the recommendation, or what to know first) always, then the
 * recommended choice's own line, then the others in their order, each only if it fits with those kept;
 * a line that does not fit is left out (counted: the help, ?, shows it) and a shorter one after it may
 * still take the rows left. The lines kept are drawn in their order; rows still blank take the first line
 * left out, cut short (`drawn`: what is drawn, in order, when it differs from `lines`).
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
	const hidden = lines.length - shown.length;
	// The rows still blank go to the first line left out, cut short at a word ("…"): the help (?) shows it whole.
	const blank = rows - fixed - rowsOf(shown, columns) - wrappedRows(hiddenNote(hidden, true), columns);
	const first = order.find(i => !kept.has(i));
	if (hidden === 0 || first === undefined || blank < 1) return {lines: shown, hidden};
	const drawn = lines.map((line, i) => (kept.has(i) ? line : i === first ? cutShort(line, blank, columns) : undefined)).filter(line => line !== undefined);
	return {lines: shown, hidden, drawn};
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
			{(layout.drawn ?? layout.lines).map((line, i) => (
				<Text key={i} {...(i === 0 && tone ? {color: tone} : {dimColor: true})}>
					{line}
				</Text>
			))}
			{layout.hidden > 0 ? <Text dimColor>{hiddenNote(layout.hidden, layout.drawn !== undefined)}</Text> : null}
			<Select {...choice} />
		</Box>
	);
}
