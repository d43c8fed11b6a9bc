/**
 * Header fixtures built byte for byte from the engines' structs, with every offset computed here from
 * the field sizes (not taken from source/jet/layout.ts), so that the reader and the writer are checked
 * against the structs and not against themselves. The structs: ARCHITECTURE.md, "JET page and header layouts".
 */
import {describe, expect, it} from 'vitest';
import {generationFromName, logFileName} from '../../source/jet/log-names.js';
import {ACCESS_MAGIC} from '../../source/jet/layout.js';
import {checkpointGeneration, readDatabaseHeader, readLogHeader} from '../../source/jet/read-header.js';
import {checkpointPages, databaseHeaderPage, logHeaderPage} from '../../source/jet/write-header.js';

// Sizes of the C types, as the Jet 500 and ESE headers declare them (#pragma pack(1): no padding).
const ULONG = 4;
const USHORT = 2;
const DBID_JET500 = 2; // typedef WORD DBID
const DBID_ESE = 4; // LittleEndian<ULONG> le_dbid
const LOGTIME = 8; // six BYTEs and two filler BYTEs
const SIGNATURE = ULONG + LOGTIME + 16; // ulRandom, logtimeCreate, szComputerName[MAX_COMPUTERNAME_LENGTH + 1]
const LGPOS = USHORT + USHORT + ULONG; // ib, isec, lGeneration
const BKINFO = LGPOS + LOGTIME + ULONG + ULONG;
const DBTIME = 8;

/** The offset of every field of a packed struct, from its fields' sizes in order. */
function offsetsOf<const T extends readonly (readonly [string, number])[]>(fields: T): Record<T[number][0], number> & {size: number} {
	const result: Record<string, number> = {};
	let at = 0;
	for (const [name, size] of fields) {
		result[name] = at;
		at += size;
	}
	return {...result, size: at} as Record<T[number][0], number> & {size: number};
}

const JET500_DB = offsetsOf([
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
	['dbid', DBID_JET500],
	['signLog', SIGNATURE],
	['bkinfoFullPrev', BKINFO],
	['bkinfoIncPrev', BKINFO],
	['bkinfoFullCur', BKINFO],
	['ulDBTimeHigh', ULONG],
] as const);

const ESE_DB = offsetsOf([
	['le_ulChecksum', ULONG],
	['le_ulMagic', ULONG],
	['le_ulVersion', ULONG],
	['le_attrib', ULONG],
	['le_dbtimeDirtied', DBTIME],
	['signDb', SIGNATURE],
	['le_dbstate', ULONG],
	['le_lgposConsistent', LGPOS],
	['logtimeConsistent', LOGTIME],
	['logtimeAttach', LOGTIME],
	['le_lgposAttach', LGPOS],
	['logtimeDetach', LOGTIME],
	['le_lgposDetach', LGPOS],
	['le_dbid', DBID_ESE],
	['signLog', SIGNATURE],
	['bkinfoFullPrev', BKINFO],
	['bkinfoIncPrev', BKINFO],
	['bkinfoFullCur', BKINFO],
	['m_ulDbFlags', ULONG],
	['le_objidLast', ULONG],
	['le_dwMajorVersion', ULONG],
	['le_dwMinorVersion', ULONG],
	['le_dwBuildNumber', ULONG],
	['le_lSPNumber', ULONG],
	['le_ulDaeUpdateMajor', ULONG],
	['le_cbPageSize', ULONG],
] as const);

const JET500_LOG = offsetsOf([
	['ulChecksum', ULONG],
	['lGeneration', ULONG],
	['tmCreate', LOGTIME],
	['tmPrevGen', LOGTIME],
	['ulMajor', ULONG],
	['ulMinor', ULONG],
	['ulUpdate', ULONG],
	['cbSec', ULONG],
	['csecLGFile', ULONG],
	['signLog', SIGNATURE],
] as const);

const ESE_LOG = offsetsOf([
	['le_ulChecksum', ULONG],
	['le_lGeneration', ULONG],
	['le_cbSec', USHORT],
	['le_csecHeader', USHORT],
	['le_csecLGFile', USHORT],
	['le_cbPageSize', USHORT],
	['tmCreate', LOGTIME],
	['tmPrevGen', LOGTIME],
	['le_ulMajor', ULONG],
	['le_ulMinor', ULONG],
	['le_ulUpdate', ULONG],
	['signLog', SIGNATURE],
] as const);

