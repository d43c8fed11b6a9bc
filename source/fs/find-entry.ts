import {readdir} from 'node:fs/promises';

/** Windows names are case-insensitive: the entry of `dir` whose name matches `name` ignoring case, if any. */
export async function findEntry(dir: string, name: string): Promise<string | undefined> {
	let entries: string[];
	try {
		entries = await readdir(dir);
	} catch {
		return undefined;
	}
	const wanted = name.toUpperCase();
	return entries.find(entry => entry.toUpperCase() === wanted);
}
