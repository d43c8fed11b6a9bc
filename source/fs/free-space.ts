import {statfs} from 'node:fs/promises';

/** Bytes an unprivileged writer may still use on the volume holding this path; undefined where it cannot be measured (some shares). */
export async function freeBytes(path: string): Promise<number | undefined> {
	try {
		const fs = await statfs(path);
		return fs.bavail * fs.bsize;
	} catch {
		return undefined;
	}
}
