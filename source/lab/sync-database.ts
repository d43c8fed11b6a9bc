/**
 * The practice lab's MSSYNC.MDB, written as Jet 500 writes a database (ARCHITECTURE.md, "JET page and
 * header layouts"): the header page and its shadow (DBFILEHDR), then pages with Jet 500's page header
 * and trailer (their own number in `pgnoThisPage`, a page type) sealed with its page checksum, and the
 * pages never written left all zeros, up to at least the 258 pages of a new database. What the lab
 * keeps inside a page is its own (DSMN's table layout is not public, and the lab does not imitate Jet
 * 500's B-tree nodes): a four-letter tag after the page header, then its records. A damaged page is
 * found the way Jet finds one (error -1018).
 *
 * Pages are counted here by their place in the file (file page 2 is Jet's page 1):
 *   file page 2            catalog: domain, PDC, where the server and account pages are
 *   file pages 3 … 3+S-1   one page per managed NetWare server (synchronized flag, accounts propagated)
 *   then                   the domain's NetWare-enabled accounts, 63 to a page
 */
import {open} from 'node:fs/promises';
import {pageIsIntact} from '../jet/checksum.js';
import {PAGE_SIZE_DEFAULT} from '../jet/layout.js';
import {JET500_MIN_DATABASE_BYTES, JET500_RESERVED_PAGES, PageType} from '../jet/page.js';
import {finishPage} from '../jet/write-page.js';
import {databaseHeaderPage, type NewDatabaseHeader} from '../jet/write-header.js';
import type {Account} from './names.js';

const PAGE = PAGE_SIZE_DEFAULT;
const CATALOG_PAGE = 2;
const FIRST_SERVER_PAGE = 3;
const ACCOUNT_RECORD = 64;
/** The lab's bytes in a page start after Jet's 28-byte page header: a tag, then the records. */
const TAG = 32;
const BODY = 40;
const FIRST_ACCOUNT = BODY + 16;
/** 63: the records end before the page's 4-byte trailer. */
const ACCOUNTS_PER_PAGE = Math.floor((PAGE - 4 - FIRST_ACCOUNT) / ACCOUNT_RECORD);

export type ServerRecord = {
	name: string;
	synchronized: boolean;
	accountsPropagated: number;
	/** False for a server added back with no backup: DSMN must be given the users' passwords before it can propagate them. */
	passwordsKnown?: boolean;
};

export type SyncDatabaseContent = {
	header: NewDatabaseHeader;
	domain: string;
	pdc: string;
	servers: ServerRecord[];
	accounts: Account[];
	/** The file's size in pages (at least the 258 of a new Jet 500 database, and enough for the records). */
	pages?: number | undefined;
};

const ascii = new TextEncoder();
const text = new TextDecoder('latin1');

function pageHeader(page: Uint8Array, tag: string): DataView {
	page.set(ascii.encode(tag), TAG);
	return new DataView(page.buffer, page.byteOffset, page.byteLength);
}

/** Jet's page number of the page at file page `index`. */
const jetPgno = (index: number) => index - JET500_RESERVED_PAGES + 1;

/** Seals a lab page as Jet 500 would write it; `dbTime` grows with every write. */
function seal(page: Uint8Array, index: number, dbTime: number): void {
	finishPage(page, {pgno: jetPgno(index), type: index === CATALOG_PAGE ? PageType.fdp : PageType.record, dbTime});
}

function tagOf(page: Uint8Array): string {
	return text.decode(page.subarray(TAG, TAG + 4));
}

function putString(page: Uint8Array, offset: number, max: number, value: string): void {
	const bytes = ascii.encode(value).subarray(0, max - 1);
	page[offset] = bytes.length;
	page.set(bytes, offset + 1);
}

function getString(page: Uint8Array, offset: number): string {
	const length = page[offset] ?? 0;
	return text.decode(page.subarray(offset + 1, offset + 1 + length));
}

function serverPage(index: number, record: ServerRecord, dbTime: number): Uint8Array {
	const page = new Uint8Array(PAGE);
	const view = pageHeader(page, 'SRVR');
	putString(page, BODY, 48, record.name);
	page[BODY + 56] = record.synchronized ? 1 : 0;
	page[BODY + 57] = 1; // managed
	page[BODY + 58] = record.passwordsKnown === false ? 1 : 0;
	view.setUint32(BODY + 60, record.accountsPropagated, true);
	seal(page, index, dbTime);
	return page;
}

