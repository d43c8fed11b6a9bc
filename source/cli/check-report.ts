/** `check`'s report as text, in columns measured as the terminal counts them (ARCHITECTURE.md, "Validation rules"). */
import type {ValidationReport} from '../backup/report.js';
import {toAscii} from '../text/ascii.js';
import {formatBytes, formatDate} from '../text/format.js';
import type {Glyphs} from '../text/glyphs.js';
import {displayWidth, padEndDisplay, truncateDisplay} from '../text/measure.js';
import {safeText} from '../text/sanitize.js';

export function renderReport(report: ValidationReport, glyphs: Glyphs): string {
	const mark = {ok: glyphs.ok, warning: glyphs.warning, error: glyphs.error};
	// Laid out in columns as the terminal counts them: in ASCII already, and by display width.
	const names = report.files.map(f => (glyphs.ascii ? toAscii(safeText(f.name)) : safeText(f.name)));
	const width = Math.min(40, Math.max(4, ...names.map(displayWidth)));
	const markWidth = Math.max(...Object.values(mark).map(m => m.length)) + 1;
	const lines = [`Backup set ${safeText(report.folder)}`, ''];
	if (report.files.length > 0) {
		lines.push(`${' '.repeat(markWidth)}${'FILE'.padEnd(width)}  ${'SIZE'.padStart(9)}  ${'DATE'.padEnd(16)}  ${'KIND'.padEnd(11)}  NOTES`);
		report.files.forEach((file, i) => {
			const name = truncateDisplay(names[i]!, width, glyphs.ascii ? '...' : '…');
			const [first = '', ...rest] = file.messages.map(safeText);
			lines.push(
				`${mark[file.status].padEnd(markWidth)}${padEndDisplay(name, width)}  ${formatBytes(file.size).padStart(9)}  ${formatDate(new Date(file.mtime)).padEnd(16)}  ${file.kind.padEnd(11)}  ${first}`,
			);
			for (const message of rest) lines.push(`${' '.repeat(markWidth + width + 2 + 9 + 2 + 16 + 2 + 11 + 2)}${message}`);
		});
		lines.push('');
	}
	if (report.pagesVerified !== undefined) {
		const scanned = report.files.filter(f => f.messages.some(m => / pages verified \(/.test(m))).map(f => safeText(f.name));
		if (scanned.length > 0) lines.push(`Pages verified: ${report.pagesVerified.toLocaleString('en-US')}, in ${scanned.join(', ')}.`, '');
	}
	for (const error of report.errors) lines.push(`${glyphs.error} ${safeText(error)}`);
	for (const warning of report.warnings) lines.push(`${glyphs.warning} ${safeText(warning)}`);
	if (report.errors.length + report.warnings.length > 0) lines.push('');
	const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	lines.push(
		report.valid
			? `Verdict: VALID${report.warnings.length ? `, with ${count(report.warnings.length, 'warning')} to acknowledge before restoring` : ''}.`
			: `Verdict: NOT VALID — ${count(report.errors.length, 'error')}. Nothing was changed. Fix ${report.errors.length === 1 ? 'it' : 'them'} or choose another backup set.`,
		'',
	);
	return lines.join('\n');
}
