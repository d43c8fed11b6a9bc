/**
 * Text wrapped to a terminal's width as a person reads it (ARCHITECTURE.md, "Layout at any size"):
 * - at spaces, the spaces at a break dropped, so that no row starts with a stray space;
 * - units kept together (`gluedTokens`): a number with the word before it (a KB article with its number, "error -1018",
 *   "Event 8005", DSMN's "red X"), a number with its unit after it ("6.0 MiB", "90 s"), a menu path's step
 *   ("Log ▸ Application"), a command's program with its first argument ("net stop", "node dist/cli.js");
 * - a word that fits a row is never broken: it goes to the next row; one too long for any row (a path) is
 *   broken after a separator ("/", "\", then "-", "."…) so that "SystemRoot" stays whole, cut mid-word only
 *   when no separator fits, starting where it stands if a third of the row is left, else on a row of its own;
 *   each row it goes on to starts with CONTINUED, a mark no name holds, so that the pieces read as one;
 * - a line's own indent is kept, on every row: the rows a line wraps onto start under its text, after its
 *   indent and a leading mark ("✓ ", "• ", "3. ", "[!] ");
 * - styles (SGR escapes) carry over: each row starts with the escapes seen before it.
 * Ink's own wrapping (wrap-ansi, hard) is replaced by this one in the bundle (scripts/build.js).
 */
import stringWidth from 'string-width';
import {commandEnd} from './command-words.js';

