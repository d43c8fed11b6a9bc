/**
 * Reads a database or patch file once, start to end, and verifies every page on the way
 * (`jet/verify-pages.ts`; ARCHITECTURE.md, "Validation rules"). Reading and summing overlap: DEPTH
 * positional reads of CHUNK bytes each are left in flight in libuv's thread pool while this thread sums
 * the chunk that arrived first, then asks for the next chunk into the buffer it has just finished with.
 * The buffers are fixed (DEPTH × CHUNK, in the WebAssembly summer's own memory, where the pages are summed
 * without a copy): memory does not grow with the file. Each chunk is awaited, so a wizard's screen stays
 * alive, and progress (bytes done) is reported as each one is judged.
 */
import {close, open, read} from 'node:fs';
import {promisify} from 'node:util';
import {ownPageSummer} from '../jet/page-sum.js';
import {PageVerifier, type PageFileKind, type PageScan} from '../jet/verify-pages.js';

/**
 * Measured on a cached 1 GiB (README, "Performance"): 1 MiB chunks, 3 in flight, were the fastest; 4 and
 * 16 MiB chunks were slower (a chunk summed soon after it was read is still in the processor's cache).
 */
export const SCAN_CHUNK = 1024 * 1024;
export const SCAN_DEPTH = 3;

const openFile = promisify(open);
const closeFile = promisify(close);
const readAt = promisify(read);

export type ScanProgress = (bytesDone: number) => void;

/** Fills `buffer` from `position` until it is full or the file ends (a read may return fewer bytes than asked): the bytes read. */
async function readFull(fd: number, buffer: Uint8Array, position: number): Promise<number> {
	let filled = 0;
	while (filled < buffer.byteLength) {
		const {bytesRead} = await readAt(fd, buffer, filled, buffer.byteLength - filled, position + filled);
		if (bytesRead === 0) break;
		filled += bytesRead;
	}
	return filled;
}

export async function scanPages(
	path: string,
	kind: PageFileKind,
	onProgress?: ScanProgress,
	{chunk = SCAN_CHUNK, depth = SCAN_DEPTH}: {chunk?: number; depth?: number} = {},
): Promise<PageScan> {
	// A summer of this scan's own: its buffers are filled while other code runs.
	const summer = ownPageSummer(chunk * depth);
	const verifier = new PageVerifier(kind, 20, summer);
	const memory = summer?.input ?? new Uint8Array(chunk * depth);
	const buffers = Array.from({length: depth}, (_, i) => memory.subarray(i * chunk, (i + 1) * chunk));
	const fd = await openFile(path, 'r');
	const inFlight: (Promise<number> | undefined)[] = [];
	try {
		let asked = 0;
		const ask = (slot: number) => {
			const p = readFull(fd, buffers[slot]!, asked);
			// Judged in order below; a failure of a read not yet awaited is reported there, not as unhandled.
			p.catch(() => undefined);
			inFlight[slot] = p;
			asked += chunk;
		};
		for (let slot = 0; slot < depth; slot++) ask(slot);
		let done = 0;
		for (let slot = 0; ; slot = (slot + 1) % depth) {
			const bytesRead = await inFlight[slot]!;
			inFlight[slot] = undefined;
			if (bytesRead > 0) verifier.push(buffers[slot]!.subarray(0, bytesRead));
			done += bytesRead;
			onProgress?.(done);
			if (bytesRead < chunk) break;
			ask(slot);
		}
	} finally {
		// The reads asked for past the end (or after a failure) finish before the file is closed.
		await Promise.allSettled(inFlight.filter((p): p is Promise<number> => p !== undefined));
		await closeFile(fd);
	}
	return verifier.finish();
}
