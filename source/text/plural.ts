/** "1 server", "3 servers". */
export function count(n: number, word: string, plural = `${word}s`): string {
	return `${n} ${n === 1 ? word : plural}`;
}

/** "shows" for one, "show" for more: "1 of 5 servers shows a red X". */
export function verb(n: number, one: string, many: string): string {
	return n === 1 ? one : many;
}
