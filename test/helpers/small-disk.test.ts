/** A test that needs a small disk skips where none can be mounted, and says so; under CI it fails instead. */
import {describe, expect, it} from 'vitest';
import {smallDiskUnavailable} from './small-disk.js';

describe('smallDiskUnavailable', () => {
	it('says why and lets the test skip outside CI', () => {
		expect(smallDiskUnavailable('EPERM', {})).toContain('a small tmpfs cannot be mounted here (EPERM)');
	});

	it('throws under CI, naming the reason', () => {
		expect(() => smallDiskUnavailable('EPERM', {CI: 'true'})).toThrow(/cannot be mounted here \(EPERM\).*under CI this fails rather than skip/);
	});
});
