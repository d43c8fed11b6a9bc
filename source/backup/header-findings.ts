/**
 * What one file's first page says, judged by the rules of ARCHITECTURE.md, "Validation rules" that need
 * only that header: a database's (or patch file's) engine, format version, size and state; a log's
 * generation, checksum and name. `jet/read-header.ts` reads the layouts; here they are judged.
 */
import {generationFromName} from '../jet/log-names.js';
import {formatVersionText, type readDatabaseHeader, type readLogHeader} from '../jet/read-header.js';
import {JET500_MIN_DATABASE_BYTES, JET500_MIN_DATABASE_PAGES, JET500_RESERVED_PAGES} from '../jet/layout.js';
import {formatBytes} from '../text/format.js';
import {ERR, NOTE, WARN, type Finding} from './findings.js';
import type {FileKind} from './report.js';

/** A database or patch file, by its header page and its size. */
export function databaseFindings(header: ReturnType<typeof readDatabaseHeader>, size: number, kind: FileKind): Finding[] {
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
