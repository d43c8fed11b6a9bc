/**
 * The sum of every 32-bit little-endian word of consecutive 4096-byte pages, modulo 2^32, in WebAssembly
 * SIMD (four lanes of i32x4.add): the costly part of `UlUtilChecksum` (ARCHITECTURE.md, "JET page and
 * header layouts"), about as fast as memory can be read. `verify-pages.ts` turns a page's sum into its
 * checksum (0x89ABCDEF + sum − the first word). Undefined where WebAssembly SIMD is not available; the
 * verifier then sums in JavaScript.
 *
 * The module, as its text would read:
 *   (memory (export "mem") 34)                          ;; 1 MiB of pages at 0, their sums at 1 MiB
 *   (func (export "sumPages") (param $p i32) (param $n i32) (param $out i32)
 *     (local $end i32) (local $acc v128)
 *     block loop                                         ;; per page, while $n > 0
 *       $n i32.eqz br_if 1
 *       v128.const 0 local.set $acc   $p + 4096 local.set $end
 *       loop  $acc += (v128.load $p offset 0, 16, 32, 48; i32x4.add each)   $p += 64   br_if ($p < $end) 0  end
 *       $out ← lane 0 + lane 1 + lane 2 + lane 3        $out += 4   $n -= 1   br 0
 *     end end)
 */
const PAGE = 4096;
/** Pages summed per call: the first MiB of the module's memory. */
export const PAGES_PER_CALL = 256;
const SUMS_AT = PAGES_PER_CALL * PAGE;

const leb = (n: number) => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, n >> 7]);
const section = (id: number, bytes: number[]) => [id, ...leb(bytes.length), ...bytes];
const name = (s: string) => [s.length, ...Array.from(s, c => c.charCodeAt(0))];

function moduleBytes(): Uint8Array {
	const I32 = 0x7f;
	const V128 = 0x7b;
	const get = (i: number) => [0x20, i];
	const set = (i: number) => [0x21, i];
	const lane = (i: number) => [...get(4), 0xfd, 0x1b, i];
	const body = [
		...[2, 1, I32, 1, V128], // locals: $end i32, $acc v128
		...[0x02, 0x40, 0x03, 0x40], // block, loop
		...get(1),
		0x45,
		0x0d,
		1, // $n i32.eqz br_if 1
		...[0xfd, 0x0c, ...new Array<number>(16).fill(0)],
		...set(4), // v128.const 0 → $acc
		...get(0),
		0x41,
		0x80,
		0x20,
		0x6a,
		...set(3), // $end = $p + 4096
		0x03,
		0x40, // loop
		...get(4),
		...[0, 16, 32, 48].flatMap(offset => [...get(0), 0xfd, 0x00, 4, offset, 0xfd, 0xae, 0x01]),
		...set(4), // $acc += the four v128s at $p, $p + 16, $p + 32, $p + 48
		...get(0),
		0x41,
		0xc0,
		0x00,
		0x6a,
		0x22,
		0, // $p += 64 (tee)
		...get(3),
		0x49,
		0x0d,
		0, // br_if ($p < $end) 0
		0x0b, // end loop
		...get(2),
		...lane(0),
		...lane(1),
		0x6a,
		...lane(2),
		0x6a,
		...lane(3),
		0x6a,
		0x36,
		2,
		0, // i32.store $out
		...get(2),
		0x41,
		4,
		0x6a,
		...set(2), // $out += 4
		...get(1),
		0x41,
		1,
		0x6b,
		...set(1), // $n -= 1
		0x0c,
		0, // br 0
		0x0b,
		0x0b,
		0x0b, // end loop, end block, end func
	];
	return Uint8Array.from([
		...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
		...section(1, [1, 0x60, 3, I32, I32, I32, 0]),
		...section(3, [1, 0]),
		...section(5, [1, 0, 34]),
		...section(7, [2, ...name('mem'), 2, 0, ...name('sumPages'), 0, 0]),
		...section(10, [1, ...leb(body.length), ...body]),
	]);
}

export type PageSummer = {
	/** Sums `pages` whole pages of `bytes` (at most PAGES_PER_CALL); the sums, one per page, valid until the next call. */
	sum(bytes: Uint8Array, pages: number): Uint32Array;
	/**
	 * A buffer of PAGES_PER_CALL pages inside the module's memory: bytes read into it are summed where they
	 * are, without a copy. Shared by every scan, so fill it and sum it without yielding in between.
	 */
	readonly input: Uint8Array;
};

/** As much of the WebAssembly API as is used here (the project's TypeScript libraries do not declare it). */
type Wasm = {Module: new (bytes: Uint8Array) => object; Instance: new (module: object) => {exports: Record<string, unknown>}};

let cached: PageSummer | undefined | null = null;

export function pageSummer(): PageSummer | undefined {
	if (cached !== null) return cached;
	try {
		const wasm = (globalThis as unknown as {WebAssembly?: Wasm}).WebAssembly;
		if (!wasm) throw new Error('no WebAssembly');
		const instance = new wasm.Instance(new wasm.Module(moduleBytes()));
		const memory = instance.exports['mem'] as {buffer: ArrayBuffer};
		const sumPages = instance.exports['sumPages'] as (p: number, n: number, out: number) => void;
		const heap = new Uint8Array(memory.buffer);
		const sums = new Uint32Array(memory.buffer, SUMS_AT, PAGES_PER_CALL);
		cached = {
			sum(bytes, pages) {
				// Already in the module's memory (read into `input`): summed in place; else copied there first.
				if (bytes.buffer === memory.buffer && bytes.byteOffset % 16 === 0 && bytes.byteOffset + pages * PAGE <= SUMS_AT) {
					sumPages(bytes.byteOffset, pages, SUMS_AT);
				} else {
					heap.set(bytes.subarray(0, pages * PAGE), 0);
					sumPages(0, pages, SUMS_AT);
				}
				return sums;
			},
			input: heap.subarray(0, SUMS_AT),
		};
	} catch {
		cached = undefined;
	}
	return cached;
}
