/**
 * Decides whether a folder really holds a usable DSMN account synchronization backup (ARCHITECTURE.md, "Validation rules"),
 * reading only the first page of each file. Pure of any UI; never writes.
 */
import {closeSync, constants, fstatSync, openSync, readdirSync, readSync} from 'node:fs';
import {realpath, stat} from 'node:fs/promises';
import {setImmediate as yieldToLoop} from 'node:timers/promises';
import {basename, dirname, join, resolve} from 'node:path';
import {generationFromName, logFileName} from '../jet/log-names.js';
import {DATABASE_HEADER_BYTES, formatVersionText, readDatabaseHeader, readLogHeader} from '../jet/read-header.js';
import {JET500_MIN_DATABASE_BYTES, JET500_MIN_DATABASE_PAGES, JET500_RESERVED_PAGES} from '../jet/layout.js';
import {formatBytes} from '../text/format.js';
import {formatAge, formatDate} from '../text/format.js';
import {classifyName, isRestoredFile, REQUIRED_DATABASES} from './classify.js';
import {looksLikeLiveSyncagnt, sameFolder, snapshotKind} from './folder-kind.js';
import type {FileKind, FileReport, FileStatus, ValidationReport} from './report.js';

export type ValidateOptions = {
	/** The target's live SYNCAGNT folder: a backup must never be it. */
	liveSyncagnt?: string;
	now?: Date;
};

type Entry = {name: string; special: boolean; link: boolean};

/** Windows' order: case-insensitive, then by code point. */
function compareNames(a: string, b: string): number {
	const A = a.toUpperCase();
	const B = b.toUpperCase();
	return A < B ? -1 : A > B ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

type Finding = {status: FileStatus; message: string};

type Inspected = {
	name: string;
	kind: FileKind;
	size: number;
	mtimeMs: number;
	findings: Finding[];
	database?: ReturnType<typeof readDatabaseHeader>;
	log?: ReturnType<typeof readLogHeader>;
};

const ERR = (message: string): Finding => ({status: 'error', message});
const WARN = (message: string): Finding => ({status: 'warning', message});
const NOTE = (message: string): Finding => ({status: 'ok', message});

function worst(findings: Finding[]): FileStatus {
	if (findings.some(f => f.status === 'error')) return 'error';
	if (findings.some(f => f.status === 'warning')) return 'warning';
	return 'ok';
}

function errnoText(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'EACCES':
		case 'EPERM':
			return 'permission denied: run as a user who may read it, or copy the backup somewhere readable';
		case 'ELOOP':
			return 'it is a symbolic link that loops back on itself: point it at the real file';
		case 'ENOENT':
			return 'it is a symbolic link to nothing: point it at the real file';
		case 'EIO':
			return 'the disk reported an I/O error: the medium may be failing; copy what you can elsewhere first';
		default:
			return (error as Error).message;
	}
}

/** One read buffer per validation: headers are parsed from it and never kept. */
const HEAD_BYTES = DATABASE_HEADER_BYTES;

/**
 * Inspects one entry with synchronous calls (open, fstat, one read, close): for 10,000 log files this
 * is several times faster than promise-based I/O. The caller yields to the event loop between batches.
 */
