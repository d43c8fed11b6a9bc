import {statSync} from 'node:fs';
import {configDefaults, defineConfig, type TestProjectInlineConfiguration} from 'vitest/config';
import {BaseSequencer, type TestSpecification} from 'vitest/node';
import {WHOLE_ONLY} from './test/helpers/suite.js';

/** The test files whose lab runs `npm test` samples: test/helpers/suite.ts's WHOLE_ONLY says which it leaves to test:slow. */
const SAMPLED_LAB_RUNS = Object.keys(WHOLE_ONLY);

/**
 * Two suites. `npm test`: lint, types, the unit, screen and end-to-end tests, and a sample of each slow
 * suite (the crash test at its CI size, the shorter real-Samba files, the shorter pseudo-terminal sessions,
 * some of the lab runs of the files in SAMPLED). `npm run test:slow` (DSMN_TEST_SUITE=slow): the slow
 * suites whole: the crash test at its full sample, every real-Samba session, the long pseudo-terminal
 * sessions, every test of the sampled files. `.ci/run` runs both.
 */
export const SLOW_SUITE = [
	'test/reliability/crash.test.ts',
	// Its lab sample in `npm test`, its real-Samba cases (a second writer, the fixed cases) here.
	'test/reliability/model.test.ts',
	'test/e2e/samba-remote.test.ts',
	'test/e2e/samba-wizard.test.ts',
	'test/e2e/interrupts.test.ts',
	'test/e2e/terminals.test.ts',
	'test/e2e/reconstruct-wizard.test.ts',
	'test/targets/real/real-targets.test.ts',
	'test/install/tarball.test.ts',
	'test/install/executable.test.ts',
	// Long or repeated walks, whose behaviour `npm test` keeps elsewhere: the pty restore walk is also
	// readme-sample's, the scripted and --json restores restore-run's and json-lines'; one server, one
	// writer is server-lock's and the model test's, here against a real smbd; the live synchronization
	// view stays in synchronize.test.ts, here at 32 servers on 60×20.
	'test/e2e/restore-wizard.test.ts',
	'test/e2e/synchronize-small-terminal.test.ts',
	// Each synchronize's own confirmation, on two labs (issue 29).
	'test/e2e/synchronize-confirm.test.ts',
	'test/reliability/two-writers.test.ts',
	// A roll back stopped by a file another SMB client holds open, on a real smbd (about 2 minutes); the
	// sharing violation's advice is reproduced-causes' in `npm test`.
	'test/reliability/rollback-sharing-violation.test.ts',
	// The new-PDC restore against a real smbd (its lab runs are new-pdc-run's and situation-runs').
	'test/e2e/samba-new-pdc.test.ts',
	// The reconstruct (NetWare 4.x) and the dsmpack repair, scripted against a real smbd (their lab runs are
	// reconstruct-netware's and repair-run's).
	'test/targets/real/samba-situations.test.ts',
	// Allow4X read from a real smbd's registry, and the 4.x reconstruct refused or let through by it (its parsers: allow4x-registry's).
	'test/targets/real/allow4x-registry-samba.test.ts',
	// Whole walks at 60×20 and 80×24, and one pty walk per situation (the situations' in-process walks are
	// test/wizard/flows/situation.test.ts's, sampled in `npm test`; the layout of each screen test/ui's).
	'test/e2e/small-terminals.test.ts',
	// A restore at 60×20 to its end, with the help and a refused key during its synchronize (the overlays' own: test/ui/App-overlays').
	'test/e2e/keys-overlays-walk.test.ts',
	'test/e2e/situations.test.ts',
	// The PDC question against real smbd servers, a classic PDC and a classic BDC (their lab walks are situations').
	'test/e2e/samba-roles.test.ts',
	// The wizard's reconstruct (NetWare 4.x) and dsmpack repair against a real smbd (scripted: test/targets/real/samba-situations').
	'test/e2e/samba-situations.test.ts',
	// The roll back after a Stop MSSYNC that hangs, walked in a pty (its sentences: rollback-service's and summary's).
	'test/e2e/rollback-after-hang.test.ts',
	// Sampled (SAMPLED below): each runs some of its lab runs (or, in validate.test.ts, 10,000 files read) in
	// `npm test` and all of them here. They were sampled when a lab run cost a Node start per `net`/`sc`; the lab
	// answers those in-process now (ARCHITECTURE.md, "Targets"), and what the whole files still cost more than
	// their samples is mostly the CLI's own starts (test/helpers/cpu-meter.ts measures it file by file).
	...SAMPLED_LAB_RUNS,
];

