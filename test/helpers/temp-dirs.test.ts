/** Temporary folders: a test's own are gone after it; those made in a beforeAll last for the file's tests. */
import {existsSync} from 'node:fs';
import {beforeAll, describe, expect, it} from 'vitest';
import {tempDir} from './temp-dirs.js';

let shared: string;
let own: string;
beforeAll(async () => {
	shared = await tempDir();
});

describe('temporary folders', () => {
	it('a test makes its own', async () => {
		own = await tempDir();
		expect(existsSync(own)).toBe(true);
		expect(existsSync(shared)).toBe(true);
	});

	it('after it, that one is gone; the one made for the file is still there', () => {
		expect(existsSync(own)).toBe(false);
		expect(existsSync(shared)).toBe(true);
	});
});
