/** Hashing a local file while it is copied: the private copy smbclient sends (smb-files.ts). */
import {createHash} from 'node:crypto';
import {createReadStream, createWriteStream} from 'node:fs';
import {pipeline} from 'node:stream/promises';
import type {FileDigest} from '../capabilities.js';

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