export function encodeSyncDatabase(content: SyncDatabaseContent): Uint8Array {
	const accountPages = Math.ceil(content.accounts.length / ACCOUNTS_PER_PAGE);
	const firstAccountPage = FIRST_SERVER_PAGE + content.servers.length;
	// Never shorter than Jet 500 makes a database: its header pages and primary extent (the rest are empty pages).
	const pages = Math.max(firstAccountPage + accountPages, JET500_MIN_DATABASE_BYTES / PAGE, content.pages ?? 0);
	let dbTime = 0x10;
	const file = new Uint8Array(pages * PAGE);
	const header = databaseHeaderPage(content.header);
	file.set(header, 0);
	file.set(header, PAGE); // the shadow header

	const catalog = file.subarray(CATALOG_PAGE * PAGE, (CATALOG_PAGE + 1) * PAGE);
	const view = pageHeader(catalog, 'CATL');
	view.setUint16(BODY, content.servers.length, true);
	view.setUint32(BODY + 2, content.accounts.length, true);
	view.setUint32(BODY + 6, FIRST_SERVER_PAGE, true);
	view.setUint32(BODY + 10, firstAccountPage, true);
	putString(catalog, BODY + 16, 16, content.domain);
	putString(catalog, BODY + 32, 16, content.pdc);
	seal(catalog, CATALOG_PAGE, dbTime++);

	content.servers.forEach((record, i) => file.set(serverPage(FIRST_SERVER_PAGE + i, record, dbTime++), (FIRST_SERVER_PAGE + i) * PAGE));

	for (let p = 0; p < accountPages; p++) {
		const pgno = firstAccountPage + p;
		const page = file.subarray(pgno * PAGE, (pgno + 1) * PAGE);
		const pageView = pageHeader(page, 'ACCT');
		const slice = content.accounts.slice(p * ACCOUNTS_PER_PAGE, (p + 1) * ACCOUNTS_PER_PAGE);
		pageView.setUint16(BODY, slice.length, true);
		slice.forEach((account, i) => {
			const at = FIRST_ACCOUNT + i * ACCOUNT_RECORD;
			putString(page, at, 21, account.name);
			putString(page, at + 21, 39, account.fullName);
			pageView.setUint32(at + 60, 1, true); // NetWare-enabled
		});
		seal(page, pgno, dbTime++);
	}
	return file;
}

/** Corrupts a page the way a torn write would: its checksum no longer matches. */
export function damagePage(file: Uint8Array, pgno: number, salt: number): void {
	const page = file.subarray(pgno * PAGE, (pgno + 1) * PAGE);
	for (let i = 0; i < 16; i++) page[200 + i * 97] = ((page[200 + i * 97] ?? 0) ^ (salt + i * 31 + 1)) & 0xff;
}

export function serverPageNumber(index: number): number {
	return FIRST_SERVER_PAGE + index;
}

type ServerEntry = {index: number; pgno: number; intact: boolean; record?: ServerRecord};

export type SyncDatabaseView = {
	intact: boolean;
	domain: string;
	pdc: string;
	servers: ServerEntry[];
	accounts: Account[];
};

/** Reads the lab database; undefined when the file is not one (missing, too short, catalog damaged). */
export async function readSyncDatabase(path: string): Promise<SyncDatabaseView | undefined> {
	let handle;
	try {
		handle = await open(path, 'r');
	} catch {
		return undefined;
	}
	try {
		const readPage = async (pgno: number): Promise<Uint8Array | undefined> => {
			const page = new Uint8Array(PAGE);
			const {bytesRead} = await handle.read(page, 0, PAGE, pgno * PAGE);
			return bytesRead === PAGE ? page : undefined;
		};
		const catalog = await readPage(CATALOG_PAGE);
		if (!catalog || !pageIsIntact(catalog) || tagOf(catalog) !== 'CATL') return undefined;
		const view = new DataView(catalog.buffer);
		const serverCount = view.getUint16(BODY, true);
		const accountCount = view.getUint32(BODY + 2, true);
		const firstServer = view.getUint32(BODY + 6, true);
		const firstAccount = view.getUint32(BODY + 10, true);
		const servers: ServerEntry[] = [];
		let intact = true;
		for (let i = 0; i < serverCount; i++) {
			const pgno = firstServer + i;
			const page = await readPage(pgno);
			const ok = page !== undefined && pageIsIntact(page);
			intact &&= ok;
			servers.push(
				ok
					? {
							index: i,
							pgno,
							intact: true,
							record: {
								name: getString(page, BODY),
								synchronized: page[BODY + 56] === 1,
								accountsPropagated: new DataView(page.buffer).getUint32(BODY + 60, true),
								passwordsKnown: page[BODY + 58] !== 1,
							},
						}
					: {index: i, pgno, intact: false},
			);
		}
		const accounts: Account[] = [];
		for (let pgno = firstAccount; accounts.length < accountCount; pgno++) {
			const page = await readPage(pgno);
			if (!page || !pageIsIntact(page)) {
				intact = false;
				break;
			}
			const count = new DataView(page.buffer).getUint16(BODY, true);
			for (let i = 0; i < count; i++) {
				const at = FIRST_ACCOUNT + i * ACCOUNT_RECORD;
				accounts.push({name: getString(page, at), fullName: getString(page, at + 21)});
			}
		}
		return {intact, domain: getString(catalog, BODY + 16), pdc: getString(catalog, BODY + 32), servers, accounts};
	} finally {
		await handle.close();
	}
}

/** Rewrites one server's page in place (the simulated DSMN owns its database while it runs). */
export async function writeServerRecord(path: string, index: number, record: ServerRecord): Promise<void> {
	const handle = await open(path, 'r+');
	try {
		const pgno = serverPageNumber(index);
		// A page written again carries a later database time, as every page Jet flushes does.
		const old = new Uint8Array(4);
		await handle.read(old, 0, 4, pgno * PAGE + 4);
		const dbTime = new DataView(old.buffer).getUint32(0, true) + 1;
		await handle.write(serverPage(pgno, record, dbTime), 0, PAGE, pgno * PAGE);
		await handle.sync();
	} finally {
		await handle.close();
	}
}
