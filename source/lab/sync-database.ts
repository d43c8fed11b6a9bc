/**
 * The practice lab's MSSYNC.MDB: a Jet 500 header page and its shadow, laid out as Jet 500's
 * DBFILEHDR (ARCHITECTURE.md), then the lab's own pages (the real table layout of DSMN is not public,
 * and the lab does not imitate Jet 500's B-tree pages). Every page carries Jet 500's page checksum at
 * offset 0, so a damaged page is found the way Jet finds one (error -1018); the lab keeps a page's
 * number at offset 4 (Jet 500 keeps it in the page's last three bytes).
 *
 *   page 2            catalog: domain, PDC, where the server and account pages are
 *   pages 3 … 3+S-1   one page per managed NetWare server (synchronized flag, accounts propagated)
 *   then              the domain's NetWare-enabled accounts, 63 to a page
 */
import {open} from 'node:fs/promises';
import {pageIsIntact, sealPage} from '../jet/checksum.js';
import {JET500_MIN_DATABASE_BYTES, PAGE_SIZE_DEFAULT} from '../jet/layout.js';
import {databaseHeaderPage, type NewDatabaseHeader} from '../jet/write-header.js';
import type {Account} from './names.js';

const PAGE = PAGE_SIZE_DEFAULT;
const CATALOG_PAGE = 2;
const FIRST_SERVER_PAGE = 3;
const ACCOUNT_RECORD = 64;
const ACCOUNTS_PER_PAGE = Math.floor((PAGE - 32) / ACCOUNT_RECORD);

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
};

const ascii = new TextEncoder();
const text = new TextDecoder('latin1');

function pageHeader(page: Uint8Array, pgno: number, tag: string): DataView {
	const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
	view.setUint32(4, pgno, true);
	page.set(ascii.encode(tag), 8);
	return view;
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

function serverPage(pgno: number, record: ServerRecord): Uint8Array {
	const page = new Uint8Array(PAGE);
	const view = pageHeader(page, pgno, 'SRVR');
	putString(page, 16, 48, record.name);
	page[72] = record.synchronized ? 1 : 0;
	page[73] = 1; // managed
	page[74] = record.passwordsKnown === false ? 1 : 0;
	view.setUint32(76, record.accountsPropagated, true);
	sealPage(page);
	return page;
}

export function encodeSyncDatabase(content: SyncDatabaseContent): Uint8Array {
	const accountPages = Math.ceil(content.accounts.length / ACCOUNTS_PER_PAGE);
	const firstAccountPage = FIRST_SERVER_PAGE + content.servers.length;
	// Never shorter than Jet 500 makes a database: its header pages and primary extent (the rest are empty pages).
	const pages = Math.max(firstAccountPage + accountPages, JET500_MIN_DATABASE_BYTES / PAGE);
	const file = new Uint8Array(pages * PAGE);
	const header = databaseHeaderPage(content.header);
	file.set(header, 0);
	file.set(header, PAGE); // the shadow header

	const catalog = file.subarray(CATALOG_PAGE * PAGE, (CATALOG_PAGE + 1) * PAGE);
	const view = pageHeader(catalog, CATALOG_PAGE, 'CATL');
	view.setUint16(16, content.servers.length, true);
	view.setUint32(18, content.accounts.length, true);
	view.setUint32(22, FIRST_SERVER_PAGE, true);
	view.setUint32(26, firstAccountPage, true);
	putString(catalog, 32, 16, content.domain);
	putString(catalog, 48, 16, content.pdc);
	sealPage(catalog);

	content.servers.forEach((record, i) => file.set(serverPage(FIRST_SERVER_PAGE + i, record), (FIRST_SERVER_PAGE + i) * PAGE));

	for (let p = 0; p < accountPages; p++) {
		const pgno = firstAccountPage + p;
		const page = file.subarray(pgno * PAGE, (pgno + 1) * PAGE);
		const pageView = pageHeader(page, pgno, 'ACCT');
		const slice = content.accounts.slice(p * ACCOUNTS_PER_PAGE, (p + 1) * ACCOUNTS_PER_PAGE);
		pageView.setUint16(16, slice.length, true);
		slice.forEach((account, i) => {
			const at = 32 + i * ACCOUNT_RECORD;
			putString(page, at, 21, account.name);
			putString(page, at + 21, 39, account.fullName);
			pageView.setUint32(at + 60, 1, true); // NetWare-enabled
		});
		sealPage(page);
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
		if (!catalog || !pageIsIntact(catalog) || text.decode(catalog.subarray(8, 12)) !== 'CATL') return undefined;
		const view = new DataView(catalog.buffer);
		const serverCount = view.getUint16(16, true);
		const accountCount = view.getUint32(18, true);
		const firstServer = view.getUint32(22, true);
		const firstAccount = view.getUint32(26, true);
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
								name: getString(page, 16),
								synchronized: page[72] === 1,
								accountsPropagated: new DataView(page.buffer).getUint32(76, true),
								passwordsKnown: page[74] !== 1,
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
			const count = new DataView(page.buffer).getUint16(16, true);
			for (let i = 0; i < count; i++) {
				const at = 32 + i * ACCOUNT_RECORD;
				accounts.push({name: getString(page, at), fullName: getString(page, at + 21)});
			}
		}
		return {intact, domain: getString(catalog, 32), pdc: getString(catalog, 48), servers, accounts};
	} finally {
		await handle.close();
	}
}

/** Rewrites one server's page in place (the simulated DSMN owns its database while it runs). */
export async function writeServerRecord(path: string, index: number, record: ServerRecord): Promise<void> {
	const handle = await open(path, 'r+');
	try {
		const pgno = serverPageNumber(index);
		await handle.write(serverPage(pgno, record), 0, PAGE, pgno * PAGE);
		await handle.sync();
	} finally {
		await handle.close();
	}
}
