/**
 * Every boundary case of a Jet 500 database's pages, in files laid out from the structs by the tests'
 * own writer (test/jet/jet500-file-writer.ts, not the lab's), each with its exact verdict and message.
 */
import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {validateBackup} from '../../source/backup/validate.js';
import {PAGE, checksum, databaseFile, jet200File, offsetOf, pageAt, seal, writtenPage} from '../jet/jet500-file-writer.js';
import {tempDir} from '../helpers/run-cli.js';

const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;
const stored = (page: Uint8Array) => new DataView(page.buffer, page.byteOffset).getUint32(0, true);

/** A cold backup set: MSSYNC.MDB as given, a healthy SYSTEM.MDB, no logs. */
async function backupWith(mssync: Uint8Array): Promise<string> {
	const dir = join(await tempDir(), 'set');
	await mkdir(dir);
	await writeFile(join(dir, 'MSSYNC.MDB'), mssync);
	await writeFile(join(dir, 'SYSTEM.MDB'), databaseFile({written: 3}));
	return dir;
}

const mssyncOf = async (dir: string, options = {}) => (await validateBackup(dir, options)).files.find(f => f.name === 'MSSYNC.MDB')!;
const JET_STOPS = 'JET stops with error -1018 (JET_errReadVerifyFailure) the first time MSSYNC reads it. Use another backup set';

