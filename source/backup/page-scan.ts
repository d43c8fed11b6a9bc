/**
 * Reads a database or patch file once, start to end, and verifies every page on the way
 * (`jet/verify-pages.ts`; ARCHITECTURE.md, "Validation rules"). One buffer of a fixed size, reused:
 * memory does not grow with the file. Synchronous reads, as `inspect-file.ts` does (a thread-pool hop
 * per read costs more than the read on a busy machine), yielding to the event loop every few MiB so a
 * wizard's screen stays alive, and reporting progress (bytes done) there.
 */
import {closeSync, openSync, readSync} from 'node:fs';
import {setImmediate as yieldToLoop} from 'node:timers/promises';
import {pageSummer} from '../jet/page-sum.js';
import {PageVerifier, type PageFileKind, type PageScan} from '../jet/verify-pages.js';

const CHUNK = 1024 * 1024;
const READS_PER_YIELD = 16;

export type ScanProgress = (bytesDone: number) => void;

export async function scanPages(path: string, kind: PageFileKind, onProgress?: ScanProgress): Promise<PageScan> {
	const verifier = new PageVerifier(kind);
	// Read straight into the WebAssembly summer's memory: the pages are summed where they land, no copy.
	// Each read is pushed before the next await, so the shared buffer is never overwritten under a scan.
	const buffer = pageSummer()?.input ?? new Uint8Array(CHUNK);
	const fd = openSync(path, 'r');
	try {
		let done = 0;
		for (let reads = 1; ; reads++) {
			const bytesRead = readSync(fd, buffer, 0, buffer.byteLength, done);
			if (bytesRead === 0) break;
			verifier.push(buffer.subarray(0, bytesRead));
			done += bytesRead;
			if (reads % READS_PER_YIELD === 0) {
				onProgress?.(done);
				await yieldToLoop();
			}
		}
		onProgress?.(done);
	} finally {
		closeSync(fd);
	}
	return verifier.finish();
}
