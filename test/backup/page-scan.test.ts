/**
 * The page scan with its reads left in flight (source/backup/page-scan.ts): whatever the chunk size and
 * the number of reads in flight, it finds exactly what the verifier finds given the whole file at once,
 * reports progress up to the file's size, and two scans at once do not read into each other's buffers.
 */
import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {scanPages, SCAN_CHUNK, SCAN_DEPTH} from '../../source/backup/page-scan.js';
import {PageVerifier} from '../../source/jet/verify-pages.js';
import {tempDir} from '../helpers/temp-dirs.js';
import {PAGE, databaseFile, offsetOf, pageAt, seal, writtenPage} from '../jet/jet500-file-writer.js';

/** A database of `pages` pages, 60 of them written, with a bad checksum at page 41 and page 50 carrying page 7's number. */
function damagedDatabase(pages: number): Uint8Array {
	const file = databaseFile({pages, written: 60});
	pageAt(file, 41)[1234]! ^= 0x01;
	file.set(seal(writtenPage(7, 9)), offsetOf(50));
	return file;
}

const wholeAtOnce = (file: Uint8Array) => {
	const verifier = new PageVerifier('database', 20, undefined);
	verifier.push(file);
	return verifier.finish();
};

async function onDisk(file: Uint8Array, name = 'MSSYNC.MDB'): Promise<string> {
	const path = join(await tempDir(), name);
	await writeFile(path, file);
	return path;
}

describe('the page scan, reads in flight while pages are summed', () => {
	it.each([
		[PAGE, 1],
		[PAGE, 4],
		[3 * PAGE, 2],
		[16 * PAGE, 3],
		[64 * PAGE, 4],
		[SCAN_CHUNK, SCAN_DEPTH],
	])('in chunks of %i bytes, %i in flight, finds what the whole file shows', async (chunk, depth) => {
		// 300 pages and half of one: the end falls inside a chunk and inside a page.
		const file = new Uint8Array(300 * PAGE + PAGE / 2);
		file.set(damagedDatabase(300));
		const path = await onDisk(file);
		const progress: number[] = [];
		const scan = await scanPages(path, 'database', done => progress.push(done), {chunk, depth});
		expect(scan).toEqual(wholeAtOnce(file));
		expect(scan).toMatchObject({
			verified: 58,
			problemCount: 2,
			problems: [
				{kind: 'checksum', pgno: 41},
				{kind: 'misplaced', pgno: 50, carries: 7},
			],
			trailingBytes: PAGE / 2,
		});
		expect(progress.at(-1)).toBe(file.byteLength);
		expect(progress).toEqual([...progress].sort((a, b) => a - b));
	});

	it('a file that ends exactly at a chunk’s end, and an empty one', async () => {
		const file = damagedDatabase(256);
		expect(await scanPages(await onDisk(file), 'database', undefined, {chunk: 64 * PAGE, depth: 3})).toEqual(wholeAtOnce(file));
		const empty = new Uint8Array(0);
		expect(await scanPages(await onDisk(empty), 'database', undefined, {chunk: 64 * PAGE, depth: 3})).toEqual(wholeAtOnce(empty));
	});

	it('two scans at once each judge their own file', async () => {
		const damaged = damagedDatabase(600);
		const intact = databaseFile({pages: 600, written: 500});
		const [a, b] = await Promise.all([
			scanPages(await onDisk(damaged), 'database', undefined, {chunk: 8 * PAGE, depth: 3}),
			scanPages(await onDisk(intact), 'database', undefined, {chunk: 8 * PAGE, depth: 3}),
		]);
		expect(a).toEqual(wholeAtOnce(damaged));
		expect(b).toEqual(wholeAtOnce(intact));
		expect(b).toMatchObject({verified: 500, problemCount: 0, neverWritten: 98});
	});

	it('a file that cannot be opened rejects with its errno', async () => {
		await expect(scanPages(join(await tempDir(), 'NOPE.MDB'), 'database')).rejects.toMatchObject({code: 'ENOENT'});
	});
});
