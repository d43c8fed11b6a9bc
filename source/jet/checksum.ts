/**
 * Page and header checksums of the JET engines, each from its own source (ARCHITECTURE.md, "JET page
 * and header layouts"). All three store a 32-bit little-endian checksum in the first word and compute it over
 * every other 32-bit little-endian word of the page:
 *
 * - `jet500`: Jet 500's `UlUtilChecksum` — 0x89ABCDEF plus the sum of the words (modulo 2^32). It seals
 *   Jet 500's database header, log header, checkpoint and every database page.
 * - `ese`: ESE's "old format" checksum, used from ESE97 (Exchange 5.5) on for headers — 0x89ABCDEF
 *   XORed with the words. (ESE's later ECC page checksums are not computed here.)
 * - `jet200`: the page checksum of the JET 200-format engine (`UlChecksumPage`, format version 1) —
 *   the plain sum of the words, from 0.
 */
export type ChecksumAlgorithm = 'jet500' | 'ese' | 'jet200';

const CHECKSUM_SEED = 0x89abcdef;

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

function words(page: Uint8Array): ArrayLike<number> {
	const count = Math.floor(page.byteLength / 4);
	if (LITTLE_ENDIAN && page.byteOffset % 4 === 0) return new Uint32Array(page.buffer, page.byteOffset, count);
	const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
	return Array.from({length: count}, (_, i) => view.getUint32(i * 4, true));
}

function pageChecksum(page: Uint8Array, algorithm: ChecksumAlgorithm = 'jet500'): number {
	const w = words(page);
	if (algorithm === 'ese') {
		let x = CHECKSUM_SEED;
		for (let i = 1; i < w.length; i++) x ^= w[i]!;
		return x >>> 0;
	}
	let sum = algorithm === 'jet500' ? CHECKSUM_SEED : 0;
	for (let i = 1; i < w.length; i++) sum = (sum + w[i]!) >>> 0;
	return sum;
}

function storedChecksum(page: Uint8Array): number {
	return new DataView(page.buffer, page.byteOffset, page.byteLength).getUint32(0, true);
}

export function sealPage(page: Uint8Array, algorithm: ChecksumAlgorithm = 'jet500'): void {
	new DataView(page.buffer, page.byteOffset, page.byteLength).setUint32(0, pageChecksum(page, algorithm), true);
}

export function pageIsIntact(page: Uint8Array, algorithm: ChecksumAlgorithm = 'jet500'): boolean {
	return storedChecksum(page) === pageChecksum(page, algorithm);
}
