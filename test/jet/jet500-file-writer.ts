/**
 * A Jet 500 database file laid out for the tests from the engine's structs alone — every offset
 * computed here from the field sizes of `PGHDR`, `PGTRLR` and `DBFILEHDR_FIXED` (#pragma pack(1)), the
 * checksum (`UlUtilChecksum`: 0x89ABCDEF plus every 32-bit little-endian word but the first) written
 * here too — never from source/jet or the lab, so that the verifier, the lab and this writer are each
 * checked against the structs (ARCHITECTURE.md, "JET page and header layouts").
 */
const ULONG = 4;
const SHORT = 2;
const THREEBYTES = 3;
const LOGTIME = 8;
const SIGNATURE = ULONG + LOGTIME + 16;
const LGPOS = 2 + 2 + 4;
const DBID = 2;

export const PAGE = 4096;
/** cpageDBReserved */
export const RESERVED = 2;

function offsetsOf(fields: [string, number][]): Record<string, number> {
	const out: Record<string, number> = {};
	let at = 0;
	for (const [name, size] of fields) {
		out[name] = at;
		at += size;
	}
	out.size = at;
	return out;
}

export const PGHDR = offsetsOf([
	['ulChecksum', ULONG],
	['ulDBTimeLow', ULONG],
	['pgnoFDP', ULONG],
	['cbFree', SHORT],
	['ibMic', SHORT],
	['ctagMac', SHORT],
	['itagFree', SHORT],
	['cbUncommittedFreed', SHORT],
	['pgnoPrev', THREEBYTES],
	['pgnoNext', THREEBYTES],
]);
/** PGTRLR: a byte of bit fields, then pgnoThisPage; the page's last sizeof(PGTRLR) bytes. */
const PGTRLR_SIZE = 1 + THREEBYTES;
export const PGTRLR = {bits: PAGE - PGTRLR_SIZE, pgnoThisPage: PAGE - PGTRLR_SIZE + 1};

const DBFILEHDR = offsetsOf([
	['ulChecksum', ULONG],
	['ulMagic', ULONG],
	['ulVersion', ULONG],
	['signDb', SIGNATURE],
	['grbitAttributes', ULONG],
	['ulDBTimeLow', ULONG],
	['fDBState', ULONG],
	['lgposConsistent', LGPOS],
	['logtimeConsistent', LOGTIME],
	['logtimeAttach', LOGTIME],
	['lgposAttach', LGPOS],
	['logtimeDetach', LOGTIME],
	['lgposDetach', LGPOS],
	['dbid', DBID],
	['signLog', SIGNATURE],
]);

/** UlUtilChecksum over a 4096-byte page. */
export function checksum(page: Uint8Array): number {
	const view = new DataView(page.buffer, page.byteOffset, PAGE);
	let sum = 0x89abcdef;
	for (let at = 4; at < PAGE; at += 4) sum = (sum + view.getUint32(at, true)) >>> 0;
	return sum;
}

export function seal(page: Uint8Array): Uint8Array {
	new DataView(page.buffer, page.byteOffset, PAGE).setUint32(0, checksum(page), true);
	return page;
}

/** A written page: header fields, some body bytes from `fill`, the trailer's type and number, sealed. */
export function writtenPage(pgno: number, fill: number, pgtyp = 1): Uint8Array {
	const page = new Uint8Array(PAGE);
	const view = new DataView(page.buffer);
	view.setUint32(PGHDR.ulDBTimeLow!, 1000 + pgno, true);
	view.setUint32(PGHDR.pgnoFDP!, 1, true);
	view.setInt16(PGHDR.ibMic!, PGHDR.size!, true);
	for (let i = PGHDR.size!; i < PGHDR.size! + 600; i++) page[i] = (i * fill + pgno) & 0xff;
	page[PGTRLR.bits] = pgtyp & 0b111; // pgtyp:3 in the low bits
	page[PGTRLR.pgnoThisPage] = pgno & 0xff;
	page[PGTRLR.pgnoThisPage + 1] = (pgno >> 8) & 0xff;
	page[PGTRLR.pgnoThisPage + 2] = (pgno >> 16) & 0xff;
	return seal(page);
}

/** A database header page (DBFILEHDR_FIXED) of format `version`, clean shutdown, sealed. */
export function headerPage(version = 0x500, signLog = 0x1234): Uint8Array {
	const page = new Uint8Array(PAGE);
	const view = new DataView(page.buffer);
	view.setUint32(DBFILEHDR.ulMagic!, 0x89abcdef, true);
	view.setUint32(DBFILEHDR.ulVersion!, version, true);
	view.setUint32(DBFILEHDR.signDb!, 0x5151, true);
	view.setUint32(DBFILEHDR.fDBState!, 3, true);
	view.setUint32(DBFILEHDR.signLog!, signLog, true);
	return seal(page);
}

/** The file offset of page `pgno`, from cpageDBReserved. */
export const offsetOf = (pgno: number) => (pgno - 1 + RESERVED) * PAGE;

/**
 * A database: header and shadow, then `pages` pages (258 in all by default), of which pages 1 to
 * `written` are written and the rest never written (zeros).
 */
export function databaseFile(options: {pages?: number; written?: number; version?: number} = {}): Uint8Array {
	const pages = options.pages ?? 258;
	const file = new Uint8Array(pages * PAGE);
	const header = headerPage(options.version);
	file.set(header, 0);
	file.set(header, PAGE);
	for (let pgno = 1; pgno <= (options.written ?? 10) && offsetOf(pgno) < file.byteLength; pgno++)
		file.set(writtenPage(pgno, 7, pgno === 1 ? 0 : 1), offsetOf(pgno));
	return file;
}

export function pageAt(file: Uint8Array, pgno: number): Uint8Array {
	return file.subarray(offsetOf(pgno), offsetOf(pgno) + PAGE);
}

/** A JET 200-format first page: an ordinary page sealed with that engine's plain sum (UlChecksumPage). */
export function jet200File(): Uint8Array {
	const file = new Uint8Array(16 * PAGE).map((_, i) => (i * 13) & 0xff);
	const view = new DataView(file.buffer);
	let sum = 0;
	for (let at = 4; at < PAGE; at += 4) sum = (sum + view.getUint32(at, true)) >>> 0;
	view.setUint32(0, sum, true);
	return file;
}
