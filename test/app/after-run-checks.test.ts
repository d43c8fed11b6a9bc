/**
 * The use case "what to check after the run" (ARCHITECTURE.md, "Use cases"), in-process: the same lines
 * for the wizard and the scripted run, by flow; and a scripted restore that prints them (it printed
 * neither Event 8005 nor the practice lab's commands when the scripted run had its own list).
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {afterRunChecks} from '../../source/app/after-run-checks.js';
import {beginReconstruct, beginRestore} from '../../source/app/begin-run.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {EVENT_8005} from '../../source/lab/change-log.js';
import {labPaths, loadLab, saveLab} from '../../source/lab/state.js';
import {RepairRun} from '../../source/procedure/repair-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {runCli, tempDir} from '../helpers/run-cli.js';

async function newLab() {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0});
	return {dir, paths: labPaths(dir), target: labTarget(dir), domain: (await loadLab(dir)).domain};
}

describe('afterRunChecks', () => {
	it('a restore with the plain synchronize: Event 8005 first, then DSMDUMP and DSMCHK for this domain, then the lab’s own commands', async () => {
		const {dir, paths, target, domain} = await newLab();
		const run = await beginRestore(target, {backup: paths.backup, synchronize: 'normal'});
		const after = await afterRunChecks(run, target);
		expect(after.next).toEqual([]);
		// The tool reads the practice lab's Application log: what it found there, not directions to the PDC's Event Viewer.
		expect(after.checks[0]).toBe(
			`No Event 8005 from MSSYNC in the practice lab's Application log (dsmn-resync lab status ${dir}) since this run began: no change made since the backup was skipped (KB Q189441).`,
		);
		expect(after.event8005).toEqual([after.checks[0]]);
		expect(after.checks.join('\n')).not.toMatch(/Event Viewer on the PDC|If Event 8005 is there/);
		expect(after.checks).toEqual(
			expect.arrayContaining([expect.stringMatching(/^DSMDUMP lists/), expect.stringContaining(`dsmchk -d ${domain} -u USERNAME -n FS1`)]),
		);
		// The lab's Application log first: the practice lab has no Event Viewer (issue 29).
		expect(after.checks.slice(-3)).toEqual([
			`dsmn-resync lab status ${dir}`,
			`dsmn-resync lab dsmdump ${dir}`,
			`dsmn-resync lab dsmchk ${dir} -d ${domain} -u USERNAME`,
		]);
		expect(after.dsmchkExitCodes).toMatch(/^DSMCHK's exit code \(ERRORLEVEL\): 0 in sync/);
		await run.end('abandoned');
	});

	it('a full synchronize too: Event 8005 first, with why it still matters (groups lost so stay lost, KB Q189441) and DSMDUMP to see it', async () => {
		const {dir, paths, target} = await newLab();
		const run = await beginRestore(target, {backup: paths.backup, synchronize: 'full'});
		// MSSYNC logged Event 8005 in the lab once it started on the restored database.
		const state = await loadLab(dir);
		const at = new Date(Date.now() + 1000).toISOString();
		await saveLab(dir, {...state, events: [...(state.events ?? []), {id: 8005, source: 'MSSYNC', type: 'error', at, text: EVENT_8005}]});
		const checks = (await afterRunChecks(run, target)).checks;
		expect(checks[0]).toBe(`MSSYNC logged Event 8005 at ${at} in the practice lab's Application log (dsmn-resync lab status ${dir}).`);
		expect(checks[1]).toMatch(
			/^Look even after fully synchronizing: .*a full synchronize does not bring them back \(KB Q189441\)\. List the database with DSMDUMP/,
		);
		// The plain synchronize's advice (fully synchronize to send what was skipped) is not given after a full one.
		expect(checks.join('\n')).not.toMatch(/Then choose NetWare Server ▸ Fully synchronize/);
		await run.end('abandoned');
	});

	it('a reconstruct names its own servers; a repair says what to do next first', async () => {
		const {dir, target} = await newLab();
		const reconstruct = await beginReconstruct(target, {
			plan: {servers: ['FS2'], restoreBindery: [], passwordPolicy: 'random', passwordsFile: join(dir, 'p.txt')},
		});
		const checks = (await afterRunChecks(reconstruct, target)).checks;
		expect(checks.some(line => /8005/.test(line))).toBe(false);
		expect(checks).toEqual(expect.arrayContaining([expect.stringContaining('-n FS2')]));
		await reconstruct.end('abandoned');
		const repair = await RepairRun.begin(target);
		// The lab's domain, as the DSMCHK commands of the checks name it: one name for one domain.
		const after = await afterRunChecks(repair, target);
		expect(after.next.join('\n')).not.toMatch(/-d DOMAIN/);
		expect(after.next.join('\n')).toMatch(/-d CORP/);
		// In the practice lab, as the wizard's lab end: the lab's own Application log and synchronize, never the PDC's Event Viewer.
		expect(after.next).toEqual([
			expect.stringMatching(/^(Every server shows a blue check|Still red: )/),
			`Next: in the practice lab, dsmn-resync lab sync ${dir} (what Synchronization Manager, NetWare Server ▸ Synchronize all servers does).`,
			expect.stringContaining(`Then check: in the practice lab's Application log (dsmn-resync lab status ${dir}), MSSYNC's entries`),
			'If MSSYNC does not stay running, restore the database from a backup instead.',
		]);
		expect(after.next.join('\n')).not.toMatch(/Event Viewer on the PDC/);
		expect(after.checks.join('\n')).toMatch(/-d CORP/);
		await repair.end('abandoned');
	});
});

describe('a scripted restore', () => {
	it('ends with the same checks as the wizard, then "Done."', {timeout: 120_000}, async () => {
		const dir = join(await tempDir(), 'lab');
		expect((await runCli(['lab', 'create', dir, '--pace', '0', '--servers', '1', '--accounts', '10'])).exitCode).toBe(0);
		const run = await runCli(['--lab', dir, '--flow', 'restore', '--pdc', 'same', '--backup', join(dir, 'backup'), '--synchronize', 'normal', '--yes']);
		expect(run.exitCode, run.stdout + run.stderr).toBe(0);
		const lines = run.stdout.trimEnd().split('\n');
		const at = lines.findIndex(line => /No Event 8005 from MSSYNC in the practice lab's Application log/.test(line));
		expect(at).toBeGreaterThan(0);
		expect(lines.slice(at).join('\n')).toMatch(
			/In the practice lab: its Application log .*\n.*dsmn-resync lab status .*\n.*dsmn-resync lab dsmdump .*\n.*dsmn-resync lab dsmchk .*\n.*DSMCHK's exit code[^\n]*\n. Done\. /,
		);
	});
});
