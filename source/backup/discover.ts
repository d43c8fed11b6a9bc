/** The wizard's "Not sure" answer: find folders that hold an MSSYNC.MDB, newest first. */
import {stat} from 'node:fs/promises';
import {dirname, join, resolve} from 'node:path';
import fg from 'fast-glob';
import {mapLimit} from '../fs/map-limit.js';
import {platformPath, samePath} from '../fs/same-path.js';
import {isRestoredFile} from './classify.js';
import {looksLikeLiveSyncagnt, snapshotKind} from './folder-kind.js';

export type BackupCandidate = {
	folder: string;
	/** When its MSSYNC.MDB was last written. */
	modified: Date;
	/** The bytes of the files a restore would copy (databases, logs, patch files). */
	size: number;
	files: number;
	/** The live SYNCAGNT folder itself: shown, never offered as a backup. */
	live: boolean;
	/** A folder this tool made (a restore's snapshot, a roll back's aside folder): what it is, in words. */
	madeByTool?: string;
};

export type DiscoverOptions = {maxDepth?: number; liveSyncagnt?: string};

export async function discoverBackups(roots: readonly string[], options: DiscoverOptions = {}): Promise<BackupCandidate[]> {
	const found = new Set<string>();
	for (const root of roots) {
		const matches = await fg('**/mssync.mdb', {
			cwd: resolve(root),
			absolute: true,
			caseSensitiveMatch: false,
			deep: options.maxDepth ?? 5,
			followSymbolicLinks: false, // no loops
			suppressErrors: true, // unreadable folders are skipped
			onlyFiles: true,
			dot: true,
		}).catch(() => [] as string[]);
		// fast-glob writes C:/x on Windows: each folder is kept with the platform's separator.
		for (const match of matches) found.add(platformPath(dirname(match)));
	}
	const live = options.liveSyncagnt;
	const candidates = await mapLimit([...found], 8, async folder => {
		const names = await fg('*', {cwd: folder, onlyFiles: true, deep: 1, dot: true, suppressErrors: true, followSymbolicLinks: false});
		let size = 0;
		let files = 0;
		let modified = new Date(0);
		for (const name of names.filter(isRestoredFile)) {
			try {
				const info = await stat(join(folder, name));
				size += info.size;
				files++;
				if (name.toUpperCase() === 'MSSYNC.MDB') modified = info.mtime;
			} catch {
				// gone or unreadable: validation will say so when it is chosen
			}
		}
		const madeByTool = snapshotKind(folder);
		return {
			folder,
			modified,
			size,
			files,
			live: (live !== undefined && samePath(folder, live)) || looksLikeLiveSyncagnt(folder),
			...(madeByTool ? {madeByTool} : {}),
		};
	});
	// Backup sets first, newest first; folders this tool made after them, each saying what it is.
	return candidates.sort(
		(a, b) =>
			Number(a.madeByTool !== undefined) - Number(b.madeByTool !== undefined) ||
			b.modified.getTime() - a.modified.getTime() ||
			a.folder.localeCompare(b.folder),
	);
}
