import {describe, expect, it} from 'vitest';
import {BUILD_INFO, describeBuild} from '../source/build-info.js';

describe('the build an administrator reports (--version, a journal’s first line)', () => {
	it('names the version, the commit and the date of the build', () => {
		expect(describeBuild({version: '0.1.0', commit: '5a77ead2e6a3', built: '2026-12-06T13:40:00Z'})).toBe(
			'dsmn-resync 0.1.0 (commit 5a77ead2e6a3, built 2026-12-06T13:40:00Z)',
		);
		expect(describeBuild({version: '0.1.0', commit: '5a77ead2e6a3-modified', built: '2026-12-06T13:40:00Z'})).toContain('commit 5a77ead2e6a3-modified');
	});

	it('says so when the build had no git, or when this is not a build at all', () => {
		expect(describeBuild({version: '0.1.0', commit: null, built: '2026-12-06T13:40:00Z'})).toBe(
			'dsmn-resync 0.1.0 (commit unknown: built without git, built 2026-12-06T13:40:00Z)',
		);
		// The tests run the source, where scripts/build.js baked nothing in.
		expect(BUILD_INFO).toEqual({version: '0.0.0-source', commit: null, built: null});
		expect(describeBuild()).toBe('dsmn-resync 0.0.0-source (run from source: not a build)');
	});
});
