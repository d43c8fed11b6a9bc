import {describe, expect, it} from 'vitest';
import type {ValidationReport} from '../../source/backup/report.js';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {checkCommand} from '../../source/cli/check-command.js';
import {renderReport} from '../../source/cli/check-report.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from '../../source/text/glyphs.js';
import {displayWidth} from '../../source/text/measure.js';

const file = (name: string) => ({
	name,
	size: 4096,
	mtime: '2026-11-11T10:13:00.000Z',
	kind: 'other' as const,
	status: 'ok' as const,
	messages: ['note'],
	restored: false,
});
const report: ValidationReport = {
	folder: '/b',
	valid: true,
	files: [file('MSSYNC.MDB'), file('日本語のファイル.TXT'), file('résumé—copie.TXT')],
	errors: [],
	warnings: [],
};

/** The display column where the size column ("4.0 KiB") ends, on every file row. */
function sizeColumns(text: string): number[] {
	return text
		.split('\n')
		.filter(line => line.includes('4.0 KiB'))
		.map(line => displayWidth(line.slice(0, line.indexOf('4.0 KiB') + '4.0 KiB'.length)));
}

describe('the check report', () => {
	it('lines up its columns by display width, whatever the file names', () => {
		const columns = sizeColumns(renderReport(report, UNICODE_GLYPHS));
		expect(columns).toHaveLength(3);
		expect(new Set(columns).size).toBe(1);
	});

	it('says how many pages were verified, and in which files', () => {
		const scanned = {...file('MSSYNC.MDB'), messages: ['Jet 0x500, clean shutdown, 4096-byte pages', '8 of 256 pages verified (checksum and page number)']};
		const text = renderReport({...report, files: [scanned, file('NOTES.TXT')], pagesVerified: 8}, UNICODE_GLYPHS);
		expect(text).toContain('Pages verified: 8, in MSSYNC.MDB.');
		expect(renderReport(report, UNICODE_GLYPHS)).not.toContain('Pages verified');
	});

	it('in ASCII, lines them up after the names are made ASCII', () => {
		const text = renderReport(report, ASCII_GLYPHS);
		expect(text).not.toMatch(/[\u0080-\uFFFF]/);
		expect(new Set(sizeColumns(text)).size).toBe(1);
	});
});

describe('check on a large backup', () => {
	it('shows the scan going on stderr (pages verified, of how many), then clears the line and prints the verdict', async () => {
		const scratch = await mkdtemp(join(tmpdir(), 'dsmn-check-'));
		try {
			await createLab(join(scratch, 'lab'), {...LAB_DEFAULTS, dbPages: 4000});
			const out: string[] = [];
			const err: string[] = [];
			const code = await checkCommand(labPaths(join(scratch, 'lab')).backup, {json: false, progress: true}, UNICODE_GLYPHS, {
				out: t => out.push(t),
				err: t => err.push(t),
			});
			expect(code).toBe(0);
			expect(err[0]!.startsWith('\r\x1b[2K')).toBe(true);
			expect(err[0]!.slice(5)).toMatch(/^Verifying pages: [\d,]+ of 4,261 \(\d+%\)/);
			expect(err.at(-1)).toBe('\r\x1b[2K');
			expect(out.join('')).toContain('Pages verified: 12, in MSSYNC.MDB, MSSYNC.PAT, SYSTEM.MDB.');
		} finally {
			await rm(scratch, {recursive: true, force: true});
		}
	});
});
