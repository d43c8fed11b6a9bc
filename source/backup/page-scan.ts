/**
 * Reads a database or patch file once, start to end, and verifies every page on the way
 * (`jet/verify-pages.ts`; ARCHITECTURE.md, "Validation rules"). One buffer of a fixed size, reused:
 * memory does not grow with the file. Reports progress (bytes done, of the file's size) between reads.
 */
import {open} from 'node:fs/promises';
import {PageVerifier, type PageFileKind, type PageScan} from '../jet/verify-pages.js';

const CHUNK = 1024 * 1024;

export type ScanProgress = (bytesDone: number) => void;

export async function scanPages(path: string, kind: PageFileKind, onProgress?: ScanProgress): Promise<PageScan> {
	const verifier = new PageVerifier(kind);
	const buffer = new Uint8Array(CHUNK);
	const handle = await open(path, 'r');
	try {
		let done = 0;
		for (;;) {
			const {bytesRead} = await handle.read(buffer, 0, CHUNK, done);
			if (bytesRead === 0) break;
			verifier.push(buffer.subarray(0, bytesRead));
			done += bytesRead;
			onProgress?.(done);
		}
	} finally {
		await handle.close();
	}
	return verifier.finish();
}
