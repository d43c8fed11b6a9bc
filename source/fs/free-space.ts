import {statfs} from 'node:fs/promises';

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
