import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {rowsOf, wrappedRows} from '../../text/measure.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';
import {Select, type ChoiceView} from '../widgets/Select.js';
import {TextField} from '../widgets/TextField.js';

type Confirm = Extract<Screen, {name: 'confirm'}>;

/** What a typed confirmation asks, in full and, where rows are short, in one line. */
export const typedPrompt = (word: string, short: boolean) =>
	short ? `Type ${word} and press Enter to go on.` : `Read what it changes above, and whether it can be undone. Type ${word} and press Enter to go on.`;

/**
 * Which lines of what a step changes fit `rows` rows with the title and the answer under them
 * (ARCHITECTURE.md, "Layout at any size"): the first line (what it changes) and the last (whether it can
 * be undone) always; the lines between are left out from the end when they do not fit, and counted —
 * the help (?) shows them.
 */
export function confirmLayout(screen: Confirm, rows: number, columns: number, choices: readonly string[]) {
	const lines = screen.changes.map(safeText);
	const answer = (short: boolean) =>
		screen.word
			? wrappedRows(typedPrompt(screen.word, short), columns) + 1 + (screen.error ? wrappedRows(screen.error, columns) : 0)
			: rowsOf(
					choices.map(label => `  ${label}`),
					columns,
				);
	const title = wrappedRows(`! ${screen.title}`, columns);
	const fits = (shown: readonly string[], short: boolean) => title + rowsOf(shown, columns) + (shown.length < lines.length ? 1 : 0) + answer(short) <= rows;
	if (fits(lines, false)) return {lines, hidden: 0, short: false};
	const shown = [...lines];
	while (shown.length > 2 && !fits(shown, true)) shown.splice(shown.length - 2, 1);
	return {lines: shown, hidden: lines.length - shown.length, short: true};
}

/** `choice`: Yes or No, where the step is confirmed with y or Enter rather than a typed word. */
export function ConfirmScreen({screen, rows = 1000, columns = 80, choice}: {screen: Confirm; rows?: number; columns?: number; choice: ChoiceView}) {
	const glyphs = useGlyphs();
	const {title} = screen;
	const layout = confirmLayout(
		screen,
		rows,
		columns,
		choice.items.map(item => item.label),
	);
	return (
		<Box flexDirection="column">
			<Text bold color={screen.word ? 'red' : 'yellow'}>
				{glyphs.warning} {title}
			</Text>
			{layout.lines.map((line, i) => (
				<Box key={i} flexDirection="column">
					{layout.hidden > 0 && i === layout.lines.length - 1 ? (
						<Text dimColor>
							({layout.hidden} more {layout.hidden === 1 ? 'line' : 'lines'} on how it is done: ? shows {layout.hidden === 1 ? 'it' : 'them'})
						</Text>
					) : null}
					<Text>{line}</Text>
				</Box>
			))}
			{screen.word ? (
				<>
					<Text>
						{layout.short ? 'Type ' : 'Read what it changes above, and whether it can be undone. Type '}
						<Text bold>{screen.word}</Text> and press Enter to go on.
					</Text>
					<TextField label="> " value={screen.typed} cursor={screen.cursor} />
					{screen.error ? <Text color="yellow">{screen.error}</Text> : null}
				</>
			) : (
				<Select {...choice} />
			)}
		</Box>
	);
}
