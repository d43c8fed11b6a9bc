import {readdir} from 'node:fs/promises';
import {basename, dirname, sep} from 'node:path';

/**
 * Tab completion of a typed folder path: the longest common completion among the folders that exist,
 * and the candidates themselves (at most `limit`) to show under the input.
 */
export async function completePath(typed: string, limit = 8): Promise<{completed: string; candidates: string[]}> {
	const endsWithSep = typed.endsWith('/') || typed.endsWith(sep);
	const folder = typed === '' ? '.' : endsWithSep ? typed : dirname(typed);
	const prefix = endsWithSep || typed === '' ? '' : basename(typed);
	let names: string[];
	try {
		const entries = await readdir(folder, {withFileTypes: true});
		names = entries.filter(e => e.isDirectory() || e.isSymbolicLink()).map(e => e.name);
	} catch {
		return {completed: typed, candidates: []};
	}
	const matches = names.filter(n => n.toLowerCase().startsWith(prefix.toLowerCase()) && (prefix.startsWith('.') || !n.startsWith('.'))).sort();
	if (matches.length === 0) return {completed: typed, candidates: []};
	let common = matches[0]!;
	for (const m of matches) while (!m.toLowerCase().startsWith(common.toLowerCase())) common = common.slice(0, -1);
	const base = typed.slice(0, typed.length - prefix.length);
	const completed = matches.length === 1 ? `${base}${matches[0]}/` : common.length > prefix.length ? `${base}${common}` : typed;
	return {completed, candidates: matches.slice(0, limit)};
}
