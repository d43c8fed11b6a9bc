/**
 * Verifies every page of a Jet 500 database or patch file as the engine checks a page it reads
 * (ARCHITECTURE.md, "JET page and header layouts"): `BFIOComplete` in the engine's bf.c fails a read
 * with JET_errReadVerifyFailure (-1018) when `UlUtilChecksum` of the page differs from its `ulChecksum`
 * or when its `pgnoThisPage` is not the page it asked for. Pure and streaming: give it the file's bytes
 * in order, in chunks of any size; it keeps one page at most between chunks.
 *
 * - A database's page `pgno` is at (pgno − 1 + cpageDBReserved) × 4096; the two header pages are skipped
 *   (the header is read and judged by read-header.ts).
 * - A patch file (`ErrLGPatchDatabase`, logapi.c) holds whole pages after its two header pages, each
 *   carrying its own number; a page whose `pgnoThisPage` is 0 is skipped by the engine.
 * - A never-written page is all zeros: the engine extends a file with zeros (`ErrIONewSize` →
 *   `ErrUtilNewSize`, utilw32.c) and formats a page in memory before its first write (`ErrBFNewPage`),
 *   so such a page is never read before it is written. It is counted, not an error.
 */
import {pageIsIntact} from './checksum.js';
import {JET500_PAGE_SIZE, JET500_RESERVED_PAGES} from './page.js';
import {PAGES_PER_CALL, pageSummer, type PageSummer} from './page-sum.js';

const PAGE = JET500_PAGE_SIZE;
const WORDS = PAGE / 4;
const SEED = 0x89abcdef;

// Words are read through a Uint32Array, in the host's order: Jet's are little-endian, as are x86 and ARM.
if (new Uint8Array(Uint32Array.of(1).buffer)[0] !== 1) throw new Error('the page verifier needs a little-endian machine');

export type PageFileKind = 'database' | 'patch';

export type PageProblem =
	/** The stored checksum is not the sum of the page's words: a damaged or torn page. */
	| {kind: 'checksum'; pgno: number; offset: number; stored: number; computed: number}
	/** Sealed correctly, but carrying another page's number (`pgnoThisPage`). */
	| {kind: 'misplaced'; pgno: number; offset: number; carries: number};

export type PageScan = {
	/** Whole pages after the header pages. */
	pages: number;
	/** Pages whose checksum (and, in a database, number) is right. */
	verified: number;
	/** All-zero pages (and, in a patch file, pages numbered 0): never written. */
	neverWritten: number;
	/** How many pages failed. */
	problemCount: number;
	/** The first few that failed, in file order. */
	problems: PageProblem[];
	/** Bytes after the last whole page (a file ending mid-page). */
	trailingBytes: number;
	/**
	 * Whether the header page and its shadow carry their checksum (`ErrUtilReadShadowedHeader` reads the
	 * shadow when the first is damaged); undefined when the file is shorter than the two.
	 */
	headers?: {primary: boolean; shadow: boolean} | undefined;
};

function isAllZero(words: Uint32Array, base: number): boolean {
	for (let i = base; i < base + WORDS; i++) if (words[i] !== 0) return false;
	return true;
}

export class PageVerifier {
	private offset = 0; // file offset of the next byte pushed
	private readonly header = new Uint8Array(JET500_RESERVED_PAGES * PAGE);
	private readonly carry = new Uint8Array(PAGE);
	private readonly carryWords = new Uint32Array(this.carry.buffer);
	private carried = 0;
	private readonly scan: PageScan = {pages: 0, verified: 0, neverWritten: 0, problemCount: 0, problems: [], trailingBytes: 0};

	/** `summer`: the WebAssembly page sums, or undefined to sum in JavaScript (both are tested). */
	constructor(
		private readonly kind: PageFileKind,
		private readonly keep = 20,
		private readonly summer: PageSummer | undefined = pageSummer(),
	) {}

	/** How many whole pages have been judged so far. */
	get pagesSeen(): number {
		return this.scan.pages;
	}

	get problemsSoFar(): number {
		return this.scan.problemCount;
	}

