import {generationFromName} from '../jet/log-names.js';
import type {FileKind} from './report.js';

export const REQUIRED_DATABASES = ['MSSYNC.MDB', 'SYSTEM.MDB'] as const;

/** What a file in a SYNCAGNT folder or a backup set is, by its name (case-insensitive, as on Windows). */
export function classifyName(name: string): FileKind {
	const upper = name.toUpperCase();
	if (upper.endsWith('.MDB')) return 'database';
	if (generationFromName(upper) !== undefined) return 'log';
	if (/^JET.*\.CHK$/.test(upper)) return 'checkpoint';
	if (/^RES\d*\.LOG$/.test(upper)) return 'reserve-log';
	if (upper.endsWith('.PAT')) return 'patch';
	return 'other';
}

/** KB Q148678 step 2 copies MSSYNC.MDB, SYSTEM.MDB, JET*.LOG and *.PAT from the backup. */
export function isRestoredFile(name: string): boolean {
	const upper = name.toUpperCase();
	const kind = classifyName(name);
	return (REQUIRED_DATABASES as readonly string[]).includes(upper) || kind === 'log' || kind === 'patch';
}

/**
 * KB Q148678 step 2 and Q188357: before the backup goes in, these must leave SYNCAGNT (moved aside,
 * never deleted) — the databases, and every log, checkpoint, reserve log and patch file.
 */
export function isStaleInLiveFolder(name: string): boolean {
	const upper = name.toUpperCase();
	if ((REQUIRED_DATABASES as readonly string[]).includes(upper)) return true;
	const kind = classifyName(name);
	return kind === 'checkpoint' || kind === 'reserve-log' || kind === 'patch' || (kind === 'log' && upper.startsWith('JET'));
}
