/**
 * The two suites (vitest.config.ts). `npm test` runs a sample of each file in SAMPLED, `npm run test:slow`
 * (DSMN_TEST_SUITE=slow) the whole file. A file samples itself (it reads DSMN_TEST_SUITE: the crash and model
 * tests), or is listed below: its tests named here run in `npm run test:slow` only, the others in both.
 */
export const npmTestSample = process.env['DSMN_TEST_SUITE'] !== 'slow';

/**
 * File → the tests (a part of each name, as vitest shows it) that `npm test` leaves to `npm run test:slow`.
 * Each is a lab run (the scripted ones start the CLI, a Node start each), a second pty walk, a Node start per command
 * (run-command.test.ts) or, in validate.test.ts, 10,000 files read; what
 * `npm test` keeps of the same file is its central case and at least one refusal or failure. A name here that matches no test of its
 * file fails that file (test/helpers/sample.ts), so a renamed test cannot leave the list unseen.
 */
export const WHOLE_ONLY: Readonly<Record<string, readonly string[]>> = {
	'test/app/after-run-checks.test.ts': ['ends with the same checks as the wizard, then "Done."'],
	'test/app/front-ends-parity.test.ts': ['a finished restore: the same backup'],
	'test/procedure/restore-run.test.ts': [
		'synchronizing without a restore leaves',
		'resumes after a crash between steps',
		'resumes after a crash between putting',
		'rolls back after a failed copy',
		'rolls back a run cut off right after',
		'lets the other servers finish',
	],
	'test/backup/validate.test.ts': ['handles 10,000 log files, reading only their headers'],
	// Every overlay at 60×20 over a whole in-process walk: `npm test` keeps the reconstruct (its synchronize's quit question, issue 29).
	'test/ui/App-overlays.test.tsx': ['a restore, its running steps and its end', 'a restore whose Start MSSYNC is refused', 'the dsmpack repair'],
	// Pty walks that widen and narrow the terminal on every screen: `npm test` keeps "Only synchronize" at 60×20.
	'test/e2e/narrow-walk.test.ts': [
		'the restore at',
		'the reconstruct at',
		'"Only synchronize all servers" at 80×24',
		'the dsmpack repair at',
		'the restore onto a new PDC at',
		'a failed start, stopped, then rolled back at',
	],
	// Two more bursts in a pty (a server's name and Enter then "y"; Ctrl+W after Tab): `npm test` keeps the RESTORE burst here and
	// the Tab list's clearing in test/wizard/text-entry.test.ts; the dropped key's note is the same rule as RESTORE's.
	'test/e2e/type-ahead.test.ts': ["a server's name and Enter in one burst", 'Ctrl+W after Tab'],
	// A third pty walk in the file, the footer at 60×20: `npm test` keeps a 60×20 walk in narrow-walk.test.ts and the key typed while a step runs here.
	'test/e2e/keys-walk.test.ts': ['at 60×20 a footer wraps between its items'],
	// A second pty walk to the same Start MSSYNC confirmation, left by a closed terminal: `npm test` keeps the walk left by "Not now — leave".
	'test/e2e/leaving-mid-restore.test.ts': ['a closed terminal (SIGHUP) at the same point'],
	// The resume screen after a scripted run that failed: `npm test` keeps the pty walk left and resumed.
	'test/e2e/resume-last-command.test.ts': ['a scripted restore that failed at Start MSSYNC'],
	// Every lab fault compared process against in-process (a Node start per command): `npm test` keeps a stop that says 2184 and a refused start.
	'test/targets/run-command.test.ts': ['give the same answers under every fault'],
	'test/procedure/known-by-bytes.test.ts': [
		'a roll back stops before touching a file that is neither the copy nor the original',
		'after a kill between a put-back rename and its journal line',
		'after a failed start, a byte appended to JET00002.LOG is found before MSSYNC starts',
	],
	'test/procedure/new-pdc-run.test.ts': [
		'cut off after the copy, it is resumed as a new-PDC run',
		'a Backup subfolder that was there before the run is kept',
		'a copy changed by someone after the run verified it',
		'rolled back after MSSYNC started on the copies',
	],
	// The command walk under each lab fault, and onto a new PDC: `npm test` keeps the refused start, the hung stop, the repair, a restore,
	// the reconstruct and "Only synchronize".
	'test/wizard/step-help-commands.test.ts': [
		'under the stop-refused fault',
		'under the stop-hangs fault',
		'under the access-denied fault',
		'under the gateway-stopped fault',
		'under the stop-says-2184 fault',
		'the restore onto a new PDC',
	],
	'test/procedure/resume-recheck.test.ts': ['says what it found when the files are as copied'],
	'test/procedure/rollback-engine-files.test.ts': ['with nothing made by DSMN'],
	'test/reliability/disk-full.test.ts': ['refuses at the copy step itself'],
	'test/reliability/injected-faults.test.ts': ['EIO on SYSTEM.MDB', 'EACCES on MSSYNC.MDB', 'rolls back byte for byte after a fault'],
	'test/schema/json-lines.test.ts': [
		'a run that stops on a red server',
		'MSSYNC that will not start again',
		'a manual step on a real server',
		'SIGTERM mid-run',
		'says how the run was left, when it began',
	],
	'test/scripted/nt-version.test.ts': ['lab create --nt 3.51'],
	'test/scripted/reconstruct-netware.test.ts': ['refused before FS2 loses WINNT_SYNC_AGENT (answered 3.x (the lab knows better))'],
	'test/scripted/situation-runs.test.ts': ['--repair dsmpack after a crash', 'a restore that finds MSSYNC stopped'],
	'test/wizard/controller-real.test.ts': ['says to type it again'],
	'test/wizard/controller-screens.test.ts': [
		'the quit question asked while a step runs',
		'Esc at the first confirmation after Begin',
		'one exit rule',
		'the resume screen says when the run began',
		'after a server that was offline answers again',
	],
	'test/wizard/controller.test.ts': [
		'goes back with Esc only while nothing has changed',
		'leaves at a safe point when asked mid-run',
		'offers retry, roll back or stop on a failure',
		'asks consequences, servers, bindery',
	],
	'test/wizard/flows/restore-questions.test.ts': ['"Fully synchronize" is what the plan'],
	'test/wizard/flows/situation.test.ts': [
		'"The PDC was lost" is asked once',
		'recommends Full for a backup older',
		'asks each server when not all run 3.x',
		'on a BDC not yet promoted',
		'a PDC fits either answer',
		'is asked again with what the server reports',
	],
	'test/wizard/flows/synchronize-only.test.ts': [
		'names the synchronize chosen on its running screen',
		"its confirmation's help names",
		'a server that showed a blue check',
		'q after servers were left red',
	],
	'test/wizard/intent.test.ts': ['a restore walked by intents alone'],
};