const JET500_CHECKPOINT = offsetsOf([
	['ulChecksum', ULONG],
	['lgposLastFullBackupCheckpoint', LGPOS],
	['lgposCheckpoint', LGPOS],
	['signLog', SIGNATURE],
] as const);

const PAGE = 4096;
const MAGIC = 0x89abcdef;

// Each checksum written out here as the engines' sources compute it, word by word.
function words(page: Uint8Array): number[] {
	const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
	return Array.from({length: page.byteLength / 4}, (_, i) => view.getUint32(i * 4, true));
}
/** Jet 500's UlUtilChecksum: 0x89abcdef plus every word after the first, modulo 2^32. */
const jet500Sum = (page: Uint8Array) =>
	words(page)
		.slice(1)
		.reduce((sum, w) => (sum + w) % 2 ** 32, MAGIC);
/** ESE's old-format checksum: 0x89abcdef XOR every word after the first. */
const eseXor = (page: Uint8Array) =>
	words(page)
		.slice(1)
		.reduce((x, w) => (x ^ w) >>> 0, MAGIC);
/** The JET 200-format engine's UlChecksumPage: the sum of every word after the first, from 0. */
const jet200Sum = (page: Uint8Array) =>
	words(page)
		.slice(1)
		.reduce((sum, w) => (sum + w) % 2 ** 32, 0);

function seal(page: Uint8Array, checksum: (page: Uint8Array) => number): Uint8Array {
	new DataView(page.buffer, page.byteOffset).setUint32(0, checksum(page), true);
	return page;
}

const created = {year: 1999, month: 3, day: 4, hour: 10, minute: 20, second: 30};
const LOGTIME_BYTES = [30, 20, 10, 4, 3, 99, 0, 0];

function signature(random: number, computerName: string): Uint8Array {
	const bytes = new Uint8Array(SIGNATURE);
	new DataView(bytes.buffer).setUint32(0, random, true);
	bytes.set(LOGTIME_BYTES, ULONG);
	bytes.set(new TextEncoder().encode(computerName), ULONG + LOGTIME);
	return bytes;
}
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

const SIGN_DB = signature(0x0badf00d, 'NTPDC');
const SIGN_LOG = signature(0xdeadbeef, 'NTPDC');
const OTHER_SIGN = signature(0x12345678, 'DECOY');

function jet500Database(state: number, signLog = SIGN_LOG): Uint8Array {
	const page = new Uint8Array(PAGE);
	const view = new DataView(page.buffer);
	view.setUint32(JET500_DB.ulMagic, MAGIC, true);
	view.setUint32(JET500_DB.ulVersion, 0x500, true);
	page.set(SIGN_DB, JET500_DB.signDb);
	view.setUint32(JET500_DB.fDBState, state, true);
	view.setUint16(JET500_DB.dbid, 1, true);
	page.set(signLog, JET500_DB.signLog);
	return seal(page, jet500Sum);
}

function jet500Log(generation: number, signLog = SIGN_LOG): Uint8Array {
	const page = new Uint8Array(PAGE);
	const view = new DataView(page.buffer);
	view.setInt32(JET500_LOG.lGeneration, generation, true);
	page.set(LOGTIME_BYTES, JET500_LOG.tmCreate);
	view.setUint32(JET500_LOG.ulMajor, 4, true);
	view.setUint32(JET500_LOG.ulMinor, 909, true);
	view.setInt32(JET500_LOG.cbSec, 512, true);
	view.setInt32(JET500_LOG.csecLGFile, 2048, true);
	page.set(signLog, JET500_LOG.signLog);
	return seal(page, jet500Sum);
}

