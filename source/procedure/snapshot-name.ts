import path from 'node:path';
import type {PathApi} from '../fs/same-path.js';

/**
 * The folder a restore moves the current database into: beside it and named after it, so
 * `SYNCAGNT.before-restore-20261124-222558`, or `folder.before-restore-…` for `--syncagnt C:\some\folder`.
 */
export function snapshotName(syncagnt: string, stamp: string, api: PathApi = path, kind: 'before-restore' | 'rolled-back' = 'before-restore'): string {
	return `${api.basename(api.resolve(syncagnt)) || 'SYNCAGNT'}.${kind}-${stamp}`;
}
