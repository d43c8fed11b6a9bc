/**
 * Jet 500's database pages below the header (ARCHITECTURE.md, "JET page and header layouts"): where a
 * page is in the file, its header `PGHDR` and trailer `PGTRLR` (inc/page.h, `#pragma pack(1)`), the page
 * types, and the sizes a Jet 500 database is never smaller than (inc/daeconst.h `cpgDatabaseMin`,
 * src/db.c `ErrDBCreateDatabase`, `cpageDBReserved` in the engine's io.h).
 */
import {PAGE_SIZE_DEFAULT} from './layout.js';

/** `cbPage`: every Jet 500 page is 4096 bytes. */
export const JET500_PAGE_SIZE = PAGE_SIZE_DEFAULT;

/** `PGHDR`: ULONG ulChecksum, ULONG ulDBTimeLow, PGNO pgnoFDP, five SHORTs, THREEBYTES pgnoPrev and pgnoNext. */
export const PageHeader = {
	checksum: 0,
	dbTimeLow: 4,
	pgnoFDP: 8,
	cbFree: 12,
	ibMic: 14,
	ctagMac: 16,
	itagFree: 18,
	cbUncommittedFreed: 20,
	pgnoPrev: 22,
	pgnoNext: 25,
	/** sizeof(PGHDR) */
	size: 28,
} as const;

/**
 * `PGTRLR`, the page's last four bytes: one byte of bit fields (pgtyp:3, bDBTimeHigh:4, bitModified:1,
 * allocated from the low bit up as the Microsoft compiler does), then `pgnoThisPage` as THREEBYTES.
 */
export const PageTrailer = {
	bits: PAGE_SIZE_DEFAULT - 4,
	pgnoThisPage: PAGE_SIZE_DEFAULT - 3,
} as const;

/** `pgtypFDP`, `pgtypRecord`, `pgtypIndexNC`, `pgtypSort` (inc/page.h). */
export const PageType = {fdp: 0, record: 1, indexNC: 2, sort: 4} as const;

/** `cpageDBReserved`: the header page and its shadow come before page 1. */
export const JET500_RESERVED_PAGES = 2;
/** `cpgDatabaseMin`: the primary extent `ErrDBCreateDatabase` gives every new database. */
export const JET500_MIN_DATABASE_PAGES = 256;
/** `ErrIONewSize( dbid, cpgPrimary + cpageDBReserved )`: 258 pages, 1,056,768 bytes. */
export const JET500_MIN_DATABASE_BYTES = (JET500_RESERVED_PAGES + JET500_MIN_DATABASE_PAGES) * JET500_PAGE_SIZE;

/** The file offset of page `pgno` (1-based): `LOffsetOfPgno` = (pgno − 1 + cpageDBReserved) × cbPage. */
export function pageOffset(pgno: number): number {
	return (pgno - 1 + JET500_RESERVED_PAGES) * JET500_PAGE_SIZE;
}

/** A THREEBYTES value (little-endian, as `LFromThreeBytes` reads it). */
export function readThreeBytes(bytes: Uint8Array, at: number): number {
	return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16);
}

export function writeThreeBytes(bytes: Uint8Array, at: number, value: number): void {
	bytes[at] = value & 0xff;
	bytes[at + 1] = (value >>> 8) & 0xff;
	bytes[at + 2] = (value >>> 16) & 0xff;
}

/** The number a page carries in its trailer (`pgnoThisPage`). */
export function pageNumberOf(page: Uint8Array): number {
	return readThreeBytes(page, PageTrailer.pgnoThisPage);
}

/** The page type in the trailer's low three bits. */
export function pageTypeOf(page: Uint8Array): number {
	return (page[PageTrailer.bits] ?? 0) & 0x07;
}