describe('the struct offsets this test derives', () => {
	it('match the running offsets the sources give in their comments', () => {
		// Jet 500: the state at 48, signLog right after the 2-byte dbid, no page-size field.
		expect([JET500_DB.fDBState, JET500_DB.lgposConsistent, JET500_DB.dbid, JET500_DB.signLog, JET500_DB.size]).toEqual([48, 52, 100, 102, 206]);
		// ESE's own comments: "56 bytes" after le_dbstate, "108 bytes" after le_dbid, "240 bytes" after le_cbPageSize.
		expect([ESE_DB.le_dbstate, ESE_DB.signLog, ESE_DB.le_cbPageSize]).toEqual([52, 108, 236]);
		expect([JET500_LOG.lGeneration, JET500_LOG.tmCreate, JET500_LOG.ulMajor, JET500_LOG.signLog]).toEqual([4, 8, 24, 44]);
		expect([ESE_LOG.tmCreate, ESE_LOG.signLog]).toEqual([16, 44]);
		expect([JET500_CHECKPOINT.lgposCheckpoint + USHORT + USHORT, JET500_CHECKPOINT.signLog]).toEqual([16, 20]);
	});
});

describe('a Jet 500 database header (DBFILEHDR_FIXED)', () => {
	it('reads as consistent (state 3 at offset 48), with Jet 500 layout and checksum', () => {
		const info = readDatabaseHeader(jet500Database(3));
		expect(info).toMatchObject({
			kind: 'jet500',
			layout: 'jet500',
			formatVersion: 0x500,
			state: 3,
			stateName: 'clean shutdown',
			pageSize: 4096,
			checksumOk: true,
		});
		expect(info.kind === 'jet500' && info.signDb).toBe(hex(SIGN_DB));
		expect(info.kind === 'jet500' && info.formatRevision).toBeUndefined();
	});

	it('reads as inconsistent (state 2)', () => {
		expect(readDatabaseHeader(jet500Database(2))).toMatchObject({layout: 'jet500', state: 2, stateName: 'dirty shutdown'});
	});

	it('has the log signature of its logs: the bytes after dbid equal those at offset 44 of each log header', () => {
		const db = readDatabaseHeader(jet500Database(3));
		const log = readLogHeader(jet500Log(5));
		expect(db.kind === 'jet500' && db.signLog).toBe(hex(SIGN_LOG));
		expect(log).toMatchObject({kind: 'jet500', layout: 'jet500', generation: 5, signLog: hex(SIGN_LOG), checksumOk: true, created});
		const foreign = readLogHeader(jet500Log(5, OTHER_SIGN));
		expect(foreign.kind === 'jet500' && foreign.signLog).not.toBe(hex(SIGN_LOG));
	});

	it('reads only Jet 500 offsets: values placed at the ESE97 offsets are not taken for the state or signLog', () => {
		const page = jet500Database(3);
		const view = new DataView(page.buffer);
		view.setUint32(ESE_DB.le_dbstate, 2, true); // 52: lgposConsistent in Jet 500
		page.set(OTHER_SIGN, ESE_DB.signLog); // 108: inside Jet 500's signLog
		view.setUint32(ESE_DB.le_cbPageSize, 8192, true); // 236: past Jet 500's header
		const info = readDatabaseHeader(seal(page, jet500Sum));
		expect(info).toMatchObject({layout: 'jet500', state: 3, pageSize: 4096, checksumOk: true});
		expect(info.kind === 'jet500' && info.signLog).toBe(hex(page.subarray(JET500_DB.signLog, JET500_DB.signLog + SIGNATURE)));
	});

	it("notices a damaged page, and does not take ESE's XOR checksum for Jet 500's", () => {
		const damaged = jet500Database(3);
		damaged[300] = damaged[300]! ^ 0xff;
		expect(readDatabaseHeader(damaged)).toMatchObject({layout: 'jet500', checksumOk: false});
		const xorSealed = seal(jet500Database(3), eseXor);
		expect(readDatabaseHeader(xorSealed)).toMatchObject({layout: 'jet500', checksumOk: false});
	});
});

