/**
 * Copies one file so that the destination is either absent or complete and verified: streamed through
 * a temporary name in the destination folder, flushed to disk, read back and compared by SHA-256 with
 * the source, then renamed into place. Memory stays flat whatever the file's size.
 */
import {createHash} from 'node:crypto';
import {open, rename, rm, stat} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {HintedError} from '../errors/hinted-error.js';
import {syncFolder} from './atomic-write.js';

const CHUNK = 1024 * 1024;

export type CopyProgress = (bytesDone: number) => void;

export class CopyVerifyError extends Error {}

export function temporaryName(destination: string): string {
	return join(dirname(destination), `.${basename(destination)}.dsmn-copy`);
}

/** Each chunk of the copy as it is read back, in order (the page verifier of a database: backup/read-back-pages.ts). */
export type ReadBackListener = (chunk: Uint8Array) => void;

async function hashFile(path: string, buffer: Buffer, signal?: AbortSignal, onChunk?: ReadBackListener): Promise<string> {
	const hash = createHash('sha256');
	const handle = await open(path, 'r');
	try {
		for (;;) {
			signal?.throwIfAborted();
			const {bytesRead} = await handle.read(buffer, 0, buffer.length, null);
			if (bytesRead === 0) break;
			hash.update(buffer.subarray(0, bytesRead));
			onChunk?.(buffer.subarray(0, bytesRead));
		}
	} finally {
		await handle.close();
	}
	return hash.digest('hex');
}

export type CopyResult = {size: number; sha256: string};

/** A file's size and SHA-256. */
export async function digestFile(path: string, signal?: AbortSignal): Promise<CopyResult> {
	const info = await stat(path);
	return {size: info.size, sha256: await hashFile(path, Buffer.allocUnsafe(CHUNK), signal)};
}

/** The source's bytes are not the ones that were validated: nothing was put in place. */
export class SourceChangedError extends HintedError {
	declare readonly hint: string;
	constructor(
		readonly file: string,
		expected: CopyResult,
		found: CopyResult,
	) {
		super(
			`${file} changed after it was validated (${found.size === expected.size ? 'same size, other bytes' : `${expected.size} bytes then, ${found.size} now`}): it was not copied`,
			'nothing of it was put in place; find out who changed the backup, then validate it again (leave and start a new run), or roll back',
		);
	}
}

export async function copyVerified(
	source: string,
	destination: string,
	options: {onProgress?: CopyProgress; signal?: AbortSignal; expect?: CopyResult; beforeRename?: () => Promise<void>; readBack?: ReadBackListener} = {},
): Promise<CopyResult> {
	const temporary = temporaryName(destination);
	const buffer = Buffer.allocUnsafe(CHUNK);
	const hash = createHash('sha256');
	let size = 0;
	const input = await open(source, 'r');
	try {
		const output = await open(temporary, 'w', 0o644);
		try {
			for (;;) {
				options.signal?.throwIfAborted();
				const {bytesRead} = await input.read(buffer, 0, CHUNK, null);
				if (bytesRead === 0) break;
				hash.update(buffer.subarray(0, bytesRead));
				let written = 0;
				while (written < bytesRead) {
					const {bytesWritten} = await output.write(buffer, written, bytesRead - written);
					written += bytesWritten;
				}
				size += bytesRead;
				options.onProgress?.(size);
			}
			await output.sync();
		} finally {
			await output.close();
		}
	} catch (error) {
		await rm(temporary, {force: true});
		throw error;
	} finally {
		await input.close();
	}
	const sourceHash = hash.digest('hex');
	if (options.expect && (options.expect.sha256 !== sourceHash || options.expect.size !== size)) {
		await rm(temporary, {force: true});
		throw new SourceChangedError(basename(source), options.expect, {size, sha256: sourceHash});
	}
	let copyHash: string;
	try {
		copyHash = await hashFile(temporary, buffer, options.signal, options.readBack);
	} catch (error) {
		await rm(temporary, {force: true});
		throw error;
	}
	if (copyHash !== sourceHash) {
		await rm(temporary, {force: true});
		throw new CopyVerifyError(
			`the copy of ${basename(source)} read back different from what was written (SHA-256 differs): the disk, its driver or the memory may be failing`,
		);
	}
	try {
		await options.beforeRename?.();
	} catch (error) {
		await rm(temporary, {force: true});
		throw error;
	}
	await rename(temporary, destination);
	await syncFolder(dirname(destination));
	return {size, sha256: sourceHash};
}
