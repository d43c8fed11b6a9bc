/**
 * Jet 500 database pages as the engine writes them (ARCHITECTURE.md, "JET page and header layouts"):
 * `PGHDR` at the start, `PGTRLR` in the last four bytes (the page type in its low three bits, the
 * page's own number in `pgnoThisPage`), sealed with `UlUtilChecksum`. The caller lays its own bytes
 * between the header (28 bytes) and the trailer.
 */
import {sealPage} from './checksum.js';
import {PageHeader, PageTrailer, PageType, writeThreeBytes} from './page.js';

export type NewPage = {
	pgno: number;
	/** One of `PageType`; the lab's pages are FDP or record pages. */
	type?: number;
	/** `pgnoFDP`: the FDP that owns the page (the system root, page 1, when not given). */
	pgnoFDP?: number;
	/** The database time the page was last dirtied (`ulDBTimeLow`); the engine never writes 0 here. */
	dbTime: number;
	/** `cbFree`: free bytes the page says it has. */
	cbFree?: number;
};

/** Fills in the header and trailer of `page` (4096 bytes, its body already written) and seals it. */
export function finishPage(page: Uint8Array, p: NewPage): Uint8Array {
	const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
	view.setUint32(PageHeader.dbTimeLow, p.dbTime >>> 0, true);
	view.setUint32(PageHeader.pgnoFDP, p.pgnoFDP ?? 1, true);
	view.setInt16(PageHeader.cbFree, p.cbFree ?? 0, true);
	view.setInt16(PageHeader.ibMic, PageHeader.size, true);
	// pgtyp:3 in bits 0–2, bDBTimeHigh:4 in bits 3–6 (0 here), bitModified:1 in bit 7 (0 once flushed).
	page[PageTrailer.bits] = (p.type ?? PageType.record) & 0x07;
	writeThreeBytes(page, PageTrailer.pgnoThisPage, p.pgno);
	sealPage(page, 'jet500');
	return page;
}