// eslint-disable-next-line no-control-regex -- an escape sequence starts with ESC
const ESCAPE = /\u001B\[[0-9;?]*[A-Za-z]/y;
const PATH_SEPARATORS = new Set(['/', '\\']);
const SEPARATORS = new Set([...PATH_SEPARATORS, '-', '_', '.', ',', ':', ';']);
const RESET = '\u001B[0m';

/** A character and the escapes before it; `made` when the wrap adds it (an indent, the CONTINUED mark). */
type Cell = {text: string; width: number; escapes: string; made?: true};

/** Starts each row a word broken in two goes on to ("↳ SYNCAGNT.before-restore-…"): no file's name starts so. */
export const CONTINUED = '↳ ';

/** A mark a line may start with, after its indent: its wrapped rows start under the text after it. */
const LEADING_MARK = /^(?:[✓✗⚠•▸❯~*>+-]|\[(?:ok|X|!|x)\]|\d{1,2}[.)])$/;
/** A word that is a number or names one: it stays with the word before it (a KB article's number after "KB", "error -1018)"). */
const NUMBER = /^[("'[]?[-+]?(?:Q\d{3,}|\d)/;
/** A unit after a number ("6.0 MiB", "90 s", "7 files"): it stays with its number. */
const UNIT = /^(?:B|KiB|MiB|GiB|TiB|bytes?|ms|s|min|seconds?|minutes?|hours?|days?|files?)[.,;:!?)'"]*$/;
/** DSMN's mark, "red X": one unit, as a number with the word before it (the X after "red"). */
const RED_X = /^X(?:[.,;:!?)'"]*)$/;
/** The widest aside in parentheses kept on one row (`groupedTokens`): a longer one is a sentence of its own. */
const MAX_ASIDE = 24;
/** A command's program: it stays with its first argument ("net stop", "sc query", "node dist/cli.js"). */
const PROGRAM = /^["'(`]?(?:node|npm|npx|net|sc|cd|dsmn-resync|rpcclient|smbclient|dsmchk|dsmdump|dsmpack)$/;
/** The shell's line continuation where the wizard runs (" \\", " ^" in cmd.exe): a command in running text continued on the next row. */
const CONTINUATION = process.platform === 'win32' ? '^' : '\\';

function cellsOf(line: string): {cells: Cell[]; tail: string} {
	const cells: Cell[] = [];
	let escapes = '';
	let i = 0;
	while (i < line.length) {
		ESCAPE.lastIndex = i;
		const escape = ESCAPE.exec(line);
		if (escape) {
			escapes += escape[0];
			i += escape[0].length;
			continue;
		}
		const char = String.fromCodePoint(line.codePointAt(i)!);
		cells.push({text: char, width: stringWidth(char), escapes});
		escapes = '';
		i += char.length;
	}
	return {cells, tail: escapes};
}

const widthOf = (cells: readonly Cell[]) => cells.reduce((sum, cell) => sum + cell.width, 0);
const isSpace = (cell: Cell) => cell.text === ' ';
const textOf = (cells: readonly Cell[]) => cells.map(cell => cell.text).join('');
const made = (text: string): Cell[] => [...text].map(char => ({text: char, width: stringWidth(char), escapes: '', made: true}));

/** Runs of spaces and of other characters, in order. */
function tokensOf(cells: Cell[]): Cell[][] {
	const tokens: Cell[][] = [];
	for (const cell of cells) {
		const last = tokens.at(-1);
		if (last && isSpace(last[0]!) === isSpace(cell)) last.push(cell);
		else tokens.push([cell]);
	}
	return tokens;
}

/** A short aside in parentheses ("(Jet error -1018)", "(step 4)"), of three words at most, joined into one word where it fits. */
function groupedTokens(tokens: Cell[][], room: number): Cell[][] {
	const out: Cell[][] = [];
	for (let i = 0; i < tokens.length; i++) {
		const text = textOf(tokens[i]!);
		if (!text.startsWith('(') || text.includes(')')) {
			out.push(tokens[i]!);
			continue;
		}
		// The aside's closing word within three words (and the spaces between them, one each).
		let end = -1;
		for (let j = i + 2; j <= i + 4 && j < tokens.length; j += 2) {
			if (tokens[j - 1]!.length !== 1 || !isSpace(tokens[j - 1]![0]!)) break;
			if (textOf(tokens[j]!).includes(')')) {
				end = j;
				break;
			}
		}
		const group = end < 0 ? [] : tokens.slice(i, end + 1).flat();
		if (end < 0 || widthOf(group) > Math.min(room, MAX_ASIDE)) out.push(tokens[i]!);
		else {
			out.push(group);
			i = end;
		}
	}
	return out;
}

/**
 * The tokens with the units that must not be parted joined into one word (a number with the word before
 * it, a program with its first argument, a command with its options), where the unit fits in `room`
 * columns: one that does not is left to break at its spaces, except a command, which is returned in
 * `commands` to be laid out with the shell's continuation (`rowsOf`).
 */
function gluedTokens(plain: Cell[][], room: number): {tokens: Cell[][]; commands: Set<Cell[]>} {
	const tokens = groupedTokens(plain, room);
	const texts = tokens.map(token => (isSpace(token[0]!) ? (token.length === 1 ? ' ' : undefined) : textOf(token)));
	const out: Cell[][] = [];
	const commands = new Set<Cell[]>();
	let lastWord = '';
	for (let i = 0; i < tokens.length; i++) {
		const end = isSpace(tokens[i]![0]!) ? -1 : commandEnd(texts, i);
		if (end > 0) {
			const command = tokens.slice(i, end + 1).flat();
			// Whole where it fits a row; else on rows of its own, continued, where each word fits a continued row (indent 2, " \\"
			// after it unless last); else as any words.
			const words = tokens.slice(i, end + 1).filter(token => !isSpace(token[0]!));
			if (widthOf(command) <= room) out.push(command);
			else if (words.every((w, k) => widthOf(w) + 2 + (k < words.length - 1 ? CONTINUATION.length + 1 : 0) <= room)) {
				out.push(command);
				commands.add(command);
			} else out.push(...tokens.slice(i, end + 1).map(token => [...token]));
			[lastWord, i] = [textOf(tokens[end]!), end];
			continue;
		}
		let token = tokens[i]!;
		// A number and its unit after it are one word first ("(about 6.0 MiB)": the number joins the word before it only with its unit).
		const unit = tokens[i + 2];
		if (/\d$/.test(texts[i] ?? '') && texts[i + 1] === ' ' && unit && UNIT.test(texts[i + 2] ?? '') && widthOf(token) + 1 + widthOf(unit) <= room) {
			token = [...token, ...tokens[i + 1]!, ...unit];
			i += 2;
		}
		const text = textOf(token);
		const [word, space] = [out.at(-2), out.at(-1)];
		const joins =
			!isSpace(token[0]!) &&
			word !== undefined &&
			!isSpace(word[0]!) &&
			space?.length === 1 &&
			isSpace(space[0]!) &&
			// Not after a comma or a colon ("19:39, 7 files"): the number begins another part of the sentence.
			((NUMBER.test(text) && /[\p{L}\p{N})]$/u.test(lastWord)) ||
				// A menu path's step ("Log ▸ Application") is never cut at its ▸.
				text === '▸' ||
				lastWord === '▸' ||
				PROGRAM.test(lastWord) ||
				(RED_X.test(text) && /(?:^|\W)red$/i.test(lastWord))) &&
			widthOf(word) + 1 + widthOf(token) <= room;
		if (joins) out.splice(-2, 2, [...word, ...space, ...token]);
		else out.push([...token]);
		if (!isSpace(token[0]!)) lastWord = text;
	}
	return {tokens: out, commands};
}

/**
 * How many cells of `word` go on a row with `room` columns left: up to its last path separator that fits,
 * else its last other separator ("-", "."…), else none.
 */
function separatorCut(word: readonly Cell[], room: number): number {
	let width = 0;
	let pathCut = 0;
	let cut = 0;
	for (let i = 0; i < word.length; i++) {
		width += word[i]!.width;
		if (width > room) break;
		if (!SEPARATORS.has(word[i]!.text) || !word.slice(0, i + 1).some(c => !SEPARATORS.has(c.text))) continue;
		cut = i + 1;
		if (PATH_SEPARATORS.has(word[i]!.text)) pathCut = i + 1;
	}
	return pathCut || cut;
}

/** How many cells of `word` fit in `room` columns (at least one, so that every row moves on). */
function hardCut(word: readonly Cell[], room: number): number {
	let width = 0;
	for (let i = 0; i < word.length; i++) {
		width += word[i]!.width;
		if (width > room) return Math.max(1, i);
	}
	return word.length;
}

/**
 * How far the rows a line wraps onto start in: its indent, a leading mark with the spaces after it, and
 * a first column set apart by two spaces or more ("✗ FS2      its record…" goes on under "its").
 */
function hangOf(tokens: readonly Cell[][], columns: number): number {
	let at = 0;
	let hang = 0;
	if (tokens[0] && isSpace(tokens[0][0]!)) hang += widthOf(tokens[at++]!);
	const mark = tokens[at];
	if (mark && tokens[at + 1] && tokens[at + 2] && LEADING_MARK.test(textOf(mark))) {
		hang += widthOf(mark) + widthOf(tokens[at + 1]!);
		at += 2;
		const [column, gap] = [tokens[at], tokens[at + 1]];
		if (column && gap && tokens[at + 2] && isSpace(gap[0]!) && gap.length >= 2) hang += widthOf(column) + widthOf(gap);
	}
	// A hang that would leave less than half the row is not kept: the text would go on in a narrow column.
	return hang * 2 > columns ? 0 : hang;
}

/** The rows of one line (no newline in it), as lists of cells; the cells dropped at breaks are returned too. */
function rowsOf(cells: Cell[], columns: number): {rows: Cell[][]; dropped: Set<Cell>} {
	const rows: Cell[][] = [[]];
	const dropped = new Set<Cell>();
	const plain = tokensOf(cells);
	const hang = hangOf(plain, columns);
	const {tokens, commands} = gluedTokens(plain, columns - hang);
	let pendingSpace: Cell[] = [];
	/** After a command laid on rows of its own: the words after it start a new row, so that no continued command's last row runs on into prose. */
	let afterCommand = false;
	const row = () => rows.at(-1)!;
	/** Whether the row holds nothing but the indent the wrap gave it. */
	const bare = () => row().every(cell => cell.made);
	const breakRow = (continued = false) => {
		for (const cell of pendingSpace) dropped.add(cell);
		pendingSpace = [];
		rows.push(made(' '.repeat(hang) + (continued ? CONTINUED : '')));
	};
	for (const [index, token] of tokens.entries()) {
		if (isSpace(token[0]!)) {
			// The line's indent stays; other spaces wait to see whether the next word fits after them.
			if (index === 0) {
				const fits = token.slice(0, Math.max(0, columns - 1));
				row().push(...fits);
				for (const cell of token.slice(fits.length)) dropped.add(cell);
			} else pendingSpace = token;
			continue;
		}
		if (afterCommand) {
			afterCommand = false;
			breakRow();
		}
		if (commands.has(token)) {
			// A command wider than the row: on rows of its own, broken at its spaces, each row but its last ending in the shell's continuation.
			if (!bare()) breakRow();
			else for (const cell of pendingSpace) dropped.add(cell);
			pendingSpace = [];
			for (const part of tokensOf(token)) {
				if (isSpace(part[0]!)) {
					pendingSpace = part;
					continue;
				}
				if (!bare() && widthOf(row()) + widthOf(pendingSpace) + widthOf(part) + CONTINUATION.length + 1 > columns) {
					for (const cell of pendingSpace) dropped.add(cell);
					pendingSpace = [];
					row().push(...made(` ${CONTINUATION}`));
					rows.push(made(' '.repeat(hang + 2)));
				}
				if (!bare()) row().push(...pendingSpace);
				else for (const cell of pendingSpace) dropped.add(cell);
				pendingSpace = [];
				row().push(...part);
			}
			afterCommand = true;
			continue;
		}
		let word = token;
		while (word.length > 0) {
			const used = widthOf(row()) + (bare() ? 0 : widthOf(pendingSpace));
			const wordWidth = widthOf(word);
			if (used + wordWidth <= columns) {
				if (!bare()) row().push(...pendingSpace);
				else for (const cell of pendingSpace) dropped.add(cell);
				pendingSpace = [];
				row().push(...word);
				break;
			}
			// A word that does not fit after what the row holds starts a row of its own: whole there if it fits a
			// row; if it must be broken anyway, where it stands when a third of the row or more is left for its first piece.
			const room = columns - used;
			if (!bare() && (wordWidth <= columns - hang || room * 3 < columns || separatorCut(word, room) === 0)) {
				breakRow();
				continue;
			}
			// Longer than a row: as much as fits here, up to a separator, else cut; the rest on rows marked CONTINUED.
			const cut = separatorCut(word, room) || hardCut(word, room);
			if (!bare()) row().push(...pendingSpace);
			else for (const cell of pendingSpace) dropped.add(cell);
			pendingSpace = [];
			row().push(...word.slice(0, cut));
			word = word.slice(cut);
			if (word.length > 0) breakRow(widthOf(made(' '.repeat(hang) + CONTINUED)) < columns);
		}
	}
	// Spaces at the end of the line: kept where they fit (they may be a column's padding).
	const room = columns - widthOf(row());
	row().push(...pendingSpace.slice(0, Math.max(0, room)));
	for (const cell of pendingSpace.slice(Math.max(0, room))) dropped.add(cell);
	if (rows.length > 1 && bare()) rows.pop();
	return {rows, dropped};
}

function wrapLine(line: string, columns: number): string {
	const {cells, tail} = cellsOf(line);
	if (widthOf(cells) <= columns) return line;
	const {rows} = rowsOf(cells, columns);
	const styled = cells.some(cell => cell.escapes !== '') || tail !== '';
	let before = '';
	const out: string[] = [];
	const placed = new Set(rows.flat());
	let next = 0;
	for (const [r, cellsOfRow] of rows.entries()) {
		let text = '';
		// The indent and mark the wrap gives a row come before the styles carried over (no underline under an indent).
		let lead = 0;
		while (lead < cellsOfRow.length && cellsOfRow[lead]!.made) text += cellsOfRow[lead++]!.text;
		text += before;
		for (const cell of cellsOfRow.slice(lead)) {
			// A mark the wrap adds at a row's end (a command's continuation) is no cell of the line.
			if (cell.made) {
				text += cell.text;
				continue;
			}
			// Escapes of cells dropped before this one (a space at the break) still apply.
			while (next < cells.length && cells[next] !== cell) {
				if (!placed.has(cells[next]!)) text += cells[next]!.escapes;
				next++;
			}
			text += cell.escapes + cell.text;
			next++;
		}
		if (r === rows.length - 1) {
			for (; next < cells.length; next++) text += cells[next]!.escapes;
			text += tail;
		} else if (styled) text += RESET;
		before = cells
			.slice(0, next)
			.map(cell => cell.escapes)
			.join('');
		out.push(text);
	}
	return out.join('\n');
}

/** `text` wrapped to `columns` (each of its own lines separately). */
export function wrapText(text: string, columns: number): string {
	if (columns <= 0) return text;
	return text
		.replaceAll('\r\n', '\n')
		.split('\n')
		.map(line => wrapLine(line, Math.floor(columns)))
		.join('\n');
}

/**
 * Items laid on a line `separator` apart, wrapped between items, never inside one (a footer's "Esc back"
 * stays whole); an item wider than the line is wrapped on lines of its own.
 */
export function wrapItems(items: readonly string[], columns: number, separator: string): string {
	if (columns <= 0) return items.join(separator);
	const lines: string[] = [];
	let line = '';
	for (const item of items) {
		if (line && stringWidth(line + separator + item) <= columns) line += separator + item;
		else {
			if (line) lines.push(line);
			line = stringWidth(item) <= columns ? item : wrapLine(item, Math.floor(columns));
		}
	}
	if (line) lines.push(line);
	return lines.join('\n');
}

/**
 * A command the admin copies, laid out to `columns` (ARCHITECTURE.md, "Layout at any size"): on one row when
 * it fits; else broken at spaces only, each row but the last ending in the shell's line continuation
 * (`\` for a POSIX shell, `^` for cmd.exe), so that the rows pasted together are the same command. Every row
 * starts with `indent`; the continued rows two spaces further in. A word wider than a row stays whole.
 */
export function wrapCommand(command: string, columns: number, continuation: '\\' | '^', indent = ''): string {
	if (columns <= 0 || stringWidth(indent + command) <= columns) return indent + command;
	const mark = ` ${continuation}`;
	const rows: string[] = [];
	let row = '';
	for (const word of command.split(' ').filter(Boolean)) {
		const lead = rows.length === 0 ? indent : `${indent}  `;
		if (row && stringWidth(lead + row + ' ' + word + mark) > columns) {
			rows.push(lead + row + mark);
			row = word;
		} else row = row ? `${row} ${word}` : word;
	}
	rows.push((rows.length === 0 ? indent : `${indent}  `) + row);
	return rows.join('\n');
}
