/**
 * The private folders smbclient's transfers go through (smb-files.ts): named with the process id, so
 * that a later run removes those of a run killed mid-copy (ARCHITECTURE.md, "Targets").
 */
import {readdir, rm} from 'node:fs/promises';
import {join} from 'node:path';

export const PRIVATE_PREFIX = 'dsmn-resync-smb-';

/**
 * The private folders of earlier runs whose process is gone (SIGKILLed mid-copy: the outgoing copy and the
 * read-back are left there): removed. A folder of a process that still runs is never touched.
 */
export async function removeDeadPrivateFolders(parent: string): Promise<string[]> {
	const removed: string[] = [];
	for (const name of await readdir(parent).catch(() => [] as string[])) {
		const pid = new RegExp(`^${PRIVATE_PREFIX}(\\d+)-`).exec(name)?.[1];
		if (!pid || Number(pid) === process.pid) continue;
		try {
			process.kill(Number(pid), 0);
			continue; // its process still runs
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ESRCH') continue;
		}
		await rm(join(parent, name), {recursive: true, force: true});
		removed.push(name);
	}
	return removed;
}
