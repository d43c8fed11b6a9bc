/** SYNCAGNT on a local disk (the lab, this machine, a mounted share): DatabaseFiles through node:fs. */
import {mkdir, open, readdir, readFile, rename, rm, rmdir, stat} from 'node:fs/promises';
import {join} from 'node:path';
import type {DatabaseFiles, FileFacts} from './capabilities.js';
import {syncFolder, writeFileAtomic} from '../fs/atomic-write.js';
import {copyVerified, digestFile} from '../fs/copy-verified.js';
import {freeBytes} from '../fs/free-space.js';

export class LocalFiles implements DatabaseFiles {
	readonly access = 'a folder of this machine, or a share mounted here';
	readonly verification = "flushed to disk, read back and compared by SHA-256 (the read-back may come from the system's cache)";

	join(folder: string, name: string): string {
		return join(folder, name);
	}

	list(folder: string): Promise<string[]> {
		return readdir(folder);
	}

	async stat(path: string): Promise<FileFacts | undefined> {
		try {
			const info = await stat(path);
			return {size: info.size, mtimeMs: info.mtimeMs};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
			throw error;
		}
	}

	async mkdir(folder: string): Promise<void> {
		await mkdir(folder, {recursive: true});
	}

	async createFolder(folder: string): Promise<void> {
		await mkdir(folder);
	}

	async removeFolder(folder: string): Promise<void> {
		try {
			await rmdir(folder);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
	}

	writeText(path: string, text: string): Promise<void> {
		return writeFileAtomic(path, text);
	}

	async readText(path: string): Promise<string | undefined> {
		try {
			return await readFile(path, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
			throw error;
		}
	}

	async rename(from: string, to: string): Promise<void> {
		if (await this.stat(to)) throw Object.assign(new Error(`${to} already exists: refusing to replace it`), {code: 'EEXIST'});
		await rename(from, to);
	}

	async touch(path: string): Promise<void> {
		const handle = await open(path, 'wx');
		await handle.close();
	}

	remove(path: string): Promise<void> {
		return rm(path, {force: true});
	}

	digest(path: string, signal?: AbortSignal) {
		return digestFile(path, signal);
	}

	copyIn(localSource: string, destination: string, options: Parameters<DatabaseFiles['copyIn']>[2] = {}) {
		return copyVerified(localSource, destination, options);
	}

	freeBytes(folder: string): Promise<number | undefined> {
		return freeBytes(folder);
	}

	flush(folder: string): Promise<void> {
		return syncFolder(folder);
	}

	async sameVolume(a: string, b: string): Promise<boolean | undefined> {
		try {
			const [first, second] = await Promise.all([stat(a), stat(b)]);
			return first.dev === second.dev;
		} catch {
			return undefined;
		}
	}
}
