import {pageIsIntact, type ChecksumAlgorithm} from './checksum.js';
import {
	ACCESS_MAGIC,
	ACE_MAGIC,
	DB_MAGIC,
	ESE97_VERSION,
	EseDatabaseHeader,
	EseLogHeader,
	JET500_PREV_VERSION,
	JET500_VERSION,
	Jet500Checkpoint,
	Jet500DatabaseHeader,
	Jet500LogHeader,
	PAGE_SIZE_DEFAULT,
	databaseStateName,
	type JetLayout,
} from './layout.js';
import {SIGNATURE_LENGTH, decodeJetTime, signatureHex, type JetTime} from './signature.js';

/**
 * What the first page of a database file says about it. Pure: give it the bytes read from the file's start.
 *
 * `kind: 'jet500'` is a JET "Blue" database header of Jet 500 or of its successor ESE; `layout` says
 * which struct it was read with, chosen by the format version at offset 8 (0x500: Jet 500's; 0x620 and
 * up: ESE's). `checksumOk` is undefined when the checksum could not be checked (fewer bytes than the page).
 */
export type DatabaseHeaderInfo =
	| {
			kind: 'jet500';
			layout: JetLayout;
			formatVersion: number;
			/** ESE's format update within the version; Jet 500's header has none. */
			formatRevision?: number;
			state: number;
			stateName: string;
			signDb: string;
			signLog: string;
			pageSize: number;
			checksumOk?: boolean | undefined;
	  }
	| {kind: 'access'; engine: 'jet-red' | 'ace'}
	| {kind: 'all-zero'}
	| {kind: 'legacy'}
	| {kind: 'unrecognised'; formatVersion?: number}
	| {kind: 'too-short'; length: number};

/** Bytes to read from a database's start to identify it: one default page. */
export const DATABASE_HEADER_BYTES = PAGE_SIZE_DEFAULT;

/** Which layout a database header's format version (offset 8) calls for, if any. */
function databaseLayoutOf(version: number): JetLayout | undefined {
	// 0x400 (`ulDAEPrevVersion`) has Jet 500's struct, and Jet 500 opens it (ARCHITECTURE.md, "JET page and header layouts").
	if (version === JET500_VERSION || version === JET500_PREV_VERSION) return 'jet500';
	if (version >= ESE97_VERSION) return 'ese97';
	return undefined;
}

function checksumOf(head: Uint8Array, size: number, algorithm: ChecksumAlgorithm): boolean | undefined {
	return head.byteLength >= size ? pageIsIntact(head.subarray(0, size), algorithm) : undefined;
}

function signatureAt(head: Uint8Array, offset: number): string {
	return signatureHex(head.subarray(offset, offset + SIGNATURE_LENGTH));
}

