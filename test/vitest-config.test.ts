/**
 * The two suites of vitest.config.ts: every test file runs in `npm test` or in `npm run test:slow`, never in
 * neither (a file no project includes is never run, and nothing says so) and never in both, save the sampled
 * files, which read DSMN_TEST_SUITE to run a smaller sample in `npm test`. The files are found as vitest finds
 * them: each project's include globs without its exclude globs, from the repository's root.
 */
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import fg from 'fast-glob';
import {describe, expect, it} from 'vitest';
import {SAMPLED, SLOW_SUITE, startOrder, suiteProjects} from '../vitest.config.js';
import {WHOLE_ONLY} from './helpers/suite.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Each project's files, as vitest collects them. */
function projectFiles(slow: boolean): {name: string; files: string[]}[] {
	return suiteProjects(slow).map(project => {
		const {name, include, exclude} = project.test as {name: string; include: string[]; exclude?: string[]};
		return {name, files: fg.sync(include, {cwd: root, ignore: exclude ?? []})};
	});
}

/** Everything under test/ named as a test file, whatever its extension (a .test.js would be in no suite). */
const testFiles = fg.sync(['test/**/*.{test,spec}.*'], {cwd: root}).sort();

describe('the suites of vitest.config.ts', () => {
	const fast = projectFiles(false);
	const slow = projectFiles(true);
	const inFast = new Set(fast.flatMap(project => project.files));
	const inSlow = new Set(slow.flatMap(project => project.files));

	it('finds the test files (the check below is not vacuous)', () => {
		expect(testFiles.length).toBeGreaterThan(100);
		expect(inFast.size).toBeGreaterThan(100);
		expect(inSlow.size).toBeGreaterThan(5);
	});

	it('runs every test file in npm test or in test:slow, and in both only the sampled files', () => {
		const neither = testFiles.filter(file => !inFast.has(file) && !inSlow.has(file));
		const both = testFiles.filter(file => inFast.has(file) && inSlow.has(file));
		expect(neither, 'in no suite: name it *.test.ts(x), or list it in SLOW_SUITE').toEqual([]);
		expect(both.sort()).toEqual([...SAMPLED].sort());
	});

	it('a sampled file reads DSMN_TEST_SUITE or is in WHOLE_ONLY (else it would run the same tests twice)', () => {
		for (const file of SAMPLED.filter(f => !(f in WHOLE_ONLY))) expect(readFileSync(`${root}/${file}`, 'utf8'), file).toContain('DSMN_TEST_SUITE');
	});

	it('leaves tests to test:slow only in files that test:slow runs (WHOLE_ONLY names sampled files only)', () => {
		expect(Object.keys(WHOLE_ONLY).length).toBeGreaterThan(0);
		expect(Object.keys(WHOLE_ONLY).filter(file => !SAMPLED.includes(file) || !inSlow.has(file))).toEqual([]);
	});

	it('names no slow file that does not exist (a renamed file would move back to npm test unseen)', () => {
		expect(SLOW_SUITE.filter(file => !testFiles.includes(file))).toEqual([]);
	});

	it('runs each file of npm test in one project only (not twice, once shared and once isolated)', () => {
		const seen = fast.flatMap(project => project.files);
		expect(seen.length).toBe(new Set(seen).size);
	});
});

describe('the order vitest starts the files in (startOrder)', () => {
	it('starts the isolated files, then the pty sessions and the real-Samba files, then the others largest first', () => {
		const files = [
			{path: '/repo/test/backup/validate.test.ts', size: 20_000, isolated: false},
			{path: '/repo/test/e2e/type-ahead.test.ts', size: 1_500, isolated: false},
			{path: '/repo/test/wizard/store.test.ts', size: 2_000, isolated: true},
			{path: '/repo/test/text/wrap.test.ts', size: 3_000, isolated: false},
			{path: '/repo/test/targets/real/smb-files.test.ts', size: 6_500, isolated: false},
			{path: '/repo/test/reliability/injected-faults.test.ts', size: 9_000, isolated: true},
			{path: '/repo/test/e2e/narrow-walk.test.ts', size: 8_400, isolated: false},
		];
		expect(startOrder(files, file => file).map(file => file.path.replace('/repo/test/', ''))).toEqual([
			'reliability/injected-faults.test.ts',
			'wizard/store.test.ts',
			'e2e/narrow-walk.test.ts',
			'targets/real/smb-files.test.ts',
			'e2e/type-ahead.test.ts',
			'backup/validate.test.ts',
			'text/wrap.test.ts',
		]);
	});
});
