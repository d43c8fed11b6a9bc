import path from 'node:path';
import type {PathApi} from '../fs/same-path.js';
import type {DatabaseFolder} from '../targets/capabilities.js';

/**
 * The folder a restore moves the current database into: beside it and named after it, so
 * `SYNCAGNT.before-restore-20261124-222558`, or `folder.before-restore-…` for `--syncagnt C:\some\folder`.
 */
export function snapshotName(syncagnt: string, stamp: string, api: PathApi = path, kind: 'before-restore' | 'rolled-back' = 'before-restore'): string {
	return `${api.basename(api.resolve(syncagnt)) || 'SYNCAGNT'}.${kind}-${stamp}`;
}

/** The moment in a snapshot's name, in local time: `20261124-222558`. */
function stamp(at: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

/**
 * A folder beside the database for a restore to make (the snapshot, or the folder a roll back moves the
 * restored files into), named for `at`; `-2`, `-3`… after the name when a folder of that name exists.
 */
export async function freshSnapshotFolder(database: DatabaseFolder, at: Date, kind: 'before-restore' | 'rolled-back' = 'before-restore'): Promise<string> {
	const {files, snapshotParent: parent} = database;
	const base = snapshotName(database.syncagnt, stamp(at), undefined, kind);
	let candidate = files.join(parent, base);
	for (let n = 2; await files.stat(candidate); n++) candidate = files.join(parent, `${base}-${n}`);
	return candidate;
}
