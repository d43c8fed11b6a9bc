/**
 * The command line of a scripted restore that asks nothing: every answer given as a flag (ARCHITECTURE.md,
 * "The command line and the front ends"). Most scripted tests run this one restore; a test that is about
 * another answer writes its own flags.
 */
import {join} from 'node:path';

/** The restore's answers: on the PDC that ran DSMN (`--pdc same`), a normal synchronize at the end, from BACKUP, confirmed (`--yes`). */
export function restoreFlags(backup: string): string[] {
	return ['--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', backup, '--yes'];
}

/** That restore on the practice lab in DIR, from the lab's own backup folder, then `more` (e.g. `--json`). */
export function labRestoreArgs(dir: string, ...more: string[]): string[] {
	return ['--lab', dir, ...restoreFlags(join(dir, 'backup')), ...more];
}
