import {randomBytes} from 'node:crypto';
import {open, rename, rm} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';

/**
 * Writes a file so that a crash leaves either the old content or the new, never a mix:
 * a temporary name in the same folder, flushed, then renamed over the target, then the folder flushed.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
	const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
	const handle = await open(temporary, 'wx', mode);
	try {
		await handle.writeFile(data);
		await handle.sync();
	} catch (error) {
		await handle.close();
		await rm(temporary, {force: true});
		throw error;
	}
	await handle.close();
	await rename(temporary, path);
	await syncFolder(dirname(path));
}

/** Flushes a folder's entries (renames, creations) to disk. Not possible on Windows; harmless to skip there. */
export async function syncFolder(path: string): Promise<void> {
	if (process.platform === 'win32') return;
	const handle = await open(path, 'r');
	try {
		await handle.sync();
	} finally {
		await handle.close();
	}
}
