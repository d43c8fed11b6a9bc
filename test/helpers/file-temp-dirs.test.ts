/** Folders for tests side by side: one test's end leaves the other's folder in place; the file's end removes both. */
import {existsSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {folderPerTest} from './file-temp-dirs.js';

const made: string[] = [];
// Registered before folderPerTest's own afterAll, so it runs after it (vitest runs after-hooks last registered first).
afterAll(() => {
	expect(made).toHaveLength(2);
	for (const dir of made) expect(existsSync(dir), dir).toBe(false);
});
const folder = folderPerTest('dsmn-file-dirs-');

let firstEnded: () => void;
const firstHasEnded = new Promise<void>(resolve => (firstEnded = resolve));
let secondMade: () => void;
const secondHasMade = new Promise<void>(resolve => (secondMade = resolve));

describe.concurrent('folders per test, removed after the file', () => {
	it('a test that ends first', async ({expect, onTestFinished}) => {
		onTestFinished(() => firstEnded());
		const dir = await folder();
		made.push(dir);
		expect(existsSync(dir)).toBe(true);
		// It ends only once the other test has made its folder.
		await secondHasMade;
	});

	it('a test still running when the other has ended keeps its folder', async ({expect}) => {
		const dir = await folder();
		made.push(dir);
		await writeFile(join(dir, 'kept'), 'x');
		secondMade();
		await firstHasEnded;
		expect(existsSync(join(dir, 'kept'))).toBe(true);
	});
});
