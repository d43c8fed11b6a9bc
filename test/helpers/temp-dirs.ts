/**
 * Temporary folders for tests, removed by test/helpers/cleanup.ts (a vitest setup file, so the removal
 * happens in every test file, also where test files share a worker without isolation): a folder made
 * during a test (its beforeEach included) after that test; one made outside a test (a beforeAll that
 * prepares what several tests read) after the file.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const madeInTest: string[] = [];
const madeForFile: string[] = [];
let inTest = false;

/** A fresh temporary folder, removed after the test, or after the file when made outside a test. */
export async function tempDir(prefix = 'dsmn-test-'): Promise<string> {
	const list = inTest ? madeInTest : madeForFile;
	const dir = await mkdtemp(join(tmpdir(), prefix));
	list.push(dir);
	return dir;
}

async function remove(dirs: string[]): Promise<void> {
	await Promise.all(dirs.splice(0).map(dir => rm(dir, {recursive: true, force: true})));
}

/** A test begins: the folders made from now on are the test's own. */
export function testBegins(): void {
	inTest = true;
}

/** Removes every folder made during the test that has just ended. */
export async function removeTempDirs(): Promise<void> {
	inTest = false;
	await remove(madeInTest);
}

/** Removes the folders made outside the tests of the file that has just ended. */
export async function removeFileTempDirs(): Promise<void> {
	await remove(madeForFile);
}
