/**
 * The words of a long page scan's progress (ARCHITECTURE.md, "Validation rules"): pages verified of
 * the total, the rate, and the time left, for `check` and the wizard's validation screen alike.
 */
import type {PageProgress} from './validate.js';

const count = (n: number) => n.toLocaleString('en-US');

function duration(seconds: number): string {
	if (seconds < 1) return 'under a second';
	if (seconds < 90) return `${Math.round(seconds)} s`;
	return `${Math.round(seconds / 60)} min`;
}

/** "Verifying pages: 65,536 of 262,144 (25%), 120,000 pages/s, about 2 s left". */
export function scanProgressText(progress: PageProgress, elapsedMs: number): string {
	const {pagesDone, pagesTotal} = progress;
	const percent = pagesTotal > 0 ? Math.floor((pagesDone / pagesTotal) * 100) : 100;
	const head = `Verifying pages: ${count(pagesDone)} of ${count(pagesTotal)} (${percent}%)`;
	if (elapsedMs < 200 || pagesDone === 0) return head;
	const rate = pagesDone / (elapsedMs / 1000);
	return `${head}, ${count(Math.round(rate))} pages/s, about ${duration((pagesTotal - pagesDone) / rate)} left`;
}
