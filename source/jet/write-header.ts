import {sealPage} from './checksum.js';
import {DB_MAGIC, DatabaseHeader, DatabaseState, LogHeader, PAGE_SIZE_DEFAULT} from './layout.js';
import {encodeJetTime, encodeSignature, type JetTime, type Signature} from './signature.js';

export type NewDatabaseHeader = {
	formatVersion?: number;
	formatRevision?: number;
	state?: number;
	signDb: Signature;
	signLog: Signature;
	pageSize?: number;
};

/** A Jet 500 database header page, sealed with its checksum. */
export function databaseHeaderPage(h: NewDatabaseHeader): Uint8Array {
	const pageSize = h.pageSize ?? PAGE_SIZE_DEFAULT;
	const page = new Uint8Array(pageSize);
	const view = new DataView(page.buffer);
	view.setUint32(DatabaseHeader.magic, DB_MAGIC, true);
	view.setUint32(DatabaseHeader.formatVersion, h.formatVersion ?? 0x500, true);
	view.setUint32(DatabaseHeader.formatRevision, h.formatRevision ?? 0, true);
	page.set(encodeSignature(h.signDb), DatabaseHeader.signDb);
	view.setUint32(DatabaseHeader.state, h.state ?? DatabaseState.cleanShutdown, true);
	page.set(encodeSignature(h.signLog), DatabaseHeader.signLog);
	// 0 means the default 4096, as Jet 500 itself writes it.
	view.setUint32(DatabaseHeader.pageSize, pageSize === PAGE_SIZE_DEFAULT ? 0 : pageSize, true);
	sealPage(page);
	return page;
}

/** A Jet 500 log file header sector (the first 4 KiB), sealed with its checksum. */
export function logHeaderPage(h: {generation: number; signLog: Signature; created: JetTime}): Uint8Array {
	const page = new Uint8Array(PAGE_SIZE_DEFAULT);
	const view = new DataView(page.buffer);
	view.setUint32(LogHeader.generation, h.generation, true);
	view.setUint32(LogHeader.formatVersion, 0x500, true);
	page.set(encodeJetTime(h.created), LogHeader.created);
	page.set(encodeSignature(h.signLog), LogHeader.signLog);
	sealPage(page);
	return page;
}