function inspect(folder: string, entry: Entry, buffer: Uint8Array): Inspected {
	const {name} = entry;
	const path = join(folder, name);
	const kind: FileKind = classifyName(name);
	const findings: Finding[] = [];
	let size = 0;
	let mtimeMs = 0;
	let database: Inspected['database'];
	let log: Inspected['log'];
	if (entry.special) {
		findings.push(ERR('is not a regular file (a device, pipe or socket)'));
		return {name, kind, size, mtimeMs, findings};
	}
	let fd: number | undefined;
	try {
		// O_NONBLOCK: a pipe that appeared since the listing must not hang the check.
		fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
		const info = fstatSync(fd);
		size = info.size;
		mtimeMs = info.mtimeMs;
		if (info.isDirectory()) findings.push(ERR('is a folder, not a file'));
		else if (!info.isFile()) findings.push(ERR('is not a regular file (a device, pipe or socket)'));
		else if (info.size === 0)
			findings.push(kind === 'other' ? NOTE('empty') : ERR('is empty (0 bytes): the backup of this file is lost; use another backup set'));
		else if (kind !== 'other') {
			const head = buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
			if (kind === 'database' || kind === 'patch') {
				database = readDatabaseHeader(head);
				findings.push(...databaseFindings(database, size, kind));
			} else if (kind === 'log' || kind === 'reserve-log') {
				log = readLogHeader(head);
				findings.push(...logFindings(log, name));
			}
		}
	} catch (error) {
		findings.push(ERR(`cannot be read: ${errnoText(error)}`));
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
	if (kind === 'checkpoint') findings.push(NOTE('checkpoint: not copied (KB Q148678 copies only the databases, logs and patch files); JET rebuilds it'));
	if (kind === 'reserve-log') findings.push(NOTE('reserve log: not copied; JET makes new ones'));
	if (kind === 'other' && findings.every(f => f.status === 'ok')) findings.push(NOTE('not part of the database: not copied'));
	if (kind === 'database' && !(REQUIRED_DATABASES as readonly string[]).includes(name.toUpperCase()) && findings.every(f => f.status !== 'error')) {
		findings.push(NOTE('not one of the DSMN databases (MSSYNC.MDB, SYSTEM.MDB): not copied'));
	}
	return {name, kind, size, mtimeMs, findings, ...(database ? {database} : {}), ...(log ? {log} : {})};
}

function logFindings(log: ReturnType<typeof readLogHeader>, name: string): Finding[] {
	if (log.kind === 'too-short') return [WARN(`is only ${log.length} bytes: too short for a log header; it may be truncated`)];
	if (log.kind === 'all-zero') return [WARN('has a blank (all-zero) header: JET cannot use it')];
	const findings = [NOTE(`log generation ${log.generation}`)];
	if (log.checksumOk === false) findings.push(WARN('has a header whose checksum does not match: the header may be damaged'));
	const claimed = generationFromName(name);
	if (typeof claimed === 'number' && claimed !== log.generation) {
		findings.push(WARN(`is named as generation ${claimed} but its header says ${log.generation}: it may have been renamed`));
	}
	return findings;
}

function toReport(i: Inspected): FileReport {
	const status = worst(i.findings);
	return {
		name: i.name,
		size: i.size,
		mtime: new Date(i.mtimeMs).toISOString(),
		kind: i.kind,
		status,
		messages: i.findings.map(f => f.message),
		restored: isRestoredFile(i.name) && status !== 'error',
	};
}

function databaseFindings(header: ReturnType<typeof readDatabaseHeader>, size: number, kind: FileKind): Finding[] {
	const what = kind === 'patch' ? 'patch file' : 'database';
	switch (header.kind) {
		case 'access':
			return [
				ERR(
					header.engine === 'ace'
						? 'is a Microsoft Access 2007 or later database ("Standard ACE DB"), not a DSMN database: this is the wrong file'
						: 'is a Microsoft Access database ("Standard Jet DB", JET Red 3/4), not a DSMN database: this is the wrong file',
				),
			];
		case 'all-zero':
			return [ERR(`has an all-zero first page: the ${what} was never written or has been wiped; use another backup set`)];
		case 'too-short':
			return [ERR(`is only ${header.length} bytes: shorter than one page, so it is truncated; use another backup set`)];
		case 'legacy':
			return [NOTE('legacy JET (JET 200/400 of NT 3.5x): header not checked')];
		case 'unrecognised':
			if (header.formatVersion !== undefined) {
				return [
					ERR(
						`is a JET Blue ${what} of format ${formatVersionText(header.formatVersion)}, not Jet 500 (0x500) as DSMN writes it: DSMN's engine cannot open it`,
					),
				];
			}
			return [
				WARN(`has an unrecognised header (not a Jet 500 ${what}, nor a recognisable JET 200/400 page), so it cannot be checked; make sure it really is DSMN's`),
			];
		case 'jet500': {
			if (header.layout !== 'jet500') {
				return [
					ERR(
						`is an ESE ${what} of format ${formatVersionText(header.formatVersion)} (Windows 2000 and later), not Jet 500 (0x500) as DSMN writes it: DSMN's engine cannot open it`,
					),
				];
			}
			const findings: Finding[] = [NOTE(`Jet ${formatVersionText(header.formatVersion)}, ${header.stateName}, ${header.pageSize}-byte pages`)];
			if (kind === 'database' && size < JET500_MIN_DATABASE_BYTES) {
				findings.push(
					ERR(
						`is ${formatBytes(size)} (${size} bytes): a Jet 500 database is never shorter than ${JET500_MIN_DATABASE_BYTES} bytes — its header and shadow header (${JET500_RESERVED_PAGES} pages) and the ${JET500_MIN_DATABASE_PAGES} pages JET gives every new database — so this one is truncated; use another backup set`,
					),
				);
			}
			const pageSizeOk = [2048, 4096, 8192, 16384, 32768].includes(header.pageSize);
			if (header.checksumOk === false) findings.push(WARN('has a header whose checksum does not match: the header page may be damaged'));
			if (!pageSizeOk) findings.push(WARN(`has an unusual page size in its header (${header.pageSize} bytes): the header may be damaged`));
			else if (size % header.pageSize !== 0) {
				findings.push(WARN(`is ${size} bytes, not a whole number of ${header.pageSize}-byte pages: it may be truncated mid-page`));
			}
			if (kind === 'database' && header.state === 2) {
				findings.push(
					WARN("was not shut down cleanly (dirty shutdown): it was copied while DSMN was running, so JET must replay the backup's logs; keep them with it"),
				);
			} else if (kind === 'database' && header.state !== 3) {
				findings.push(WARN(`is in state "${header.stateName}", not a clean shutdown`));
			}
			return findings;
		}
	}
}

/** A symbolic link in the backup: one inside the folder is reported; one that leaves it is refused by name. */
async function linkFindings(realFolder: string, path: string): Promise<Finding> {
	let targetPath: string;
	try {
		targetPath = await realpath(path);
	} catch (error) {
		return ERR(`is a symbolic link that cannot be followed (${errnoText(error)})`);
	}
	const inside = dirname(targetPath) === realFolder;
	return inside
		? WARN(`is a symbolic link to ${basename(targetPath)} in the same folder: the restore copies that file's bytes under this name`)
		: ERR(
				`is a symbolic link to ${targetPath}, outside the backup folder: refused (a backup's files are its own); copy the real file into the backup folder if it belongs to this set`,
			);
}

/** A folder that cannot be a backup at all: the report says why and what to give instead. */
function refused(folder: string, message: string): ValidationReport {
	return {folder, valid: false, files: [], errors: [message], warnings: []};
}

export async function validateBackup(folderArg: string, options: ValidateOptions = {}): Promise<ValidationReport> {
	const folder = resolve(folderArg);
	const now = options.now ?? new Date();
	try {
		const info = await stat(folder);
		if (!info.isDirectory()) {
			return refused(folder, `${folder} is a file, not a folder: give the folder that holds the backup's MSSYNC.MDB (for example ${dirname(folder)})`);
		}
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return refused(folder, `${folder} does not exist: give the folder that holds the backup's MSSYNC.MDB`);
		if (code === 'ENOTDIR') return refused(folder, `${folder} is not a folder: part of the path is a file`);
		return refused(folder, `${folder} cannot be opened: ${errnoText(error)}`);
	}
	if ((options.liveSyncagnt && (await sameFolder(folder, options.liveSyncagnt))) || looksLikeLiveSyncagnt(folder)) {
		return refused(
			folder,
			`${folder} is the live SYNCAGNT folder, not a backup: restoring it onto itself would replace the database with itself. Give the folder of an account synchronization backup`,
		);
	}

	const madeByTool = snapshotKind(folder);
	let entries: Entry[];
	try {
		// A backup set is one flat folder: one readdir lists it (fast-glob, for the recursive search of
		// discover.ts, costs a quarter of the whole check on 10,000 files and adds nothing here).
		entries = readdirSync(folder, {withFileTypes: true}).map(e => ({
			name: e.name,
			special: e.isFIFO() || e.isSocket() || e.isCharacterDevice() || e.isBlockDevice(),
			link: e.isSymbolicLink(),
		}));
	} catch (error) {
		return refused(folder, `the files in ${folder} cannot be listed: ${errnoText(error)}`);
	}
	entries.sort((a, b) => compareNames(a.name, b.name));
	const buffer = new Uint8Array(HEAD_BYTES);
	const inspected: Inspected[] = [];
	const realFolder = await realpath(folder).catch(() => folder);
	for (let i = 0; i < entries.length; i++) {
		const entry = entries[i]!;
		const linkFinding = entry.link ? await linkFindings(realFolder, join(folder, entry.name)) : undefined;
		if (linkFinding?.status === 'error') {
			// Never read through a link that leaves the folder: its bytes are not the backup's.
			inspected.push({name: entry.name, kind: classifyName(entry.name), size: 0, mtimeMs: 0, findings: [linkFinding]});
			continue;
		}
		const result = inspect(folder, entry, buffer);
		if (linkFinding) result.findings.unshift(linkFinding);
		inspected.push(result);
		if (i % 512 === 511) await yieldToLoop(); // keep a wizard's screen alive on a large or slow folder
	}

	const errors: string[] = [];
	const warnings: string[] = [];
	const byUpper = new Map(inspected.map(i => [i.name.toUpperCase(), i]));

	for (const required of REQUIRED_DATABASES) {
		if (!byUpper.has(required)) {
			errors.push(`${required} is missing: without it there is nothing to restore; look for a complete backup set (the wizard's "Not sure" search can help)`);
		}
	}
	const sameName = new Map<string, string[]>();
	for (const i of inspected) sameName.set(i.name.toUpperCase(), [...(sameName.get(i.name.toUpperCase()) ?? []), i.name]);
	for (const names of sameName.values()) {
		if (names.length > 1) errors.push(`${names.join(' and ')} differ only in case: Windows would see one file; keep only one of them`);
	}

	const mssync = byUpper.get('MSSYNC.MDB');
	const databaseSignature = mssync?.database?.kind === 'jet500' ? mssync.database.signLog : undefined;
	const logs = inspected.filter(i => i.kind === 'log' && i.log?.kind === 'jet500');
	const patches = inspected.filter(i => i.kind === 'patch');
	if (logs.length === 0 && patches.length === 0) {
		warnings.push(
			'no log (JET*.LOG) or patch (*.PAT) files: if the database was copied while DSMN ran, the changes in its logs are lost; restore only if this is a cold (offline) backup',
		);
	}

	// Logs: generations run without a gap up to JET.LOG, and belong to this database.
	const numbered = logs
		.map(entry => ({entry, generation: generationFromName(entry.name)}))
		.filter((l): l is {entry: Inspected; generation: number} => typeof l.generation === 'number');
	const current = byUpper.get('JET.LOG');
	const currentGeneration = current?.log?.kind === 'jet500' ? current.log.generation : undefined;
	const generations = new Set(numbered.map(l => l.generation));
	if (currentGeneration !== undefined) generations.add(currentGeneration);
	if (generations.size > 1) {
		const sorted = [...generations].sort((a, b) => a - b);
		const missing: number[] = [];
		for (let g = sorted[0]!; g <= sorted.at(-1)! && missing.length <= 5; g++) if (!generations.has(g)) missing.push(g);
		if (missing.length > 0) {
			const names = missing.slice(0, 5).map(logFileName).join(', ') + (missing.length > 5 ? ', …' : '');
			warnings.push(`the log generations have a gap (${names} missing): JET cannot replay past it, so the changes after it are lost`);
		}
	}
	if (currentGeneration !== undefined) {
		for (const {entry, generation} of numbered) {
			if (generation >= currentGeneration) {
				entry.findings.push(WARN(`is generation ${generation}, not older than JET.LOG (generation ${currentGeneration}): the logs come from different runs`));
			}
		}
	}
	if (databaseSignature) {
		for (const entry of logs) {
			if (entry.log?.kind === 'jet500' && entry.log.signLog !== databaseSignature) {
				entry.findings.push(
					ERR(
						"belongs to another database (its log signature differs from MSSYNC.MDB's): JET refuses it (error -530, JET_errBadLogSignature; KB Q188357); use the logs saved with this database",
					),
				);
			}
		}
	}
	for (const patch of patches) {
		const base = patch.name.replace(/\.pat$/i, '').toUpperCase();
		if (!byUpper.has(`${base}.MDB`)) {
			patch.findings.push(WARN(`has no matching database (${base}.MDB): a patch file belongs to the database of the same name`));
		}
	}

	// Every file's own errors and warnings are listed too, with its name.
	for (const i of inspected) {
		for (const finding of i.findings) {
			if (finding.status === 'error') errors.push(`${i.name} ${finding.message}`);
			if (finding.status === 'warning') warnings.push(`${i.name} ${finding.message}`);
		}
	}

	const databases = REQUIRED_DATABASES.map(n => byUpper.get(n)).filter((i): i is Inspected => i !== undefined && worst(i.findings) !== 'error');
	let taken: string | undefined;
	if (databases.length > 0) {
		const newest = Math.max(...databases.map(d => d.mtimeMs));
		taken = new Date(newest).toISOString();
		warnings.push(
			`the backup is ${formatAge(now.getTime() - newest)} old (${formatDate(new Date(newest))}): every change to accounts since then must be resynchronized to the NetWare servers`,
		);
	}
	if (madeByTool) warnings.unshift(madeByTool);
	return {folder, valid: errors.length === 0, files: inspected.map(toReport), errors, warnings, ...(taken ? {taken} : {})};
}
