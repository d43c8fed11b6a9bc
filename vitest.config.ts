import {configDefaults, defineConfig} from 'vitest/config';

/**
 * Two suites. `npm test`: lint, types, the unit, screen and end-to-end tests, and a sample of each slow
 * suite (the crash test at its CI size, one real-Samba file, the shorter pseudo-terminal sessions).
 * `npm run test:slow` (DSMN_TEST_SUITE=slow): the slow suites whole: the crash test at its full sample,
 * every real-Samba session and the long pseudo-terminal sessions. `.ci/run` runs both.
 */
export const SLOW_SUITE = [
	'test/reliability/crash.test.ts',
	'test/e2e/samba-remote.test.ts',
	'test/e2e/samba-wizard.test.ts',
	'test/e2e/interrupts.test.ts',
	'test/e2e/terminals.test.ts',
	'test/e2e/reconstruct-wizard.test.ts',
	'test/targets/real/real-targets.test.ts',
	'test/install/tarball.test.ts',
	'test/install/executable.test.ts',
];

/** In `npm test` too, at a smaller size (each reads DSMN_TEST_SUITE): a sample of the slow suite. */
const SAMPLED = ['test/reliability/crash.test.ts'];

const slow = process.env['DSMN_TEST_SUITE'] === 'slow';

export default defineConfig({
	test: {
		include: slow ? SLOW_SUITE : ['test/**/*.test.{ts,tsx}'],
		exclude: [...configDefaults.exclude, ...(slow ? [] : SLOW_SUITE.filter(file => !SAMPLED.includes(file)))],
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// Two cores here: the end-to-end tests spawn real processes and pseudo-terminals.
		maxWorkers: 2,
	},
});
