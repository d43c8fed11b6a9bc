/**
 * What Ink writes to, for terminals that cannot take everything: an ASCII-only one (each character
 * outside ASCII left in a frame becomes one ASCII character, so columns stay put), and TERM=dumb, which
 * cannot move the cursor at all: there each screen is printed as plain lines, appended.
 */
import {toAsciiCells} from '../text/ascii.js';
import {ASCII_GLYPHS} from '../text/glyphs.js';

type Stdout = NodeJS.WriteStream;

/** The same stream, with every write passed through `map` first. */
function mappedStdout(stdout: Stdout, map: (text: string) => string): Stdout {
	return new Proxy(stdout, {
		get(target, property) {
			if (property === 'write')
				return (chunk: unknown, ...rest: unknown[]) =>
					(target.write as (...args: unknown[]) => boolean)(typeof chunk === 'string' ? map(chunk) : chunk, ...rest);
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}

export function asciiStdout(stdout: Stdout): Stdout {
	return mappedStdout(stdout, toAsciiCells);
}

/** The list pointer as a dumb terminal draws it (ASCII: text/glyphs.ts). */
const POINTER = ASCII_GLYPHS.pointer;

/** Escape sequences (colours, cursor movement): none reach a dumb terminal. */
// eslint-disable-next-line no-control-regex -- ESC and BEL are what an escape sequence is made of
const ESCAPES = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/g;

/**
 * The same stream, noting whether what was last written (escape sequences aside) ended its line: the frame left when the
 * wizard ends, taller than the terminal, is written by Ink without its last newline (ARCHITECTURE.md, "Layout at any size").
 */
export function lineEndTracking(stdout: Stdout): {stream: Stdout; endsLine: () => boolean} {
	let ended = true;
	const stream = mappedStdout(stdout, text => {
		const visible = text.replace(ESCAPES, '');
		if (visible) ended = visible.endsWith('\n');
		return text;
	});
	return {stream, endsLine: () => ended};
}

/** A list's rows: each starts with the pointer's column (the pointer, or as many spaces), an item or its wrapped rows. */
const isListRow = (line: string) =>
	(line.startsWith(`${POINTER} `) || line.startsWith(' '.repeat(POINTER.length + 1))) && /\S/.test(line.charAt(POINTER.length + 1));

/** The rows of the list that holds rows `from` to `to`. */
function listAround(lines: readonly string[], from: number, to: number): string[] {
	let start = from;
	while (start > 0 && isListRow(lines[start - 1]!)) start--;
	let end = to;
	while (end < lines.length - 1 && isListRow(lines[end + 1]!)) end++;
	return lines.slice(start, end + 1);
}

/** The height a dumb terminal is given: lines appended have no height limit, and every screen fits this. */
export const DUMB_ROWS = 10_000;

const lineCount = (text: string) => text.replace(/\n$/, '').split('\n').length;

/**
 * For TERM=dumb. Ink, in its debug mode, writes the whole output (the log, then the live frame) on each
 * render; this prints only what is new: from the first line that differs from what was printed last, to
 * the end, or to the lines after it that are as printed (the footer is not printed again with each
 * progress update) — plain lines, appended, never a cursor movement. Frames are printed at most every `intervalMs`
 * (a progress bar would otherwise fill the scrollback); flush() prints the last one, which is the truth.
 */
export class DumbTerminal {
	private printed: string[] = [];
	private pending: string | undefined;
	private timer: NodeJS.Timeout | undefined;
	private lastWrite = 0;
	readonly stream: Stdout;

	constructor(
		private readonly stdout: Stdout,
		private readonly intervalMs = 1000,
		private readonly now: () => number = Date.now,
	) {
		const write = (chunk: unknown, ...rest: unknown[]) => {
			if (typeof chunk === 'string') this.frame(chunk);
			// Ink waits for the write's callback before it lets the wizard exit.
			const callback = rest.find(arg => typeof arg === 'function') as (() => void) | undefined;
			if (callback) process.nextTick(callback);
			return true;
		};
		this.stream = new Proxy(stdout, {
			get(target, property) {
				if (property === 'write') return write;
				// Not a terminal Ink can draw on: no synchronized-update brackets, no cursor tricks.
				if (property === 'isTTY') return false;
				// Lines appended scroll on without end: no screen is short of rows to hide a line for (App.tsx reads this).
				if (property === 'rows') return DUMB_ROWS;
				const value = Reflect.get(target, property, target) as unknown;
				return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
			},
		});
	}

	/** The last whole output Ink wrote. */
	private latest = '';

	private frame(text: string): void {
		// When the wizard ends, Ink draws its tree once more, empty: the log alone. The last frame stays the truth.
		if (text.length < this.latest.length && this.latest.startsWith(text)) return;
		// A new screen (not as many lines as the last frame: the next question after a typed answer) is printed
		// at once, after the frame it follows if that one waits: "> RESTORE" as typed, not only "> R" then the next screen.
		const screen = this.latest !== '' && lineCount(text) !== lineCount(this.latest);
		this.latest = text;
		if (screen) this.flush();
		this.pending = text;
		if (screen) return this.flush();
		const wait = this.lastWrite + this.intervalMs - this.now();
		if (wait <= 0) this.flush();
		else this.timer ??= setTimeout(() => this.flush(), wait);
	}

	/** Prints what changed since the last frame printed. */
	flush(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		if (this.pending === undefined) return;
		const lines = this.pending
			.replace(ESCAPES, '')
			.replace(/\n$/, '')
			.split('\n')
			.map(line => line.trimEnd());
		this.pending = undefined;
		this.lastWrite = this.now();
		let same = 0;
		while (same < lines.length && same < this.printed.length && lines[same] === this.printed[same]) same++;
		if (same === lines.length && same === this.printed.length) return;
		// The lines after the change, when they are as printed (the last command, the footer): not printed
		// again on an update in place, so that a step's progress is one new line each time, not the footer.
		let tail = 0;
		while (tail < lines.length - same && tail < this.printed.length - same && lines[lines.length - 1 - tail] === this.printed[this.printed.length - 1 - tail])
			tail++;
		// Only for an update in place (as many lines as before): a new screen is printed to its end.
		const inPlace = lines.length === this.printed.length;
		const until = tail > 0 && inPlace ? lines.length - tail : lines.length;
		const before = this.printed;
		this.printed = lines;
		const fresh = lines.slice(Math.min(same, lines.length - 1), until);
		// The pointer moved in a list (Up, Down): the list again, whole, the pointer on the item it reached. A
		// lone "> MSSYNC will not start… a repair with dsmpack is" (the item's first row) could not be placed,
		// and two lines of a list (the item left and the item reached) read as a list cut short.
		// Only when nothing else changed: the one line that took the pointer and the one that lost it (a new
		// screen of the same height, the next question, changes its title too, and is printed whole).
		const isPointer = (line: string | undefined) => line?.trimStart().startsWith(`${POINTER} `) ?? false;
		const changed = inPlace ? fresh.flatMap((line, i) => (line === before[same + i] ? [] : [{at: same + i, line, was: before[same + i]}])) : [];
		const moved = changed.length === 2 && changed.every(c => isPointer(c.line) !== isPointer(c.was));
		if (moved && fresh.length > 1) return void this.stdout.write(`${listAround(lines, changed[0]!.at, changed[1]!.at).join('\n')}\n`);
		// Progress in place (the synchronization's bar and rows): only the lines that changed, not a failed
		// server's unchanged reason between them each time. A change in a list (the next question) is printed whole.
		const between = fresh.filter((line, i) => line === before[same + i]);
		if (inPlace && changed.length > 0 && !between.some(isListRow) && !changed.some(c => isListRow(c.line) || isListRow(c.was ?? '')))
			return void this.stdout.write(`${changed.map(c => c.line).join('\n')}\n`);
		if (fresh.length) this.stdout.write(`${fresh.join('\n')}\n`);
	}
}
