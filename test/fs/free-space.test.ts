import type {statfs} from 'node:fs/promises';
import {describe, expect, it} from 'vitest';
import {freeBytes} from '../../source/fs/free-space.js';

const volume = (blocks: number, bavail: number) =>
	(async () => ({type: 0, bsize: 4096, blocks, bfree: bavail, bavail, files: 0, ffree: 0})) as unknown as typeof statfs;

describe('freeBytes', () => {
	it('measures what an unprivileged writer may use', async () => {
		expect(await freeBytes('/x', volume(1000, 10))).toBe(40960);
	});

	it('takes a volume that reports no size at all (a FUSE share: 0 blocks, 0 free) as unknown, not full', async () => {
		expect(await freeBytes('/x', volume(0, 0))).toBeUndefined();
	});

	it('is unknown where it cannot be measured', async () => {
		expect(await freeBytes('/does/not/exist')).toBeUndefined();
	});
});
