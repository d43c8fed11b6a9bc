import {statfs} from 'node:fs/promises';
import {formatBytes} from '../text/format.js';

/**
 * Bytes an unprivileged writer may still use on the volume holding this path; undefined where it cannot
 * be measured: statfs fails (some shares), or the volume reports no size at all (a FUSE share such as
 * smbnetfs says 0 blocks of 0 free), which is unknown, not full.
 */
export async function freeBytes(path: string, measure: typeof statfs = statfs): Promise<number | undefined> {
	try {
		const fs = await measure(path);
		if (fs.blocks === 0) return undefined;
		return fs.bavail * fs.bsize;
	} catch {
		return undefined;
	}
}

/**
 * Whether a copy of `needed` bytes fits in `free`, compared in exact bytes, and words that make the
 * verdict evident: both amounts and the margin (rounded amounts alone can read the wrong way round).
 */
export function spaceVerdict(free: number, needed: number): {fits: boolean; text: string} {
	const fits = free > needed;
	const margin = fits ? `${formatBytes(free - needed)} to spare` : free === needed ? 'not a byte to spare' : `${formatBytes(needed - free)} short`;
	return {fits, text: `${formatBytes(free)} free, ${formatBytes(needed)} needed for the copy: ${margin}`};
}
