import {describe, expect, it} from 'vitest';
import {PAGES_PER_CALL, pageSummer} from '../../source/jet/page-sum.js';

/** The sum of every 32-bit little-endian word of one page, modulo 2^32, the slow and obvious way. */
function plainSum(bytes: Uint8Array, page: number): number {
	const view = new DataView(bytes.buffer, bytes.byteOffset + page * 4096, 4096);
	let sum = 0;
	for (let at = 0; at < 4096; at += 4) sum = (sum + view.getUint32(at, true)) >>> 0;
	return sum;
}

describe('the page sums in WebAssembly SIMD', () => {
	it('equal the plain sum of each page, for a whole batch and for fewer pages', () => {
		const summer = pageSummer()!;
		const bytes = new Uint8Array(PAGES_PER_CALL * 4096).map((_, i) => (i * 131 + (i >> 12) * 17 + 7) & 0xff);
		bytes.fill(0xff, 4096 * 5, 4096 * 6); // a page of all ones: the sum wraps around 2^32
		const sums = Array.from(summer.sum(bytes, PAGES_PER_CALL));
		expect(sums).toEqual(Array.from({length: PAGES_PER_CALL}, (_, p) => plainSum(bytes, p)));
		expect(sums[5]).toBe(((0xffffffff * 1024) % 2 ** 32) >>> 0);
		expect(Array.from(summer.sum(bytes.subarray(4096 * 10), 3).subarray(0, 3))).toEqual([10, 11, 12].map(p => plainSum(bytes, p)));
	});

	it('sums pages read into its own input buffer where they are, with the same sums as a copy', () => {
		const summer = pageSummer()!;
		const bytes = new Uint8Array(PAGES_PER_CALL * 4096).map((_, i) => (i * 97 + (i >> 12) * 29 + 3) & 0xff);
		summer.input.set(bytes);
		const expected = Array.from({length: PAGES_PER_CALL}, (_, p) => plainSum(bytes, p));
		expect(Array.from(summer.sum(summer.input, PAGES_PER_CALL))).toEqual(expected);
		// From an offset within it (after the two header pages), as a scan's first read is summed.
		expect(Array.from(summer.sum(summer.input.subarray(8192), 5).subarray(0, 5))).toEqual(expected.slice(2, 7));
		expect(summer.input.byteLength).toBe(PAGES_PER_CALL * 4096);
	});
});
