/** Hashing a local file while it is read or copied: the private copies smbclient reads and writes (smb-files.ts). */
import {createHash} from 'node:crypto';
import {createReadStream, createWriteStream} from 'node:fs';
import {stat} from 'node:fs/promises';
import {pipeline} from 'node:stream/promises';
import type {FileDigest} from '../capabilities.js';

export async function hashLocal(path: string, onChunk?: (chunk: Uint8Array) => void): Promise<FileDigest> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) {
		hash.update(chunk as Buffer);
		onChunk?.(chunk as Buffer);
	}
	return {size: (await stat(path)).size, sha256: hash.digest('hex')};
}

/** Copies a local file to a private one, hashing what was read. */
export async function copyHashing(source: string, destination: string, signal?: AbortSignal): Promise<FileDigest> {
	const hash = createHash('sha256');
	let size = 0;
	async function* hashing(chunks: AsyncIterable<Buffer>) {
		for await (const chunk of chunks) {
			hash.update(chunk);
			size += chunk.length;
			yield chunk;
		}
	}
	await pipeline(createReadStream(source), hashing, createWriteStream(destination, {mode: 0o600}), signal ? {signal} : {});
	return {size, sha256: hash.digest('hex')};
}