describe('an ESE97 database header (DBFILEHDR of ESE)', () => {
	function eseDatabase(state: number, pageSize: number): Uint8Array {
		const page = new Uint8Array(Math.max(pageSize, PAGE));
		const view = new DataView(page.buffer);
		view.setUint32(ESE_DB.le_ulMagic, MAGIC, true);
		view.setUint32(ESE_DB.le_ulVersion, 0x620, true);
		page.set(SIGN_DB, ESE_DB.signDb);
		view.setUint32(ESE_DB.le_dbstate, state, true);
		page.set(SIGN_LOG, ESE_DB.signLog);
		view.setUint32(ESE_DB.le_ulDaeUpdateMajor, 2, true);
		view.setUint32(ESE_DB.le_cbPageSize, pageSize === PAGE ? 0 : pageSize, true);
		return page;
	}

	it("is read at ESE's offsets, not misread as Jet 500 (whose offsets 48 and 102 hold other bytes here)", () => {
		const page = eseDatabase(2, PAGE);
		new DataView(page.buffer).setUint32(JET500_DB.fDBState, 3, true); // 48: inside signDb's computer name in ESE
		seal(page, eseXor);
		const info = readDatabaseHeader(page);
		expect(info).toMatchObject({
			kind: 'jet500',
			layout: 'ese97',
			formatVersion: 0x620,
			formatRevision: 2,
			state: 2,
			stateName: 'dirty shutdown',
			pageSize: 4096,
			checksumOk: true,
		});
		expect(info.kind === 'jet500' && info.signLog).toBe(hex(SIGN_LOG));
	});

	it('takes its page size from offset 236, and makes no checksum claim on fewer bytes than the page', () => {
		const page = seal(eseDatabase(3, 8192), eseXor);
		expect(readDatabaseHeader(page)).toMatchObject({layout: 'ese97', pageSize: 8192, checksumOk: true});
		const firstPageOnly = readDatabaseHeader(page.subarray(0, PAGE));
		expect(firstPageOnly).toMatchObject({layout: 'ese97', pageSize: 8192});
		expect(firstPageOnly.kind === 'jet500' && firstPageOnly.checksumOk).toBeUndefined();
	});

	it('a JET Blue magic with a version of neither layout is unrecognised, not guessed at', () => {
		const page = jet500Database(3);
		new DataView(page.buffer).setUint32(8, 0x300, true);
		expect(readDatabaseHeader(seal(page, jet500Sum))).toEqual({kind: 'unrecognised', formatVersion: 0x300});
	});

	it("reads format 0x400 (Jet 500's ulDAEPrevVersion, which it still opens) with Jet 500's struct", () => {
		const page = jet500Database(3);
		new DataView(page.buffer).setUint32(8, 0x400, true);
		expect(readDatabaseHeader(seal(page, jet500Sum))).toMatchObject({kind: 'jet500', layout: 'jet500', formatVersion: 0x400, state: 3, checksumOk: true});
	});
});

describe('other first pages', () => {
	it('tells an Access database, an all-zero page, a JET 200 page, garbage and a cut-off file apart', () => {
		const access = new Uint8Array(PAGE);
		access.set(ACCESS_MAGIC, 0);
		expect(readDatabaseHeader(access).kind).toBe('access');
		expect(readDatabaseHeader(new Uint8Array(PAGE)).kind).toBe('all-zero');
		const jet200 = seal(
			new Uint8Array(PAGE).map((_, i) => (i * 7) & 0xff),
			jet200Sum,
		);
		expect(readDatabaseHeader(jet200).kind).toBe('legacy');
		const xorSealed = seal(
			new Uint8Array(PAGE).map((_, i) => (i * 7) & 0xff),
			eseXor,
		);
		expect(readDatabaseHeader(xorSealed).kind).toBe('unrecognised');
		const garbage = new Uint8Array(PAGE).map((_, i) => (i * 13 + 5) & 0xff);
		expect(readDatabaseHeader(garbage).kind).toBe('unrecognised');
		expect(readDatabaseHeader(Uint8Array.of(1, 2, 3))).toEqual({kind: 'too-short', length: 3});
		expect(readDatabaseHeader(jet500Database(3).subarray(0, 1000))).toEqual({kind: 'too-short', length: 1000});
	});
});

