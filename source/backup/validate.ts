/**
 * Decides whether a folder really holds a usable DSMN account synchronization backup (ARCHITECTURE.md, "Validation rules"),
 * reading the first page of each file, then every page of the databases and patch files that would be
 * restored (`page-scan.ts`). Pure of any UI; never writes.
 *
 * Here: the folder as a whole (what it is, its listing) and the rules across its files (the two databases,
 * names that differ only in case, the log generations and signatures, orphan patch files, the age). Each
 * file on its own: `inspect-file.ts`, its header by `header-findings.ts`; what a folder is: `folder-kind.ts`.
 */
import {readdirSync} from 'node:fs';
import {realpath, stat} from 'node:fs/promises';
import {setImmediate as yieldToLoop} from 'node:timers/promises';
import {dirname, join, resolve} from 'node:path';
import {formatAge, formatDate} from '../text/format.js';
import {CHANGE_LOG_TRUSTED_MS} from './change-log-age.js';
import {classifyName, REQUIRED_DATABASES} from './classify.js';
import {ERR, errnoText, WARN, worst} from './findings.js';
import {looksLikeLiveSyncagnt, sameFolder, snapshotKind} from './folder-kind.js';
import {HEADER_CHECKSUM_WARNING, type NtVersion} from './header-findings.js';
import {HEAD_BYTES, inspect, linkFindings, toReport, type Entry, type Inspected} from './inspect-file.js';
import {logSetWarnings} from './log-set.js';
import {pageFindings} from './page-findings.js';
import {scanPages} from './page-scan.js';
import type {ValidationReport} from './report.js';

/** How far the page scan is: called after every read (1 MiB, 256 pages). */
export type PageProgress = {file: string; pagesDone: number; pagesTotal: number};

export type ValidateOptions = {
	/** The target's live SYNCAGNT folder: a backup must never be it. */
	liveSyncagnt?: string;
	now?: Date;
	/** The server's NT version, when known: a JET 200-format database is an error on NT 4.0 only. */
	nt?: NtVersion | undefined;
	/** Asked only when a database's verdict depends on the NT version and `nt` is not given (the target asks its server). */
	learnNt?: () => Promise<NtVersion | undefined>;
	onProgress?: (progress: PageProgress) => void;
};

const PAGE = 4096;

/** Every page of the databases and patch files that would be restored, verified (ARCHITECTURE.md, "Validation rules"). */
async function verifyPages(folder: string, inspected: Inspected[], onProgress: ValidateOptions['onProgress']): Promise<number> {
	const toScan = inspected.filter(
		i =>
			(i.kind === 'patch' || (REQUIRED_DATABASES as readonly string[]).includes(i.name.toUpperCase())) &&
			i.database?.kind === 'jet500' &&
			i.database.layout === 'jet500' &&
			worst(i.findings) !== 'error',
	);
	const pagesTotal = toScan.reduce((sum, i) => sum + Math.floor(i.size / PAGE), 0);
	let before = 0;
	let verified = 0;
	for (const entry of toScan) {
		const kind = entry.kind === 'patch' ? 'patch' : 'database';
		try {
			const scan = await scanPages(join(folder, entry.name), kind, bytes =>
				onProgress?.({file: entry.name, pagesDone: before + Math.floor(bytes / PAGE), pagesTotal}),
			);
			// With both header pages read, what the shadow says replaces the first page's own warning.
			if (scan.headers) entry.findings = entry.findings.filter(f => f.message !== HEADER_CHECKSUM_WARNING);
			entry.findings.push(...pageFindings(scan, entry.kind));
			verified += scan.verified;
		} catch (error) {
			entry.findings.push(ERR(`cannot be read to its end: ${errnoText(error)}`));
		}
		before += Math.floor(entry.size / PAGE);
	}
	return verified;
}

/** Windows' order: case-insensitive, then by code point. */
function compareNames(a: string, b: string): number {
	const A = a.toUpperCase();
	const B = b.toUpperCase();
	return A < B ? -1 : A > B ? 1 : a < b ? -1 : a > b ? 1 : 0;
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
	// The live folder is never a backup; its files are still read, so that a damaged page (the red X's
	// cause, JET's -1018) is named.
	const live =
		(options.liveSyncagnt && (await sameFolder(folder, options.liveSyncagnt))) || looksLikeLiveSyncagnt(folder)
			? `${folder} is the live SYNCAGNT folder, not a backup: restoring it onto itself would replace the database with itself. Give the folder of an account synchronization backup`
			: undefined;

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
		const result = inspect(folder, entry, buffer, options.nt);
		if (linkFinding) result.findings.unshift(linkFinding);
		inspected.push(result);
		if (i % 512 === 511) await yieldToLoop(); // keep a wizard's screen alive on a large or slow folder
	}
	// A JET 200-format database is judged by the server's NT version: asked for only when one is there.
	const needsNt = () => inspected.filter(i => i.kind === 'database' && i.database?.kind === 'legacy');
	let nt = options.nt;
	if (nt === undefined && options.learnNt && needsNt().length > 0) {
		nt = await options.learnNt();
		if (nt) {
			for (const entry of needsNt()) {
				const again = inspect(
					folder,
					entries.find(e => e.name === entry.name)!,
					buffer,
					nt,
				);
				// Only the header's verdict changes with the version: a link's finding stays.
				entry.findings = [...entry.findings.filter(f => f.message.startsWith('is a symbolic link')), ...again.findings];
			}
		}
	}
	const undecided = nt === undefined ? needsNt().map(i => i.name) : [];

	const pagesVerified = await verifyPages(folder, inspected, options.onProgress);
	if (live) {
		// In the live folder a damaged page is what a restore from a backup repairs, not a reason to look for another.
		const fileErrors = inspected.flatMap(i =>
			i.findings
				.filter(f => f.status === 'error')
				.map(f => `${i.name} ${f.message.replace(/\. Use another backup set$/, ': restoring the database from a backup repairs this (KB Q148678)')}`),
		);
		return {folder, valid: false, files: inspected.map(toReport), errors: [live, ...fileErrors], warnings: [], pagesVerified};
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

	// Logs: JET.LOG there, generations without a gap up to it, all of this database (log-set.ts).
	warnings.push(...logSetWarnings(inspected, databaseSignature));
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

	// The age is said whatever else is wrong: the files' times are facts even when their contents are refused.
	const databases = REQUIRED_DATABASES.map(n => byUpper.get(n)).filter((i): i is Inspected => i !== undefined && i.mtimeMs > 0);
	let taken: string | undefined;
	if (databases.length > 0) {
		const newest = Math.max(...databases.map(d => d.mtimeMs));
		taken = new Date(newest).toISOString();
		// Only past the age the change log is trusted to reach: a fresher backup's age is no warning (the synchronization brings the changes since).
		if (now.getTime() - newest > CHANGE_LOG_TRUSTED_MS)
			warnings.push(
				`the backup is ${formatAge(now.getTime() - newest)} old (${formatDate(new Date(newest))}): every change to accounts since then must be resynchronized to the NetWare servers`,
			);
	}
	if (madeByTool) warnings.unshift(madeByTool);
	return {
		folder,
		valid: errors.length === 0,
		files: inspected.map(toReport),
		errors,
		warnings,
		pagesVerified,
		...(taken ? {taken} : {}),
		...(undecided.length ? {needsNt: undecided} : {}),
	};
}
