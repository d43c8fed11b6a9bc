/** The JET files of the lab's SYNCAGNT folder and backup: databases, logs, checkpoint, reserve logs, patch file. */
import {sealPage} from '../jet/checksum.js';
import {JET500_MIN_DATABASE_BYTES, PAGE_SIZE_DEFAULT} from '../jet/layout.js';
import {logFileName} from '../jet/log-names.js';
import type {JetTime, Signature} from '../jet/signature.js';
import {checkpointPages, databaseHeaderPage, logHeaderPage} from '../jet/write-header.js';
import type {Random} from './random.js';

/** Jet 500 on NT 4.0 writes log files of 1 MiB. */
const LOG_FILE_SIZE = 1024 * 1024;

export type JetIdentity = {signDb: Signature; signLog: Signature};

export function systemDatabase(identity: JetIdentity, random: Random): Uint8Array {
	// As small as Jet 500 makes a database: header, shadow header and the 16-page primary extent.
	const file = new Uint8Array(JET500_MIN_DATABASE_BYTES);
	const header = databaseHeaderPage({signDb: {...identity.signDb, random: identity.signDb.random ^ 0x5151}, signLog: identity.signLog});
	file.set(header, 0);
	file.set(header, PAGE_SIZE_DEFAULT);
	for (let pgno = 2; pgno < 4; pgno++) {
		const page = file.subarray(pgno * PAGE_SIZE_DEFAULT, (pgno + 1) * PAGE_SIZE_DEFAULT);
		new DataView(page.buffer, page.byteOffset).setUint32(4, pgno, true);
		page.set(new TextEncoder().encode('SYST'), 8);
		for (let i = 16; i < 400; i++) page[i] = random.int(0, 255);
		sealPage(page);
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

/** A patch file (.PAT) written by an online backup: a header like its database's, then the patched pages. */
export function patchFile(identity: JetIdentity, random: Random): Uint8Array {
	const file = new Uint8Array(2 * PAGE_SIZE_DEFAULT);
	file.set(databaseHeaderPage({signDb: identity.signDb, signLog: identity.signLog}), 0);
	for (let i = PAGE_SIZE_DEFAULT + 16; i < PAGE_SIZE_DEFAULT + 512; i++) file[i] = random.int(0, 255);
	sealPage(file.subarray(PAGE_SIZE_DEFAULT));
	return file;
}