/** In `npm test` too, at a smaller size or in part (each reads DSMN_TEST_SUITE): a sample of the slow suite. */
export const SAMPLED = ['test/reliability/crash.test.ts', 'test/reliability/model.test.ts', ...SAMPLED_LAB_RUNS];

/**
 * The test files that change what other files would see, so each runs with its own modules: four of the
 * wizard's (three replace process.env, store.test.ts fakes the timers) and injected-faults.test.ts (it mocks
 * node:fs/promises; the other reliability tests change no global, and share: test/reliability 32.0 CPU-s
 * shared against 34.0 isolated, at load 5.5-7). Every other file shares its worker's modules instead of importing them again
 * (isolate: false): it mocks no module and leaves no global changed (process.env, timers, the working
 * folder, process listeners). Measured on test/backup, journal, fs, services and app: 54 CPU-s shared
 * against 63 isolated, the imports 47 s against 136 s (at load 20); the screen, text and Jet tests about a
 * third of their CPU; test/wizard with only these four isolated, 32 CPU-s against 44 with all 22 (load 7–9).
 * A test file that must change a global goes in this list.
 */
const OWN_MODULES = [
	'test/wizard/controller-real.test.ts',
	'test/wizard/intent.test.ts',
	'test/wizard/nt-version-question.test.ts',
	'test/wizard/store.test.ts',
	// Sets DSMN_RESYNC_SERVICE_TIMEOUT for a stop that hangs.
	'test/wizard/step-help-commands.test.ts',
	'test/reliability/injected-faults.test.ts',
];

/** The projects of one suite: `npm test`'s, or `npm run test:slow`'s (test/vitest-config.test.ts checks that each file is in one). */
export function suiteProjects(slow: boolean): TestProjectInlineConfiguration[] {
	const exclude = [...configDefaults.exclude, ...(slow ? [] : SLOW_SUITE.filter(file => !SAMPLED.includes(file)))];
	return slow
		? [{extends: true, test: {name: 'slow', include: SLOW_SUITE}}]
		: [
				{extends: true, test: {name: 'shared-modules', include: ['test/**/*.test.{ts,tsx}'], exclude: [...exclude, ...OWN_MODULES], isolate: false}},
				{extends: true, test: {name: 'isolated', include: OWN_MODULES, exclude}},
			];
}

/** The files that mostly wait (on a pseudo-terminal, a real smbd, a time limit): a core is idle while they do. */
const MOSTLY_WAITING = ['test/e2e/', 'test/targets/real/'];

/** What startOrder needs to know of a test file. */
export type StartFile = {path: string; size: number; isolated: boolean};

/**
 * The order the files are handed to the two workers, one at a time as each worker frees. The isolated
 * project's first, as vitest does: a worker that has run one of its files is replaced before a file that
 * shares modules, so mixing the two would start workers again and import the modules again (about 10 CPU-s
 * when tried). Then the files that mostly wait, while scripts/test.js's checks (at a lower priority) are
 * there to use the core they leave idle; then the others, largest first (vitest's own order on a clean
 * clone, without its cache of durations). The run then ends on short unit files rather than on one long
 * session with the other core idle.
 */
export function startOrder<T>(files: readonly T[], describe: (file: T) => StartFile): T[] {
	const rank = (file: T) => {
		const {path, isolated} = describe(file);
		const waits = MOSTLY_WAITING.some(folder => path.includes(`/${folder}`) || path.startsWith(folder));
		return isolated ? 0 : waits ? 1 : 2;
	};
	return [...files].sort((a, b) => rank(a) - rank(b) || describe(b).size - describe(a).size);
}

/** vitest's sequencer, ordering the files by startOrder; `--shard` as vitest's own (BaseSequencer's). */
class MostlyWaitingFirst extends BaseSequencer {
	override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sizes = new Map(files.map(file => [file.moduleId, statSync(file.moduleId).size]));
		return Promise.resolve(startOrder(files, file => ({path: file.moduleId, size: sizes.get(file.moduleId) ?? 0, isolated: file.project.config.isolate})));
	}
}

export default defineConfig({
	test: {
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// Removes each test's temporary folders (test/helpers/temp-dirs.ts), in every file.
		setupFiles: ['test/helpers/cleanup.ts', 'test/helpers/sample.ts', 'test/helpers/cpu-meter.ts'],
		// Two cores here: the end-to-end tests spawn real processes and pseudo-terminals.
		maxWorkers: 2,
		sequence: {sequencer: MostlyWaitingFirst},
		projects: suiteProjects(process.env['DSMN_TEST_SUITE'] === 'slow'),
	},
});
