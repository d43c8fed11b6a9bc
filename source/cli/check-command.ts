import type {NtVersion} from '../backup/header-findings.js';
import {scanProgressText} from '../backup/scan-progress.js';
import {validateBackup, type PageProgress} from '../backup/validate.js';
import type {Glyphs} from '../text/glyphs.js';
import {jsonLine} from '../app/json-line.js';
import type {Output} from './output.js';

/** Progress on stderr, redrawn in place at most every 250 ms, only where a person watches a terminal. */
function progressReporter(output: Output): {onProgress: (p: PageProgress) => void; done: () => void} {
	const started = Date.now();
	let last = 0;
	let shown = false;
	return {
		onProgress: p => {
			const now = Date.now();
			if (now - last < 250 && p.pagesDone < p.pagesTotal) return;
			last = now;
			shown = true;
			output.err(`\r\x1b[2K${scanProgressText(p, now - started)}`);
		},
		done: () => {
			if (shown) output.err('\r\x1b[2K');
		},
	};
}

export type CheckOptions = {json: boolean; nt?: NtVersion | undefined; progress?: boolean};

export async function checkCommand(dir: string, options: CheckOptions, glyphs: Glyphs, output: Output): Promise<number> {
	const {json} = options;
	const progress = options.progress && !json ? progressReporter(output) : undefined;
	const report = await validateBackup(dir, {nt: options.nt, ...(progress ? {onProgress: progress.onProgress} : {})});
	progress?.done();
	// The columns (check-report.ts, with display widths) are loaded only for text: --json never pays for them.
	output.out(json ? jsonLine('validation-report', report) : (await import('./check-report.js')).renderReport(report, glyphs));
	return report.valid ? 0 : 1;
}
