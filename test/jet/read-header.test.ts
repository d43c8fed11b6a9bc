import {describe, expect, it} from 'vitest';
import {pageChecksum, pageIsIntact, sealPage} from '../../source/jet/checksum.js';
import {generationFromName, logFileName} from '../../source/jet/log-names.js';
import {ACCESS_MAGIC} from '../../source/jet/layout.js';
import {readDatabaseHeader, readLogHeader} from '../../source/jet/read-header.js';
import {databaseHeaderPage, logHeaderPage} from '../../source/jet/write-header.js';

const created = {year: 1999, month: 3, day: 4, hour: 10, minute: 20, second: 30};
const signLog = {random: 0xdeadbeef, created, computerName: 'NTPDC'};

describe('Jet 500 database header', () => {
	it('puts the documented fields at the documented offsets', () => {
		const page = databaseHeaderPage({signDb: {...signLog, random: 1}, signLog, state: 3});
		const view = new DataView(page.buffer);
		expect([...page.subarray(4, 8)]).toEqual([0xef, 0xcd, 0xab, 0x89]);
		expect(view.getUint32(8, true)).toBe(0x500);
		expect(view.getUint32(52, true)).toBe(3);
		expect(view.getUint32(108, true)).toBe(0xdeadbeef);
		expect(view.getUint32(236, true)).toBe(0); // 0 means 4096
		expect(pageIsIntact(page)).toBe(true);
	});

	it('reads back version, state, signature and page size', () => {
		const info = readDatabaseHeader(databaseHeaderPage({signDb: signLog, signLog, state: 2, formatVersion: 0x620, pageSize: 8192}));
		expect(info).toMatchObject({kind: 'jet500', formatVersion: 0x620, state: 2, stateName: 'dirty shutdown', pageSize: 8192, checksumOk: true});
	});

	it('tells an Access database, an all-zero page, a legacy page and garbage apart', () => {
		const access = new Uint8Array(4096);
		access.set(ACCESS_MAGIC, 0);
		expect(readDatabaseHeader(access).kind).toBe('access');
		expect(readDatabaseHeader(new Uint8Array(4096)).kind).toBe('all-zero');
		const legacy = new Uint8Array(4096).map((_, i) => (i * 7) & 0xff);
		sealPage(legacy);
		expect(readDatabaseHeader(legacy).kind).toBe('legacy');
		const garbage = new Uint8Array(4096).map((_, i) => (i * 13 + 5) & 0xff);
		garbage[0] = (pageChecksum(garbage) + 1) & 0xff;
		expect(readDatabaseHeader(garbage).kind).toBe('unrecognised');
		expect(readDatabaseHeader(Uint8Array.of(1, 2, 3))).toEqual({kind: 'too-short', length: 3});
	});

	it('notices a damaged header page', () => {
		const page = databaseHeaderPage({signDb: signLog, signLog});
		page[300] = page[300]! ^ 0xff;
		expect(readDatabaseHeader(page)).toMatchObject({kind: 'jet500', checksumOk: false});
	});
});

describe('Jet 500 log header', () => {
	it('holds the generation at offset 4 and the signature at offset 44, the same bytes as the database', () => {
		const log = logHeaderPage({generation: 0x1f, signLog, created});
		const db = databaseHeaderPage({signDb: signLog, signLog});
		const info = readLogHeader(log);
		expect(info).toMatchObject({kind: 'jet500', generation: 0x1f, checksumOk: true});
		expect(info.kind === 'jet500' && info.signLog).toBe((readDatabaseHeader(db) as {signLog: string}).signLog);
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
