/**
 * What the scan of every page of a database or patch file found (`page-scan.ts`), as findings
 * (ARCHITECTURE.md, "Validation rules"): each damaged or misplaced page by number and offset, with the
 * checksum found and the one its bytes give, and what JET would do; and the count of pages verified.
 */
import type {PageProblem, PageScan} from '../jet/verify-pages.js';
import {ERR, NOTE, type Finding} from './findings.js';
import type {FileKind} from './report.js';

/** Problems named one by one; the rest are counted. */
const NAMED = 5;

const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;

const JET_STOPS = 'JET stops with error -1018 (JET_errReadVerifyFailure) the first time MSSYNC reads it';

function problemText(p: PageProblem, kind: FileKind): string {
	if (p.kind === 'checksum') {
		const where = kind === 'patch' ? `a copy of page ${p.pgno} at offset ${p.offset}` : `page ${p.pgno} (offset ${p.offset})`;
		return `has a damaged page: ${where} stores checksum ${hex(p.stored)} but its bytes give ${hex(p.computed)}; ${JET_STOPS}. Use another backup set`;
	}
	return `has a misplaced page: page ${p.pgno} (offset ${p.offset}) carries the number of page ${p.carries}, so the file was pieced together wrongly; ${JET_STOPS}. Use another backup set`;
}

/** The header and its shadow, as `ErrUtilReadShadowedHeader` reads them: the shadow serves when the first is damaged. */
function headerFindings(scan: PageScan): Finding[] {
	if (!scan.headers || scan.headers.primary) return [];
	if (scan.headers.shadow) return [NOTE('header page damaged, its shadow (page 1 of the file) intact: JET reads the shadow')];
	return [
		ERR(
			'has a damaged header page and a damaged shadow: JET cannot read the header (error -1206, JET_errDatabaseCorrupted), so MSSYNC would not start. Use another backup set',
		),
	];
}

export function pageFindings(scan: PageScan, kind: FileKind): Finding[] {
	const findings = [...headerFindings(scan), ...scan.problems.slice(0, NAMED).map(p => ERR(problemText(p, kind)))];
	const more = scan.problemCount - Math.min(scan.problems.length, NAMED);
	if (more > 0) findings.push(ERR(`has ${more} more damaged or misplaced page${more === 1 ? '' : 's'}`));
	const unused = scan.neverWritten > 0 ? `, ${scan.neverWritten} never written (all zeros, as Jet 500 leaves them)` : '';
	const checked = kind === 'patch' ? 'checksum' : 'checksum and page number';
	findings.push(NOTE(`${scan.verified} of ${scan.pages} pages verified (${checked})${unused}`));
	return findings;
}
