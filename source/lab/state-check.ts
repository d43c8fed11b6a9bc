/**
 * The checks of a value read as the lab's state, by hand: the stand-in (dist/lab-tool.js) reads the state
 * at every start, many times a restore, so it loads no validation library (ARCHITECTURE.md, "The lab").
 * Each check returns the value as its type, or throws a StateShapeError naming the field:
 * "field servers.0.name: expected a non-empty string, received number".
 */
export class StateShapeError extends Error {}

export type Path = readonly (string | number)[];

function received(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
	if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
	return typeof value;
}

function fail(path: Path, expected: string, value: unknown): never {
	throw new StateShapeError(`field ${path.length > 0 ? path.join('.') : '(the whole file)'}: expected ${expected}, received ${received(value)}`);
}

/** An object's own fields (a JSON object: not null, not an array). */
export function fields(value: unknown, path: Path): Readonly<Record<string, unknown>> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object', value);
	return value as Readonly<Record<string, unknown>>;
}

/** A whole number, at least `min` when given. */
export function integer(value: unknown, path: Path, min?: number): number {
	if (typeof value !== 'number' || !Number.isSafeInteger(value)) fail(path, 'a whole number', value);
	if (min !== undefined && value < min) fail(path, `a whole number of at least ${min}`, value);
	return value;
}

export function text(value: unknown, path: Path, {nonEmpty = false} = {}): string {
	if (typeof value !== 'string' || (nonEmpty && value === '')) fail(path, nonEmpty ? 'a non-empty string' : 'a string', value);
	return value;
}

export function flag(value: unknown, path: Path): boolean {
	if (typeof value !== 'boolean') fail(path, 'true or false', value);
	return value;
}

/** One of the listed values (a literal when the list has one). */
export function oneOf<const T extends string | number | boolean>(value: unknown, path: Path, values: readonly T[]): T {
	if (!values.includes(value as T)) fail(path, `one of ${values.map(v => JSON.stringify(v)).join('|')}`, value);
	return value as T;
}

/** A list, each item checked, with at least `min` items. */
export function list<T>(value: unknown, path: Path, item: (value: unknown, path: Path) => T, min = 0): T[] {
	if (!Array.isArray(value)) fail(path, 'a list', value);
	if (value.length < min) fail(path, `a list of at least ${min}`, value);
	return value.map((each, index) => item(each, [...path, index]));
}

/** An optional field: absent (or undefined) stays absent; present, it is checked. */
export function optional<T>(value: unknown, path: Path, check: (value: unknown, path: Path) => T): T | undefined {
	return value === undefined ? undefined : check(value, path);
}

/** An object with only the defined fields: those absent dropped, unknown ones left out (as the state is saved). */
export function defined<T extends Record<string, unknown>>(object: T): T {
	return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