describe('log headers (LGFILEHDR_FIXED)', () => {
	it("tells Jet 500's from ESE's by the checksum, the only thing that differs at the offsets read", () => {
		const page = new Uint8Array(PAGE);
		const view = new DataView(page.buffer);
		view.setInt32(ESE_LOG.le_lGeneration, 7, true);
		view.setUint16(ESE_LOG.le_cbSec, 512, true);
		page.set(LOGTIME_BYTES, ESE_LOG.tmCreate);
		page.set(SIGN_LOG, ESE_LOG.signLog);
		expect(readLogHeader(seal(page, eseXor))).toMatchObject({layout: 'ese97', generation: 7, signLog: hex(SIGN_LOG), created, checksumOk: true});
		page[1000] = 1;
		expect(readLogHeader(page)).toMatchObject({layout: 'unknown', generation: 7, checksumOk: false});
	});

	it('makes no checksum claim on a header shorter than 4096 bytes', () => {
		const info = readLogHeader(jet500Log(3).subarray(0, 512));
		expect(info).toMatchObject({kind: 'jet500', layout: 'unknown', generation: 3, signLog: hex(SIGN_LOG)});
		expect(info.kind === 'jet500' && info.checksumOk).toBeUndefined();
		expect(readLogHeader(new Uint8Array(40))).toEqual({kind: 'too-short', length: 40});
	});

	it('names generations in five hexadecimal digits', () => {
		expect(logFileName(1)).toBe('JET00001.LOG');
		expect(logFileName(26)).toBe('JET0001A.LOG');
		expect(generationFromName('jet0001a.log')).toBe(26);
		expect(generationFromName('JET.LOG')).toBe('current');
		expect(generationFromName('MSSYNC.LOG')).toBeUndefined();
		expect(generationFromName('RES1.LOG')).toBeUndefined();
	});
});

describe("the lab's writer lays out Jet 500's structs byte for byte", () => {
	const sign = (random: number) => ({random, created, computerName: 'NTPDC'});

	it('database header: the same bytes as the fixture built from DBFILEHDR_FIXED', () => {
		expect(hex(databaseHeaderPage({signDb: sign(0x0badf00d), signLog: sign(0xdeadbeef), state: 3}))).toBe(hex(jet500Database(3)));
		expect(hex(databaseHeaderPage({signDb: sign(0x0badf00d), signLog: sign(0xdeadbeef), state: 2}))).toBe(hex(jet500Database(2)));
	});

	it('database header: consistency and attach positions and times go to their LGPOS and LOGTIME fields', () => {
		const page = databaseHeaderPage({
			signDb: sign(1),
			signLog: sign(2),
			consistent: {position: {generation: 6}, at: created},
			attached: {position: {generation: 1}, at: created},
		});
		const view = new DataView(page.buffer);
		expect(view.getInt32(JET500_DB.lgposConsistent + USHORT + USHORT, true)).toBe(6);
		expect([...page.subarray(JET500_DB.logtimeConsistent, JET500_DB.logtimeConsistent + LOGTIME)]).toEqual(LOGTIME_BYTES);
		expect([...page.subarray(JET500_DB.logtimeAttach, JET500_DB.logtimeAttach + LOGTIME)]).toEqual(LOGTIME_BYTES);
		expect(view.getInt32(JET500_DB.lgposAttach + USHORT + USHORT, true)).toBe(1);
		expect(view.getUint32(0, true)).toBe(jet500Sum(page));
	});

	it('log header: the same bytes as the fixture built from LGFILEHDR_FIXED', () => {
		expect(hex(logHeaderPage({generation: 5, signLog: sign(0xdeadbeef), created}))).toBe(hex(jet500Log(5)));
	});

	it('checkpoint: the generation in lgposCheckpoint (offset 16), signLog at 20, and a shadow copy', () => {
		const file = checkpointPages({generation: 6, signLog: sign(0xdeadbeef)});
		expect(file.byteLength).toBe(2 * PAGE);
		const view = new DataView(file.buffer);
		expect(view.getInt32(JET500_CHECKPOINT.lgposCheckpoint + USHORT + USHORT, true)).toBe(6);
		expect(hex(file.subarray(JET500_CHECKPOINT.signLog, JET500_CHECKPOINT.signLog + SIGNATURE))).toBe(hex(SIGN_LOG));
		expect(view.getUint32(0, true)).toBe(jet500Sum(file.subarray(0, PAGE)));
		expect(hex(file.subarray(PAGE))).toBe(hex(file.subarray(0, PAGE)));
		expect(checkpointGeneration(file)).toBe(6);
	});
});
