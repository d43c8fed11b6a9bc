/**
 * Text wrapped to a terminal's width as a person reads it (ARCHITECTURE.md, "Layout at any size"):
 * - at spaces, the spaces at a break dropped, so that no row starts with a stray space;
 * - a word too long for a row (a path) is broken after a separator ("/", "\", "-", "."…) so that
 *   "SystemRoot" stays whole, and cut mid-word only when no separator fits;
 * - a line's own indent is kept on its first row;
 * - styles (SGR escapes) carry over: each row starts with the escapes seen before it.
 * Ink's own wrapping (wrap-ansi, hard) is replaced by this one in the bundle (scripts/build.js).
 */
import stringWidth from 'string-width';

// eslint-disable-next-line no-control-regex -- an escape sequence starts with ESC
const ESCAPE = /\u001B\[[0-9;?]*[A-Za-z]/y;
const PATH_SEPARATORS = new Set(['/', '\\']);
const SEPARATORS = new Set([...PATH_SEPARATORS, '-', '_', '.', ',', ':', ';']);
const RESET = '\u001B[0m';

type Cell = {text: string; width: number; escapes: string};

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

/** The rows of one line (no newline in it), as lists of cells; the cells dropped at breaks are returned too. */
function rowsOf(cells: Cell[], columns: number): {rows: Cell[][]; dropped: Set<Cell>} {
	const rows: Cell[][] = [[]];
	const dropped = new Set<Cell>();
	const tokens = tokensOf(cells);
	let pendingSpace: Cell[] = [];
	const row = () => rows.at(-1)!;
	const breakRow = () => {
		for (const cell of pendingSpace) dropped.add(cell);
		pendingSpace = [];
		rows.push([]);
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
		let word = token;
		while (word.length > 0) {
			const used = widthOf(row()) + (row().length > 0 ? widthOf(pendingSpace) : 0);
			const wordWidth = widthOf(word);
			if (used + wordWidth <= columns) {
				if (row().length > 0) row().push(...pendingSpace);
				else for (const cell of pendingSpace) dropped.add(cell);
				pendingSpace = [];
				row().push(...word);
				break;
			}
			if (wordWidth <= columns && row().length > 0) {
				breakRow();
				continue;
			}
			// Longer than a row: as much as fits here, up to a separator; on an empty row, cut if it must.
			const room = columns - used;
			const cut = separatorCut(word, room) || (row().length === 0 ? hardCut(word, room) : 0);
			if (cut > 0) {
				if (row().length > 0) row().push(...pendingSpace);
				pendingSpace = [];
				row().push(...word.slice(0, cut));
				word = word.slice(cut);
			}
			breakRow();
		}
	}
	// Spaces at the end of the line: kept where they fit (they may be a column's padding).
	const room = columns - widthOf(row());
	row().push(...pendingSpace.slice(0, Math.max(0, room)));
	for (const cell of pendingSpace.slice(Math.max(0, room))) dropped.add(cell);
	if (rows.length > 1 && row().length === 0) rows.pop();
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
		let text = before;
		for (const cell of cellsOfRow) {
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
