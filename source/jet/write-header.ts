/** Jet 500 headers as Jet 500 writes them (the structs and offsets: layout.ts, ARCHITECTURE.md). */
import {sealPage} from './checksum.js';
import {
	DB_MAGIC,
	DatabaseState,
	JET500_LOG_VERSION,
	JET500_VERSION,
	Jet500Checkpoint,
	Jet500DatabaseHeader,
	Jet500LogHeader,
	PAGE_SIZE_DEFAULT,
} from './layout.js';
import {encodeJetTime, encodeSignature, type JetTime, type Signature} from './signature.js';

/** An LGPOS: USHORT ib, USHORT isec, LONG lGeneration. */
type LogPosition = {generation: number; sector?: number; offset?: number};

export type NewDatabaseHeader = {
	state?: number;
	signDb: Signature;
	signLog: Signature;
	/** The database's attachment number (`dbid`, a WORD). */
	dbid?: number;
	/** For a consistent database: where and when in the log it became consistent (null otherwise). */
	consistent?: {position: LogPosition; at: JetTime};
	/** The last attachment: when, and where in the log. */
	attached?: {position: LogPosition; at: JetTime};
};

function putLogPosition(view: DataView, offset: number, position: LogPosition): void {
	view.setUint16(offset, position.offset ?? 0, true);
	view.setUint16(offset + 2, position.sector ?? 0, true);
	view.setInt32(offset + 4, position.generation, true);
}

/** A Jet 500 database header page (`DBFILEHDR`, 4096 bytes), sealed with Jet 500's checksum. */
export function databaseHeaderPage(h: NewDatabaseHeader): Uint8Array {
	const H = Jet500DatabaseHeader;
	const page = new Uint8Array(PAGE_SIZE_DEFAULT);
	const view = new DataView(page.buffer);
	view.setUint32(H.magic, DB_MAGIC, true);
	view.setUint32(H.version, JET500_VERSION, true);
	page.set(encodeSignature(h.signDb), H.signDb);
	view.setUint32(H.state, h.state ?? DatabaseState.cleanShutdown, true);
	if (h.consistent) {
		putLogPosition(view, H.lgposConsistent, h.consistent.position);
		page.set(encodeJetTime(h.consistent.at), H.logtimeConsistent);
	}
	if (h.attached) {
		page.set(encodeJetTime(h.attached.at), H.logtimeAttach);
		putLogPosition(view, H.lgposAttach, h.attached.position);
	}
	view.setUint16(H.dbid, h.dbid ?? 1, true);
	page.set(encodeSignature(h.signLog), H.signLog);
	sealPage(page, 'jet500');
	return page;
}

/** A Jet 500 log file header (`LGFILEHDR`, the first 4096 bytes of the file), sealed with Jet 500's checksum. */
export function logHeaderPage(h: {generation: number; signLog: Signature; created: JetTime; previousCreated?: JetTime; fileSize?: number}): Uint8Array {
	const H = Jet500LogHeader;
	const page = new Uint8Array(PAGE_SIZE_DEFAULT);
	const view = new DataView(page.buffer);
	const sectorSize = 512;
	view.setInt32(H.generation, h.generation, true);
	page.set(encodeJetTime(h.created), H.created);
	if (h.previousCreated) page.set(encodeJetTime(h.previousCreated), H.previousCreated);
	view.setUint32(H.versionMajor, JET500_LOG_VERSION.major, true);
	view.setUint32(H.versionMinor, JET500_LOG_VERSION.minor, true);
	view.setUint32(H.versionUpdate, JET500_LOG_VERSION.update, true);
	view.setInt32(H.sectorSize, sectorSize, true);
	view.setInt32(H.sectors, Math.floor((h.fileSize ?? 1024 * 1024) / sectorSize), true);
	page.set(encodeSignature(h.signLog), H.signLog);
	sealPage(page, 'jet500');
	return page;
}

/** Jet 500's checkpoint file (JET.CHK): its 4096-byte `CHECKPOINT`, then the same again as its shadow. */
export function checkpointPages(h: {generation: number; signLog: Signature}): Uint8Array {
	const H = Jet500Checkpoint;
	const file = new Uint8Array(2 * PAGE_SIZE_DEFAULT);
	const page = file.subarray(0, PAGE_SIZE_DEFAULT);
	const view = new DataView(file.buffer);
	putLogPosition(view, H.lgposCheckpoint, {generation: h.generation});
	page.set(encodeSignature(h.signLog), H.signLog);
	sealPage(page, 'jet500');
	file.copyWithin(PAGE_SIZE_DEFAULT, 0, PAGE_SIZE_DEFAULT);
	return file;
}