describe('the pages of a Jet 500 database', () => {
	it('a healthy database: valid, every written page verified, the never-written ones counted', async () => {
		const dir = await backupWith(databaseFile({written: 10}));
		const report = await validateBackup(dir);
		expect(report).toMatchObject({valid: true, errors: [], pagesVerified: 13});
		expect((await mssyncOf(dir)).messages).toEqual([
			'Jet 0x500, clean shutdown, 4096-byte pages',
			'10 of 256 pages verified (checksum and page number), 246 never written (all zeros, as Jet 500 leaves them)',
		]);
	});

	it('a checksum off by one word: NOT VALID, naming the page, its offset, the checksum found and the one computed', async () => {
		const file = databaseFile();
		const page = pageAt(file, 6);
		page[PAGE - 100]! += 1;
		const report = await validateBackup(await backupWith(file));
		expect(report.valid).toBe(false);
		expect(report.errors).toEqual([
			`MSSYNC.MDB has a damaged page: page 6 (offset 28672) stores checksum ${hex(stored(page))} but its bytes give ${hex(checksum(page))}; ${JET_STOPS}`,
		]);
	});

	it('a page that carries another page’s number: NOT VALID, a misplaced page', async () => {
		const file = databaseFile();
		file.set(writtenPage(3, 11), offsetOf(8));
		const report = await validateBackup(await backupWith(file));
		expect(report.valid).toBe(false);
		expect(report.errors).toEqual([
			`MSSYNC.MDB has a misplaced page: page 8 (offset 36864) carries the number of page 3, so the file was pieced together wrongly; ${JET_STOPS}`,
		]);
	});

	it('a torn page (first half of one version, second half of another): NOT VALID, a damaged page', async () => {
		const file = databaseFile();
		const older = writtenPage(4, 1);
		const newer = writtenPage(4, 2);
		newer.fill(0x55, 3000, 3100); // the later version changed both halves
		seal(newer);
		const torn = new Uint8Array(PAGE);
		torn.set(older.subarray(0, PAGE / 2));
		torn.set(newer.subarray(PAGE / 2), PAGE / 2);
		file.set(torn, offsetOf(4));
		const report = await validateBackup(await backupWith(file));
		expect(report.errors).toEqual([
			`MSSYNC.MDB has a damaged page: page 4 (offset 20480) stores checksum ${hex(stored(torn))} but its bytes give ${hex(checksum(torn))}; ${JET_STOPS}`,
		]);
	});

	it('a never-written page between written ones: VALID, counted as never written', async () => {
		const file = databaseFile({written: 10});
		pageAt(file, 5).fill(0);
		const report = await validateBackup(await backupWith(file));
		expect(report.valid).toBe(true);
		expect((await mssyncOf(report.folder)).messages[1]).toBe(
			'9 of 256 pages verified (checksum and page number), 247 never written (all zeros, as Jet 500 leaves them)',
		);
	});

	it('a file shorter than 258 pages: NOT VALID, saying the minimum and why', async () => {
		const report = await validateBackup(await backupWith(databaseFile({pages: 257})));
		expect(report.valid).toBe(false);
		expect(report.errors).toEqual([
			'MSSYNC.MDB is 1.0 MiB (1052672 bytes): a Jet 500 database is never shorter than 1056768 bytes (258 pages) — its header and shadow header (2 pages) and the 256-page primary extent JET gives every new database — so this one is truncated; use another backup set',
		]);
	});

	it('a file ending mid-page: NOT VALID, cut off', async () => {
		const file = databaseFile({pages: 259}).subarray(0, 258 * PAGE + 100);
		const report = await validateBackup(await backupWith(file));
		expect(report.valid).toBe(false);
		expect(report.errors).toEqual([
			'MSSYNC.MDB is 1056868 bytes, not a whole number of 4096-byte pages: it ends 100 bytes into page 257, so the copy was cut off (Jet 500 sizes its files in whole pages); use another backup set',
		]);
	});

	it('a 0x400 header (ulDAEPrevVersion, which Jet 500 opens): VALID, its pages verified', async () => {
		const dir = await backupWith(databaseFile({version: 0x400}));
		const report = await validateBackup(dir);
		expect(report).toMatchObject({valid: true, errors: []});
		expect((await mssyncOf(dir)).messages[0]).toBe('Jet 0x400 (the earlier format Jet 500 still opens), clean shutdown, 4096-byte pages');
	});

	it('a JET 200-format file: a warning naming --nt without the version, an error on NT 4.0, a note on NT 3.51', async () => {
		const dir = await backupWith(jet200File());
		const unknown = await validateBackup(dir);
		expect(unknown.valid).toBe(true);
		expect(unknown.warnings).toContainEqual(
			"MSSYNC.MDB is a JET 200-format database (NT 3.51's DSMN): usable only if the server runs NT 3.51; NT 4.0's Jet 500 refuses it (error -1210, JET_errDatabase200Format). Say which with --nt 3.51 or --nt 4.0",
		);
		const nt4 = await validateBackup(dir, {nt: '4.0'});
		expect(nt4.valid).toBe(false);
		expect(nt4.errors).toEqual([
			"MSSYNC.MDB is a JET 200-format database (NT 3.51's DSMN): the Jet 500 engine of NT 4.0 refuses it (error -1210, JET_errDatabase200Format), so MSSYNC would not start; use a backup taken on this NT 4.0 server",
		]);
		expect((await mssyncOf(dir, {nt: '3.51'})).messages).toEqual([
			"JET 200-format database, as NT 3.51's DSMN writes it: usable on this NT 3.51 server; its pages are not checked",
		]);
	});

	it('a text file named MSSYNC.MDB: NOT VALID (issue 29 item 5)', async () => {
		const text = new TextEncoder().encode('This is not a database.\r\n'.repeat(200));
		const report = await validateBackup(await backupWith(text));
		expect(report.valid).toBe(false);
		expect(report.errors).toEqual([
			'MSSYNC.MDB is not a database JET can open: neither a Jet 500 database (no JET header) nor a JET 200-format one; restoring it would leave MSSYNC unable to start. Use the database from a DSMN backup set',
		]);
	});

	it('a damaged header page with an intact shadow: VALID, JET reads the shadow; both damaged: NOT VALID', async () => {
		const file = databaseFile();
		file[3000]! ^= 0xff; // in the header page, after DBFILEHDR_FIXED's fields
		const dir = await backupWith(file);
		const report = await validateBackup(dir);
		expect(report).toMatchObject({valid: true, errors: []});
		expect((await mssyncOf(dir)).messages).toContain('header page damaged, its shadow (page 1 of the file) intact: JET reads the shadow');
		expect(report.warnings.filter(w => w.startsWith('MSSYNC.MDB'))).toEqual([]);
		file[PAGE + 3000]! ^= 0xff;
		const both = await validateBackup(await backupWith(file));
		expect(both.valid).toBe(false);
		expect(both.errors).toEqual([
			'MSSYNC.MDB has a damaged header page and a damaged shadow: JET cannot read the header (error -1206, JET_errDatabaseCorrupted), so MSSYNC would not start. Use another backup set',
		]);
	});

	it('names the first five bad pages and counts the rest', async () => {
		const file = databaseFile({written: 20});
		for (let pgno = 2; pgno <= 9; pgno++) pageAt(file, pgno)[999]! ^= 0xff;
		const report = await validateBackup(await backupWith(file));
		expect(report.errors).toHaveLength(6);
		expect(report.errors.slice(0, 5).map(e => /page (\d+) \(offset/.exec(e)![1])).toEqual(['2', '3', '4', '5', '6']);
		expect(report.errors[5]).toBe('MSSYNC.MDB has 3 more damaged or misplaced pages');
	});
});
