/**
 * The oracle of the narrow walks (narrow-walk.test.ts): what a frame drawn at a small width must not do
 * (ARCHITECTURE.md, "Layout at any size"). A word of a narrow frame must be a word of the same state drawn
 * wide: a piece of a split word ("SystemRoo", "/tmp/" then "wk/r60/…", "sc quer…MSSYNC") is not one.
 */

/** The marks a row starts with when it goes on with the word the row before it broke (text/wrap.ts, CONTINUED). */
const CONTINUED = /^(\s*)(?:↳|\+) /;
/** A command continued on the next row (text/wrap.ts, wrapCommand): " \" or " ^" at the row's end. */
const COMMAND_GOES_ON = / [\\^]$/;
/** A box's borders (the help, the quit question), in UTF-8 or ASCII: not words. */
const BORDER_ROW = /^[╭╰+][─-]+[╮╯+]$/;
const BORDER_SIDES = /^[│|] ?|\s*[│|]$/g;

/** The frame's rows with a box's borders taken off and the rows a broken word or command goes on to joined back. */
export function logicalRows(frame: string): string[] {
	const rows = frame
		.split('\n')
		.filter(row => !BORDER_ROW.test(row.trim()))
		.map(row => row.replace(BORDER_SIDES, '').trimEnd());
	const out: string[] = [];
	for (const row of rows) {
		const last = out.at(-1);
		if (last !== undefined && CONTINUED.test(row)) out[out.length - 1] = last + row.replace(CONTINUED, '');
		else if (last !== undefined && COMMAND_GOES_ON.test(last)) out[out.length - 1] = `${last.slice(0, -2)} ${row.trim()}`;
		else out.push(row);
	}
	return out;
}

/** The words of a frame: runs between spaces that hold a letter or a digit (not a mark), digits made 0 (a clock moves between two draws). */
export function wordsOf(frame: string): string[] {
	return logicalRows(frame)
		.flatMap(row => row.split(/\s+/))
		.filter(word => /[\p{L}\p{N}]/u.test(word))
		.map(word => word.replace(/\d/g, '0'));
}

/** Lines a screen draws only where it is short of room: they say what did not fit, and the wide frame has no need of them. */
const ONLY_WHEN_SHORT =
	/more lines?(?: on how it is done)?: \? shows|printed in full when you leave|did not fit|\? shows it|\(\d+ of \d+\)|Any key shows the rest|Any key: rest of the sentence|\d+ of \d+ steps done/;

/** The words of `narrow` that are no word of `wide` (the same state drawn wide, or the words of all such). */
export function splitWords(narrow: string, wide: ReadonlySet<string>): string[] {
	const words = logicalRows(narrow)
		.filter(row => !ONLY_WHEN_SHORT.test(row))
		.flatMap(row => wordsOf(row));
	return (
		words
			// "Each" before a list of servers the help draws for what did not fit ("Each of FS2, FS4, FS5: its record…"): the wide
			// frame has the names in a column, and no "Each"; anywhere else it is a word like any other.
			.filter((word, i) => !(word === 'Each' && SERVER_LIST.test(words.slice(i + 1, i + 3).join(' '))))
			.filter(word => !wide.has(word) && !wide.has(word.replace(/[,:]$/, '')))
			// A row the screen cuts itself, marked with the terminal's ellipsis (a list of servers to choose, one row each).
			.filter(word => !/(?:…|\.\.\.)$/.test(word))
	);
}

/** "of" and the first of a list of servers, its name ended by the list's comma or colon (procedure/list-names.ts, aboutServers). */
const SERVER_LIST = /^of [^\s,:]+[,:]$/;

/** A unit a row must not end inside: a KB article, an error or event with its number, a program and its argument. */
const UNIT_START = /\b(?:KB|Event|error|node|npm|sc|net)$/;
const UNIT_END = /^\s*[("]?(?:[-+]?Q?\d|dist\/|start\b|stop\b|query\b)/;

/** Row breaks that part a unit: "(KB" then "Q189441)", "(Jet error" then "-1018)", "node" then "dist/cli.js". */
export function partedUnits(frame: string): string[] {
	const rows = logicalRows(frame);
	return rows.flatMap((row, i) => (i + 1 < rows.length && UNIT_START.test(row.trimEnd()) && UNIT_END.test(rows[i + 1]!) ? [`${row} / ${rows[i + 1]}`] : []));
}

/** What is wrong with a narrow frame: the header gone, words split, units parted. */
export function frameProblems(narrow: string, wide: ReadonlySet<string>): string[] {
	const problems: string[] = [];
	// The log's lines are printed above the header, and may fill the rows above it: the header must be on screen.
	if (!narrow.split('\n').some(row => row.startsWith('dsmn-resync'))) problems.push(`the header is not in view: "${narrow.split('\n')[0]}"`);
	// The log's rows above the header are printed once, at the width of their time (Ink's Static): a resize does not
	// draw them again, so the wide frame is no reference for them; their units are still checked below.
	const rows = narrow.split('\n');
	const header = rows.findIndex(row => row.startsWith('dsmn-resync'));
	for (const word of splitWords(rows.slice(Math.max(0, header)).join('\n'), wide)) problems.push(`"${word}" is no word of the same screen drawn wide`);
	for (const parted of partedUnits(narrow)) problems.push(`a unit parted between rows: ${parted}`);
	return problems;
}
