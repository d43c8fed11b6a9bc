/**
 * The JET files of the lab's SYNCAGNT folder and backup: databases, logs, checkpoint, reserve logs, patch
 * file. Databases and patch files are laid out as Jet 500 writes them (ARCHITECTURE.md, "JET page and
 * header layouts"): header and shadow, sealed pages carrying their own numbers, never-written pages zero.
 */
import {PAGE_SIZE_DEFAULT} from '../jet/layout.js';
import {JET500_MIN_DATABASE_BYTES, JET500_RESERVED_PAGES, PageType} from '../jet/page.js';
import {finishPage} from '../jet/write-page.js';
import {logFileName} from '../jet/log-names.js';
import type {JetTime, Signature} from '../jet/signature.js';
import {checkpointPages, databaseHeaderPage, logHeaderPage} from '../jet/write-header.js';
import type {Random} from './random.js';

/** Jet 500 on NT 4.0 writes log files of 1 MiB. */
const LOG_FILE_SIZE = 1024 * 1024;

export type JetIdentity = {signDb: Signature; signLog: Signature};

/**
 * SYSTEM.MDB: as small as Jet 500 makes a database (the header, its shadow and the 256-page primary
 * extent, or `pages` if more), its first pages written (the system root, an FDP, and two record pages),
 * the rest never written.
 */
export function systemDatabase(identity: JetIdentity, random: Random, pages = 0): Uint8Array {
	const file = new Uint8Array(Math.max(JET500_MIN_DATABASE_BYTES, pages * PAGE_SIZE_DEFAULT));
	const header = databaseHeaderPage({signDb: {...identity.signDb, random: identity.signDb.random ^ 0x5151}, signLog: identity.signLog});
	file.set(header, 0);
	file.set(header, PAGE_SIZE_DEFAULT);
	for (let pgno = 1; pgno <= 3; pgno++) {
		const at = (pgno - 1 + JET500_RESERVED_PAGES) * PAGE_SIZE_DEFAULT;
		const page = file.subarray(at, at + PAGE_SIZE_DEFAULT);
		page.set(new TextEncoder().encode('SYST'), 32);
		for (let i = 40; i < 400; i++) page[i] = random.int(0, 255);
		finishPage(page, {pgno, type: pgno === 1 ? PageType.fdp : PageType.record, dbTime: 0x10 + pgno});
	}
	return file;
}

function logFile(generation: number, signLog: Signature, created: JetTime, random: Random): Uint8Array {
	const file = new Uint8Array(LOG_FILE_SIZE);
	file.set(logHeaderPage({generation, signLog, created, ...(generation > 1 ? {previousCreated: created} : {}), fileSize: LOG_FILE_SIZE}), 0);
	// A little log data after the header sector, so the file is not all padding.
	for (let i = PAGE_SIZE_DEFAULT; i < PAGE_SIZE_DEFAULT + 1024; i++) file[i] = random.int(0, 255);
	return file;
}

export function logFiles(generations: number, signLog: Signature, created: JetTime, random: Random): Map<string, Uint8Array> {
	const files = new Map<string, Uint8Array>();
	for (let generation = 1; generation < generations; generation++) {
		files.set(logFileName(generation), logFile(generation, signLog, created, random));
	}
	files.set('JET.LOG', logFile(generations, signLog, created, random));
	return files;
}

/** JET.CHK: Jet 500's checkpoint, naming the log generation recovery starts from (and its shadow copy). */
export function checkpointFile(generation: number, signLog: Signature): Uint8Array {
	return checkpointPages({generation, signLog});
}

/**
 * A patch file (.PAT) written by an online backup: a header like its database's and its shadow, then
 * copies of pages the engine wrote during the backup, each carrying its own number (`ErrLGPatchDatabase`
 * places them by that number): here, the first written page of `database`, as it was.
 */
export function patchFile(identity: JetIdentity, database: Uint8Array): Uint8Array {
	const file = new Uint8Array(3 * PAGE_SIZE_DEFAULT);
	const header = databaseHeaderPage({signDb: identity.signDb, signLog: identity.signLog});
	file.set(header, 0);
	file.set(header, PAGE_SIZE_DEFAULT);
	const first = JET500_RESERVED_PAGES * PAGE_SIZE_DEFAULT;
	file.set(database.subarray(first, first + PAGE_SIZE_DEFAULT), first);
	return file;
}
