/**
 * What one file's first page says, judged by the rules of ARCHITECTURE.md, "Validation rules" that need
 * only that header: a database's (or patch file's) engine, format version, size and state; a log's
 * generation, checksum and name. `jet/read-header.ts` reads the layouts; here they are judged.
 */
import {generationFromName} from '../jet/log-names.js';
import {formatVersionText, type readDatabaseHeader, type readLogHeader} from '../jet/read-header.js';
import {JET500_PREV_VERSION} from '../jet/layout.js';
import {JET500_MIN_DATABASE_BYTES, JET500_MIN_DATABASE_PAGES, JET500_RESERVED_PAGES} from '../jet/page.js';
import {formatBytes} from '../text/format.js';
import {ERR, NOTE, WARN, type Finding} from './findings.js';
import type {FileKind} from './report.js';

/** A header page whose checksum fails, when its shadow has not been read (`page-findings.ts` says more once it has). */
export const HEADER_CHECKSUM_WARNING = 'has a header whose checksum does not match: the header page may be damaged';

/** The NT version the server runs: it decides whether a JET 200-format database can be used. */
export type NtVersion = '3.51' | '4.0';

export type DatabaseContext = {
	/** MSSYNC.MDB or SYSTEM.MDB: the restore cannot do without it. */
	required: boolean;
	/** The server's NT version, when known (`check --nt`, the target). */
	nt?: NtVersion | undefined;
};

/** What a JET 200-format database means, by the server's NT version (ARCHITECTURE.md, "Validation rules"). */
function legacyFindings(nt: NtVersion | undefined): Finding[] {
	if (nt === '3.51') return [NOTE("JET 200-format database, as NT 3.51's DSMN writes it: usable on this NT 3.51 server; its pages are not checked")];
	if (nt === '4.0') {
		return [
			ERR(
				"is a JET 200-format database (NT 3.51's DSMN): the Jet 500 engine of NT 4.0 refuses it (error -1210, JET_errDatabase200Format), so MSSYNC would not start; use a backup taken on this NT 4.0 server",
			),
		];
	}
	return [
		WARN(
			"is a JET 200-format database (NT 3.51's DSMN): usable only if the server runs NT 3.51; NT 4.0's Jet 500 refuses it (error -1210, JET_errDatabase200Format). Say which with --nt 3.51 or --nt 4.0",
		),
	];
}

/** A database or patch file, by its header page and its size. */
export function databaseFindings(
	header: ReturnType<typeof readDatabaseHeader>,
	size: number,
	kind: FileKind,
	context: DatabaseContext = {required: false},
): Finding[] {
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
			return legacyFindings(context.nt);
		case 'unrecognised':
			if (header.formatVersion !== undefined) {
				return [
					ERR(
						`is a JET Blue ${what} of format ${formatVersionText(header.formatVersion)}, not Jet 500 (0x500) as DSMN writes it: DSMN's engine cannot open it`,
					),
				];
			}
			if (context.required || kind === 'patch') {
				return [
					ERR(
						`is not a database JET can open: neither a Jet 500 ${what} (no JET header) nor a JET 200-format one; restoring it would leave MSSYNC unable to start. Use the ${what} from a DSMN backup set`,
					),
				];
			}
			return [WARN(`has an unrecognised header (not a Jet 500 ${what}, nor a recognisable JET 200-format page), so it cannot be checked`)];
		case 'jet500': {
			if (header.layout !== 'jet500') {
				return [
					ERR(
						`is an ESE ${what} of format ${formatVersionText(header.formatVersion)} (Windows 2000 and later), not Jet 500 (0x500) as DSMN writes it: DSMN's engine cannot open it`,
					),
				];
			}
			const previous = header.formatVersion === JET500_PREV_VERSION ? ' (the earlier format Jet 500 still opens)' : '';
			const findings: Finding[] = [NOTE(`Jet ${formatVersionText(header.formatVersion)}${previous}, ${header.stateName}, ${header.pageSize}-byte pages`)];
			if (kind === 'database' && size < JET500_MIN_DATABASE_BYTES) {
				findings.push(
					ERR(
						`is ${formatBytes(size)} (${size} bytes): a Jet 500 database is never shorter than ${JET500_MIN_DATABASE_BYTES} bytes (${JET500_RESERVED_PAGES + JET500_MIN_DATABASE_PAGES} pages) — its header and shadow header (${JET500_RESERVED_PAGES} pages) and the ${JET500_MIN_DATABASE_PAGES}-page primary extent JET gives every new database — so this one is truncated; use another backup set`,
					),
				);
			}
			if (header.checksumOk === false) findings.push(WARN(HEADER_CHECKSUM_WARNING));
			if (size % header.pageSize !== 0) {
				findings.push(
					ERR(
						`is ${size} bytes, not a whole number of ${header.pageSize}-byte pages: it ends ${size % header.pageSize} bytes into page ${Math.floor(size / header.pageSize) - JET500_RESERVED_PAGES + 1}, so the copy was cut off (Jet 500 sizes its files in whole pages); use another backup set`,
					),
				);
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

/** A log, by its header and its name (`JETnnnnn.LOG` names a generation). */
export function logFindings(log: ReturnType<typeof readLogHeader>, name: string): Finding[] {
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
