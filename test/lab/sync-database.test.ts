/**
 * The lab writes its databases as Jet 500 does: checked here page by page with the tests' own reading
 * of the structs (test/jet/jet500-file-writer.ts), not with the lab's code or the validator's.
 */
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {PAGE, PGHDR, PGTRLR, RESERVED, checksum} from '../jet/jet500-file-writer.js';
import {tempDir} from '../helpers/run-cli.js';

type PageLook = {pgno: number; zero: boolean; sealed: boolean; carries: number; pgtyp: number; dbTime: number; ibMic: number};

function pagesOf(file: Uint8Array): PageLook[] {
	const out: PageLook[] = [];
	for (let at = RESERVED * PAGE; at + PAGE <= file.byteLength; at += PAGE) {
		const page = file.subarray(at, at + PAGE);
		const view = new DataView(page.buffer, page.byteOffset, PAGE);
		out.push({
			pgno: at / PAGE - RESERVED + 1,
			zero: page.every(b => b === 0),
			sealed: view.getUint32(0, true) === checksum(page),
			carries: page[PGTRLR.pgnoThisPage]! | (page[PGTRLR.pgnoThisPage + 1]! << 8) | (page[PGTRLR.pgnoThisPage + 2]! << 16),
			pgtyp: page[PGTRLR.bits]! & 0b111,
			dbTime: view.getUint32(PGHDR.ulDBTimeLow!, true),
			ibMic: view.getInt16(PGHDR.ibMic!, true),
		});
	}
	return out;
}

describe("the lab's databases, read by the structs", () => {
	it('are at least 258 pages; every written page sealed, carrying its own number, a page type and a database time; the rest all zeros', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, LAB_DEFAULTS);
		for (const name of ['MSSYNC.MDB', 'SYSTEM.MDB', 'MSSYNC.PAT']) {
			const file = new Uint8Array(await readFile(join(labPaths(dir).backup, name)));
			const pages = pagesOf(file);
			if (name !== 'MSSYNC.PAT') expect(file.byteLength).toBeGreaterThanOrEqual(258 * PAGE);
			const written = pages.filter(p => !p.zero);
			expect(written.length).toBeGreaterThan(0);
			for (const p of written) {
				expect(p).toMatchObject({sealed: true, ibMic: PGHDR.size});
				expect(p.dbTime).toBeGreaterThan(0);
				expect([0, 1, 2, 4]).toContain(p.pgtyp);
				// A database page carries its own number; a patch file's page the number of the page it patches.
				if (name !== 'MSSYNC.PAT') expect(p.carries).toBe(p.pgno);
				else expect(p.carries).toBeGreaterThan(0);
			}
		}
	});

	it('damages the live MSSYNC.MDB at the page level: one page with a bad checksum per server showing the red X, and --db-pages makes it larger', async () => {
		const dir = join(await tempDir(), 'lab');
		const {red} = await createLab(dir, {...LAB_DEFAULTS, dbPages: 1000});
		const file = new Uint8Array(await readFile(join(labPaths(dir).syncagnt, 'MSSYNC.MDB')));
		expect(file.byteLength).toBe(1000 * PAGE);
		const bad = pagesOf(file).filter(p => !p.zero && !p.sealed);
		expect(bad).toHaveLength(red.length);
		expect(red.length).toBeGreaterThan(0);
	});
});
