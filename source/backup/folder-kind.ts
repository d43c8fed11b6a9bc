/**
 * What a folder is before any of its files is read: the live SYNCAGNT (never a backup), or a folder this
 * tool made beside it (a restore's snapshot, a roll back's folder), said in words. The validator and the
 * "Not sure" search both ask. ARCHITECTURE.md, "Validation rules".
 */
import {realpath} from 'node:fs/promises';
import {basename, resolve} from 'node:path';

/** A folder named like the live one, `…\SYSTEM32\SYNCAGNT` (without case), wherever it is. */
export function looksLikeLiveSyncagnt(folder: string): boolean {
	const parts = resolve(folder)
		.split(/[\\/]+/)
		.filter(Boolean)
		.map(p => p.toUpperCase());
	return parts.at(-1) === 'SYNCAGNT' && parts.at(-2) === 'SYSTEM32';
}

/** The same folder, links resolved (or, when one cannot be, as written). */
export async function sameFolder(a: string, b: string): Promise<boolean> {
	try {
		return (await realpath(a)) === (await realpath(b));
	} catch {
		return resolve(a) === resolve(b);
	}
}

/**
 * A folder this tool made beside SYNCAGNT: the database a restore replaced ("before-restore"), or the files
 * a roll back took out ("rolled-back"). Never a backup without saying so.
 */
export function snapshotKind(folder: string): string | undefined {
	const name = basename(folder);
	if (/\.before-restore-\d{8}-\d{6}(-\d+)?$/i.test(name)) {
		return `${name} is a snapshot dsmn-resync made of the database a restore replaced (the one that showed the red X), not a backup: to put it back, roll back that run (--rollback)`;
	}
	if (/\.rolled-back-\d{8}-\d{6}(-\d+)?$/i.test(name)) {
		return `${name} holds the files a dsmn-resync roll back took out of SYNCAGNT (a copy of the backup it had restored), not a backup set of its own`;
	}
	return undefined;
}
