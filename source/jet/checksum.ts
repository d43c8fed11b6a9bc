/**
 * The page checksum of Jet 500 (ESE's "legacy" checksum): 0x89ABCDEF XORed with every
 * little-endian 32-bit word of the page after the first; the result is stored in the first word.
 */
export const CHECKSUM_SEED = 0x89abcdef;

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

export function pageChecksum(page: Uint8Array): number {
	let sum = CHECKSUM_SEED;
	const words = Math.floor(page.byteLength / 4);
	if (LITTLE_ENDIAN && page.byteOffset % 4 === 0) {
		// The fast path: the page's words as they are in memory (x86 and ARM are little-endian, like the file).
		const view = new Uint32Array(page.buffer, page.byteOffset, words);
		for (let i = 1; i < words; i++) sum ^= view[i]!;
		return sum >>> 0;
	}
	const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
	for (let i = 1; i < words; i++) sum ^= view.getUint32(i * 4, true);
	return sum >>> 0;
}

export function sealPage(page: Uint8Array): void {
	new DataView(page.buffer, page.byteOffset, page.byteLength).setUint32(0, pageChecksum(page), true);
}

export function pageIsIntact(page: Uint8Array): boolean {
	const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
	return view.getUint32(0, true) === pageChecksum(page);
}
