import {describe, expect, it} from 'vitest';
import {pageSummer} from '../../source/jet/page-sum.js';
import {PageVerifier, type PageFileKind} from '../../source/jet/verify-pages.js';
import {PAGE, checksum, databaseFile, headerPage, offsetOf, pageAt, seal, writtenPage} from './jet500-file-writer.js';

function verify(file: Uint8Array, kind: PageFileKind = 'database', chunk = file.byteLength, simd = true) {
	const verifier = simd ? new PageVerifier(kind) : new PageVerifier(kind, 20, undefined);
	for (let at = 0; at < file.byteLength; at += chunk) verifier.push(file.subarray(at, at + chunk));
	return verifier.finish();
}

describe('the page verifier', () => {
	it('verifies a database laid out from the structs: every written page, the never-written ones counted', () => {
		expect(verify(databaseFile({written: 10}))).toEqual({
			pages: 256,
			verified: 10,
			neverWritten: 246,
			problemCount: 0,
			problems: [],
			trailingBytes: 0,
			headers: {primary: true, shadow: true},
		});
	});

	it.each([1, 3, 4095, 4097, 65_536, 1_000_003])('finds the same in chunks of %i bytes (pages cut across reads)', chunk => {
		const file = databaseFile({written: 40});
		pageAt(file, 33)[2000]! ^= 0x10;
		const whole = verify(file);
		expect(verify(file, 'database', chunk)).toEqual(whole);
		expect(whole).toMatchObject({verified: 39, problemCount: 1, problems: [{kind: 'checksum', pgno: 33, offset: offsetOf(33)}]});
	});

	it('finds the same with the WebAssembly sums and with JavaScript’s', () => {
		const file = databaseFile({written: 300, pages: 600});
		pageAt(file, 33)[2000]! ^= 0x10;
		file.set(writtenPage(7, 3), offsetOf(290));
		expect(pageSummer()).toBeDefined();
		const js = verify(file, 'database', file.byteLength, false);
		expect(verify(file)).toEqual(js);
		expect(js).toMatchObject({pages: 598, verified: 298, neverWritten: 298, problemCount: 2});
	});

	it('reads the words of an unaligned chunk too', () => {
		const file = databaseFile({written: 5});
		const shifted = new Uint8Array(file.byteLength + 1).subarray(1);
		shifted.set(file);
		expect(verify(shifted)).toEqual(verify(file));
	});

	it('gives the checksum found and the one computed, for a page one word off', () => {
		const file = databaseFile();
		const page = pageAt(file, 5);
		const stored = new DataView(page.buffer, page.byteOffset).getUint32(0, true);
		const view = new DataView(page.buffer, page.byteOffset);
		view.setUint32(100, view.getUint32(100, true) + 1, true);
		expect(verify(file).problems).toEqual([{kind: 'checksum', pgno: 5, offset: 6 * PAGE, stored, computed: checksum(page)}]);
		expect(checksum(page)).toBe((stored + 1) >>> 0);
	});

	it('calls a sealed page that carries another number misplaced', () => {
		const file = databaseFile();
		file.set(writtenPage(7, 3), offsetOf(9));
		expect(verify(file).problems).toEqual([{kind: 'misplaced', pgno: 9, offset: offsetOf(9), carries: 7}]);
	});

	it('counts the bytes after the last whole page', () => {
		const file = databaseFile();
		const longer = new Uint8Array(file.byteLength + 3);
		longer.set(file);
		expect(verify(longer).trailingBytes).toBe(3);
	});

	it('in a patch file, takes each page by the number it carries and skips pages numbered 0, as ErrLGPatchDatabase does', () => {
		const header = headerPage();
		const unused = seal(new Uint8Array(PAGE).fill(9, 100, 200)); // pgnoThisPage 0
		const damaged = writtenPage(40, 5);
		damaged[300]! ^= 1;
		const patch = new Uint8Array([...header, ...header, ...writtenPage(12, 1), ...writtenPage(12, 2), ...unused, ...damaged]);
		expect(verify(patch, 'patch')).toMatchObject({
			pages: 4,
			verified: 2,
			neverWritten: 1,
			problemCount: 1,
			problems: [{kind: 'checksum', pgno: 40, offset: 5 * PAGE}],
		});
	});

	it('keeps only the first problems, and counts them all', () => {
		const file = databaseFile({written: 100});
		for (let pgno = 1; pgno <= 100; pgno++) pageAt(file, pgno)[1000]! ^= 1;
		const scan = verify(file);
		expect(scan.problemCount).toBe(100);
		expect(scan.problems).toHaveLength(20);
	});
});
