import {pageIsIntact} from './checksum.js';
import {ACCESS_MAGIC, DB_MAGIC, DatabaseHeader, LogHeader, PAGE_SIZE_DEFAULT, databaseStateName} from './layout.js';
import {SIGNATURE_LENGTH, signatureHex} from './signature.js';

/** What the first page of a database file says about it. Pure: give it the bytes read from the file's start. */
export type DatabaseHeaderInfo =
	| {
			kind: 'jet500';
			formatVersion: number;
			formatRevision: number;
			state: number;
			stateName: string;
			signLog: string;
			pageSize: number;
			checksumOk: boolean;
	  }
	| {kind: 'access'}
	| {kind: 'all-zero'}
	| {kind: 'legacy'}
	| {kind: 'unrecognised'}
	| {kind: 'too-short'; length: number};

/** Bytes to read from a database's start to identify it: one default page. */
export const DATABASE_HEADER_BYTES = PAGE_SIZE_DEFAULT;

export function readDatabaseHeader(head: Uint8Array): DatabaseHeaderInfo {
	if (head.byteLength >= ACCESS_MAGIC.length && Buffer.from(head.subarray(0, ACCESS_MAGIC.length)).equals(ACCESS_MAGIC)) {
		return {kind: 'access'};
	}
	if (head.every(b => b === 0)) return {kind: 'all-zero'};
	if (head.byteLength < DatabaseHeader.pageSize + 4) return {kind: 'too-short', length: head.byteLength};
	const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
	if (view.getUint32(DatabaseHeader.magic, true) === DB_MAGIC) {
		const state = view.getUint32(DatabaseHeader.state, true);
		const rawPageSize = view.getUint32(DatabaseHeader.pageSize, true);
		const pageSize = rawPageSize === 0 ? PAGE_SIZE_DEFAULT : rawPageSize;
		return {
			kind: 'jet500',
			formatVersion: view.getUint32(DatabaseHeader.formatVersion, true),
			formatRevision: view.getUint32(DatabaseHeader.formatRevision, true),
			state,
			stateName: databaseStateName[state] ?? `unknown state ${state}`,
			signLog: signatureHex(head.subarray(DatabaseHeader.signLog, DatabaseHeader.signLog + SIGNATURE_LENGTH)),
			pageSize,
			checksumOk: head.byteLength >= pageSize ? pageIsIntact(head.subarray(0, pageSize)) : true,
		};
	}
	// JET 200/400 have no header page: their page 0 is an ordinary page, whose first word is the
	// XOR checksum of the rest. That is the one thing we can recognise without guessing.
	if (head.byteLength >= PAGE_SIZE_DEFAULT && pageIsIntact(head.subarray(0, PAGE_SIZE_DEFAULT))) return {kind: 'legacy'};
	return {kind: 'unrecognised'};
}

export type LogHeaderInfo =
	| {kind: 'jet500'; generation: number; signLog: string; checksumOk: boolean}
	| {kind: 'all-zero'}
	| {kind: 'too-short'; length: number};

export const LOG_HEADER_BYTES = PAGE_SIZE_DEFAULT;

export function readLogHeader(head: Uint8Array): LogHeaderInfo {
	if (head.byteLength < LogHeader.signLog + SIGNATURE_LENGTH) return {kind: 'too-short', length: head.byteLength};
	if (head.every(b => b === 0)) return {kind: 'all-zero'};
	const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
	return {
		kind: 'jet500',
		generation: view.getUint32(LogHeader.generation, true),
		signLog: signatureHex(head.subarray(LogHeader.signLog, LogHeader.signLog + SIGNATURE_LENGTH)),
		checksumOk: head.byteLength >= PAGE_SIZE_DEFAULT ? pageIsIntact(head.subarray(0, PAGE_SIZE_DEFAULT)) : true,
	};
}

/** "0x500" — how format versions are written in the ESE source and in eseutil's output. */
export function formatVersionText(version: number): string {
	return `0x${version.toString(16)}`;
}