	push(chunk: Uint8Array): void {
		let at = 0;
		// The header pages are kept aside: only their checksums are judged here.
		const headerEnd = JET500_RESERVED_PAGES * PAGE;
		if (this.offset < headerEnd) {
			const take = Math.min(headerEnd - this.offset, chunk.byteLength);
			this.header.set(chunk.subarray(0, take), this.offset);
			at += take;
			this.offset += take;
			if (this.offset === headerEnd) {
				this.scan.headers = {primary: pageIsIntact(this.header.subarray(0, PAGE)), shadow: pageIsIntact(this.header.subarray(PAGE))};
			}
		}
		if (this.carried > 0) {
			const take = Math.min(PAGE - this.carried, chunk.byteLength - at);
			this.carry.set(chunk.subarray(at, at + take), this.carried);
			this.carried += take;
			at += take;
			this.offset += take;
			if (this.carried < PAGE) return;
			this.judge(this.carryWords, 0, this.offset - PAGE);
			this.carried = 0;
		}
		const whole = Math.floor((chunk.byteLength - at) / PAGE);
		if (whole > 0) {
			const start = chunk.byteOffset + at;
			// Words straight from the chunk when it is aligned (the usual case); else page by page through the carry.
			if (start % 4 === 0) {
				const words = new Uint32Array(chunk.buffer, start, whole * WORDS);
				for (let first = 0; first < whole; first += PAGES_PER_CALL) {
					const count = Math.min(PAGES_PER_CALL, whole - first);
					const sums = this.summer?.sum(chunk.subarray(at + first * PAGE), count);
					for (let p = first; p < first + count; p++) this.judge(words, p * WORDS, this.offset + p * PAGE, sums?.[p - first]);
				}
			} else {
				for (let p = 0; p < whole; p++) {
					this.carry.set(chunk.subarray(at + p * PAGE, at + (p + 1) * PAGE));
					this.judge(this.carryWords, 0, this.offset + p * PAGE);
				}
			}
			at += whole * PAGE;
			this.offset += whole * PAGE;
		}
		if (at < chunk.byteLength) {
			this.carry.set(chunk.subarray(at), 0);
			this.carried = chunk.byteLength - at;
			this.offset += this.carried;
		}
	}

	finish(): PageScan {
		return {...this.scan, problems: [...this.scan.problems], trailingBytes: this.offset < JET500_RESERVED_PAGES * PAGE ? 0 : this.carried};
	}

	/** UlUtilChecksum of the page at `base`: the seed plus every word but the first, modulo 2^32. */
	private static checksumOf(words: Uint32Array, base: number): number {
		// Four running sums (exact in a double: 1023 words stay far below 2^53) let the JIT keep them in
		// registers; twice as fast as one. Used where WebAssembly SIMD is not (page-sum.ts).
		let s0 = SEED + words[base + 1]! + words[base + 2]! + words[base + 3]!;
		let s1 = 0;
		let s2 = 0;
		let s3 = 0;
		for (let i = base + 4; i < base + WORDS; i += 4) {
			s0 += words[i]!;
			s1 += words[i + 1]!;
			s2 += words[i + 2]!;
			s3 += words[i + 3]!;
		}
		return (s0 + s1 + s2 + s3) >>> 0;
	}

	/** Judges the page at `base`; `sum`, when given, is the sum of all its words (page-sum.ts). */
	private judge(words: Uint32Array, base: number, offset: number, sum?: number): void {
		const s = this.scan;
		s.pages++;
		const computed = sum === undefined ? PageVerifier.checksumOf(words, base) : (SEED + sum - words[base]!) >>> 0;
		const stored = words[base]!;
		const last = words[base + WORDS - 1]!;
		// pgnoThisPage: the three bytes after the trailer's first byte (little-endian).
		const carries = last >>> 8;
		const expected = offset / PAGE - JET500_RESERVED_PAGES + 1;
		if (stored !== computed) {
			if (this.kind === 'patch' && carries === 0) {
				s.neverWritten++;
				return;
			}
			if (isAllZero(words, base)) {
				s.neverWritten++;
				return;
			}
			this.problem({kind: 'checksum', pgno: this.kind === 'patch' ? carries : expected, offset, stored, computed});
			return;
		}
		if (this.kind === 'patch') {
			if (carries === 0) s.neverWritten++;
			else s.verified++;
			return;
		}
		if (carries !== expected) {
			this.problem({kind: 'misplaced', pgno: expected, offset, carries});
			return;
		}
		s.verified++;
	}

	private problem(p: PageProblem): void {
		this.scan.problemCount++;
		if (this.scan.problems.length < this.keep) this.scan.problems.push(p);
	}
}