export function readDatabaseHeader(head: Uint8Array): DatabaseHeaderInfo {
	if (head.byteLength >= ACCESS_MAGIC.length) {
		const start = Buffer.from(head.subarray(0, ACCESS_MAGIC.length));
		if (start.equals(ACCESS_MAGIC)) return {kind: 'access', engine: 'jet-red'};
		if (start.equals(ACE_MAGIC)) return {kind: 'access', engine: 'ace'};
	}
	if (head.every(b => b === 0)) return {kind: 'all-zero'};
	// A JET header page is one whole page: a file shorter than that was cut off.
	if (head.byteLength < PAGE_SIZE_DEFAULT) return {kind: 'too-short', length: head.byteLength};
	const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
	if (view.getUint32(Jet500DatabaseHeader.magic, true) === DB_MAGIC) {
		const formatVersion = view.getUint32(Jet500DatabaseHeader.version, true);
		const layout = databaseLayoutOf(formatVersion);
		if (layout === 'jet500') {
			const H = Jet500DatabaseHeader;
			const state = view.getUint32(H.state, true);
			return {
				kind: 'jet500',
				layout,
				formatVersion,
				state,
				stateName: databaseStateName[state] ?? `unknown state ${state}`,
				signDb: signatureAt(head, H.signDb),
				signLog: signatureAt(head, H.signLog),
				pageSize: PAGE_SIZE_DEFAULT,
				checksumOk: checksumOf(head, PAGE_SIZE_DEFAULT, 'jet500'),
			};
		}
		if (layout === 'ese97') {
			const H = EseDatabaseHeader;
			const state = view.getUint32(H.state, true);
			const rawPageSize = view.getUint32(H.pageSize, true);
			const pageSize = rawPageSize === 0 ? PAGE_SIZE_DEFAULT : rawPageSize;
			return {
				kind: 'jet500',
				layout,
				formatVersion,
				formatRevision: view.getUint32(H.update, true),
				state,
				stateName: databaseStateName[state] ?? `unknown state ${state}`,
				signDb: signatureAt(head, H.signDb),
				signLog: signatureAt(head, H.signLog),
				pageSize,
				checksumOk: checksumOf(head, pageSize, 'ese'),
			};
		}
		// The magic of JET Blue, but a version whose layout is not known here: say so, do not guess.
		return {kind: 'unrecognised', formatVersion};
	}
	// The JET 200 format has no header page: its first page is an ordinary page sealed with that
	// engine's page checksum. That is the one thing recognisable without guessing.
	if (pageIsIntact(head.subarray(0, PAGE_SIZE_DEFAULT), 'jet200')) return {kind: 'legacy'};
	return {kind: 'unrecognised'};
}

/**
 * What a log file's header says. Log headers carry no format version: the generation (4) and the
 * signLog (44) are at the same offsets in Jet 500's and ESE's header, and `layout` is the engine
 * whose checksum the header carries ('unknown' when neither matches, or the header is shorter than
 * 4096 bytes).
 */
export type LogHeaderInfo =
	| {kind: 'jet500'; layout: JetLayout | 'unknown'; generation: number; signLog: string; created?: JetTime; checksumOk?: boolean | undefined}
	| {kind: 'all-zero'}
	| {kind: 'too-short'; length: number};

const LOG_HEADER_BYTES = PAGE_SIZE_DEFAULT;

export function readLogHeader(head: Uint8Array): LogHeaderInfo {
	if (head.byteLength < Jet500LogHeader.signLog + SIGNATURE_LENGTH) return {kind: 'too-short', length: head.byteLength};
	if (head.every(b => b === 0)) return {kind: 'all-zero'};
	const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
	const whole = head.byteLength >= LOG_HEADER_BYTES;
	const page = head.subarray(0, LOG_HEADER_BYTES);
	const layout: JetLayout | 'unknown' = !whole ? 'unknown' : pageIsIntact(page, 'jet500') ? 'jet500' : pageIsIntact(page, 'ese') ? 'ese97' : 'unknown';
	const createdAt = layout === 'ese97' ? EseLogHeader.created : Jet500LogHeader.created;
	const created = layout === 'unknown' ? undefined : decodeJetTime(head.subarray(createdAt, createdAt + 8));
	return {
		kind: 'jet500',
		layout,
		generation: view.getInt32(Jet500LogHeader.generation, true),
		signLog: signatureAt(head, Jet500LogHeader.signLog),
		...(created ? {created} : {}),
		...(whole ? {checksumOk: layout !== 'unknown'} : {}),
	};
}

/** The log generation a Jet 500 checkpoint (JET.CHK) names, or undefined if the file is too short to say. */
export function checkpointGeneration(bytes: Uint8Array): number | undefined {
	if (bytes.byteLength < Jet500Checkpoint.generation + 4) return undefined;
	return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(Jet500Checkpoint.generation, true);
}

/** "0x500" — how format versions are written in the ESE source and in eseutil's output. */
export function formatVersionText(version: number): string {
	return `0x${version.toString(16)}`;
}
