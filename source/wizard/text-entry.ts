/**
 * One model for every line the admin types into (ARCHITECTURE.md, "The wizard"): which part of a screen
 * a key types into, how much it holds, whether it is secret. A secret (a password) is kept here, never
 * in the drawn state: the screen gets only its length, drawn as dots.
 */
import {FIELDS} from './fields.js';
import type {Screen} from './state.js';

/** Where typed keys go on a screen: a visible line (`input` or `typed`), or the secret. */
export type Entry = {kind: 'visible'; key: 'input' | 'typed'; max: number; clearsError: boolean} | {kind: 'secret'; max: number};

/** What a screen types into, or undefined when typing does nothing there. */
export function entryOf(screen: Screen): Entry | undefined {
	switch (screen.name) {
		case 'choose-backup':
		case 'passwords-file':
			return {kind: 'visible', key: 'input', max: Infinity, clearsError: true};
		case 'discover':
			return {kind: 'visible', key: 'input', max: Infinity, clearsError: false};
		case 'target-field':
			return FIELDS[screen.field].secret ? {kind: 'secret', max: 256} : {kind: 'visible', key: 'input', max: 1024, clearsError: true};
		case 'confirm':
			return {kind: 'visible', key: 'typed', max: 48, clearsError: true};
		case 'password-entry':
			return {kind: 'secret', max: 64};
		default:
			return undefined;
	}
}

/** The secret being typed: in memory only, taken once when it is submitted. */
export class SecretEntry {
	private value = '';

	get length(): number {
		return this.value.length;
	}

	append(text: string, max: number): void {
		this.value = (this.value + text).slice(0, max);
	}

	/** The last character, or (a word or the line: Ctrl+W, Ctrl+U) all of it: a secret's words are not shown, so none is guessed at. */
	erase(what: Erase = 'char'): void {
		this.value = what === 'char' ? this.value.slice(0, -1) : '';
	}

	clear(): void {
		this.value = '';
	}

	/** The secret as typed; the entry is empty afterwards. */
	take(): string {
		const value = this.value;
		this.value = '';
		return value;
	}

	/** The secret as typed, kept (the first of two entries to compare). */
	peek(): string {
		return this.value;
	}
}

/** The screen with `text` typed at its cursor (at the end unless moved), or undefined when typing does nothing there. */
export function typeInto(screen: Screen, text: string, secret: SecretEntry): Screen | undefined {
	const entry = entryOf(screen);
	if (!entry) return undefined;
	if (entry.kind === 'secret') {
		secret.append(text, entry.max);
		return withoutError({...screen, length: secret.length} as Screen);
	}
	const line = lineOf(screen, entry.key);
	const at = cursorOf(screen, line);
	const before = (line.slice(0, at) + text).slice(0, Math.max(0, entry.max - (line.length - at)));
	const typed = withoutCandidates(withCursor(screen, entry.key, before + line.slice(at), before.length));
	return entry.clearsError ? withoutError(typed) : typed;
}

/** Where the cursor goes: a character left or right, the line's start (Home, Ctrl+A) or end (End, Ctrl+E). */
export type CursorMove = 'left' | 'right' | 'start' | 'end';

/** The screen with its line's cursor moved, or undefined where there is no visible line (a secret has no cursor: its characters are not shown). */
export function moveCursorIn(screen: Screen, move: CursorMove): Screen | undefined {
	const entry = entryOf(screen);
	if (entry?.kind !== 'visible') return undefined;
	const line = lineOf(screen, entry.key);
	const at = cursorOf(screen, line);
	const to = move === 'start' ? 0 : move === 'end' ? line.length : Math.min(line.length, Math.max(0, at + (move === 'left' ? -1 : 1)));
	return withCursor(screen, entry.key, line, to);
}

/** Where typing goes in `line`: the screen's cursor, or the end. */
export function cursorOf(screen: Screen, line: string): number {
	const cursor = (screen as {cursor?: unknown}).cursor;
	return typeof cursor === 'number' ? Math.min(line.length, Math.max(0, cursor)) : line.length;
}

/** The screen with `line` in it and the cursor at `at`: kept only when it is not at the end, so a line typed straight through has none. */
function withCursor(screen: Screen, key: 'input' | 'typed', line: string, at: number): Screen {
	const {cursor: _old, ...rest} = screen as Screen & {cursor?: number};
	return (at < line.length ? {...rest, [key]: line, cursor: at} : {...rest, [key]: line}) as Screen;
}

/** What an erasing key takes before the cursor: Backspace a character, Ctrl+W a word, Ctrl+U all of it (as a shell does). */
export type Erase = 'char' | 'word' | 'line';

/** The line without its last word, as Ctrl+W in a shell: the spaces before it, then up to a space or a path separator. */
export function withoutLastWord(line: string): string {
	const trimmed = line.replace(/[\s]+$/, '');
	const cut = Math.max(trimmed.lastIndexOf(' '), trimmed.replace(/[/\\]+$/, '').search(/[/\\][^/\\]*$/));
	return cut < 0 ? '' : trimmed.slice(0, cut + 1);
}

/** The screen with the end of its line erased (a character, a word, the line), or undefined when there is nothing to erase into. */
export function eraseFrom(screen: Screen, secret: SecretEntry, what: Erase = 'char'): Screen | undefined {
	const entry = entryOf(screen);
	if (!entry) return undefined;
	if (entry.kind === 'secret') {
		secret.erase(what);
		return {...screen, length: secret.length} as Screen;
	}
	// As a shell erases: backwards from the cursor, what is after it kept.
	const line = lineOf(screen, entry.key);
	const at = cursorOf(screen, line);
	const head = line.slice(0, at);
	const left = what === 'line' ? '' : what === 'word' ? withoutLastWord(head) : head.slice(0, -1);
	return withoutCandidates(withCursor(screen, entry.key, left + line.slice(at), left.length));
}

/** The screen without the names Tab listed under its line: they completed the line as it was, not as it is now (Tab lists again). */
function withoutCandidates(screen: Screen): Screen {
	return screen.name === 'choose-backup' && screen.candidates.length > 0 ? {...screen, candidates: []} : screen;
}

/**
 * Whether `?` asks for help here rather than being typed: on a visible line while it is empty (a
 * confirmation's word, a path, a name never starts with "?"); never in a secret, where "?" may be a
 * password's first character.
 */
export function questionMarkHelps(screen: Screen): boolean {
	const entry = entryOf(screen);
	return entry?.kind === 'visible' && lineOf(screen, entry.key) === '';
}

function lineOf(screen: Screen, key: 'input' | 'typed'): string {
	const value = (screen as unknown as Partial<Record<'input' | 'typed', unknown>>)[key];
	return typeof value === 'string' ? value : '';
}

/** The screen without the error it showed: a key typed answers it. */
export function withoutError<S extends Screen>(screen: S): S {
	if (!('error' in screen)) return screen;
	const {error: _shown, ...rest} = screen as S & {error?: string};
	return rest as S;
}
