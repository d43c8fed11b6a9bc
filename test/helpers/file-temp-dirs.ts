/**
 * Temporary folders for tests that run side by side (`describe.concurrent`): each test makes its own, and
 * every one is removed after the file. tempDir (test/helpers/temp-dirs.ts) cannot serve them: it removes
 * every folder made in the file when any one test ends, so a test would lose its folder while another
 * still runs in it.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll} from 'vitest';

/**
 * Call at the top of a test file (it registers the file's afterAll): returns a maker of fresh folders,
 * each named `prefix` and a random tail, all removed once the file's tests have ended.
 */
export function folderPerTest(prefix = 'dsmn-test-'): () => Promise<string> {
	const made: string[] = [];
	afterAll(async () => {
		await Promise.all(made.splice(0).map(dir => rm(dir, {recursive: true, force: true})));
	});
	return async () => {
		const dir = await mkdtemp(join(tmpdir(), prefix));
		made.push(dir);
		return dir;
	};
}
