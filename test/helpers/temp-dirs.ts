/**
 * Temporary folders for tests, removed after each test by test/helpers/cleanup.ts (a vitest setup file,
 * so the removal happens in every test file, also where test files share a worker without isolation).
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const made: string[] = [];

/** A fresh temporary folder, removed after the test. */
export async function tempDir(prefix = 'dsmn-test-'): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), prefix));
	made.push(dir);
	return dir;
}

/** Removes every folder `tempDir` made since the last call. */
export async function removeTempDirs(): Promise<void> {
	await Promise.all(made.splice(0).map(dir => rm(dir, {recursive: true, force: true})));
}
