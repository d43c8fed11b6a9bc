import {describe, expect, it} from 'vitest';
import {scanProgressText} from '../../source/backup/scan-progress.js';

describe('the progress of a long page scan', () => {
	it('says pages verified of the total, the rate and the time left', () => {
		expect(scanProgressText({file: 'MSSYNC.MDB', pagesDone: 65_536, pagesTotal: 262_144}, 500)).toBe(
			'Verifying pages: 65,536 of 262,144 (25%), 131,072 pages/s, about 2 s left',
		);
		expect(scanProgressText({file: 'MSSYNC.MDB', pagesDone: 1000, pagesTotal: 524_288}, 1000)).toBe(
			'Verifying pages: 1,000 of 524,288 (0%), 1,000 pages/s, about 9 min left',
		);
	});

	it('makes no claim about the rate before there is one', () => {
		expect(scanProgressText({file: 'SYSTEM.MDB', pagesDone: 0, pagesTotal: 256}, 0)).toBe('Verifying pages: 0 of 256 (0%)');
	});
});
