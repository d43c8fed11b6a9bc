import {describe, expect, it} from 'vitest';
import type {ValidationReport} from '../../source/backup/report.js';
import {renderReport} from '../../source/cli/check-command.js';
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

	it('in ASCII, lines them up after the names are made ASCII', () => {
		const text = renderReport(report, ASCII_GLYPHS);
		expect(text).not.toMatch(/[\u0080-\uFFFF]/);
		expect(new Set(sizeColumns(text)).size).toBe(1);
	});
});
