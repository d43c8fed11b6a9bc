import {createHash} from 'node:crypto';
import {readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';

/** name (upper case) → SHA-256 of each file in a folder, not recursing. */
export async function hashFolder(dir: string, filter: (name: string) => boolean = () => true): Promise<Record<string, string>> {
	const out: Record<string, string> = {};
	for (const entry of await readdir(dir, {withFileTypes: true})) {
		if (!entry.isFile() || !filter(entry.name)) continue;
		out[entry.name.toUpperCase()] = createHash('sha256')
			.update(await readFile(join(dir, entry.name)))
			.digest('hex');
	}
	return out;
}
