/** The scripted runs of the server's situation on the lab: --pdc new (KB Q154761), --repair dsmpack (KB Q197852), and the check named at the end. */
import {readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {labPaths} from '../../source/lab/state.js';
import {schemaLines} from '../helpers/json-lines.js';
import {runCli, tempDir} from '../helpers/run-cli.js';

async function labStatus(dir: string) {
	return JSON.parse((await runCli(['lab', 'status', dir, '--json'])).stdout.trim()) as {
		servers: {synchronized: boolean}[];
		service: {state: string; lastError?: string};
	};
}

describe('scripted runs for the server situation, on the lab', () => {
	it(
		'--pdc new on a promoted BDC: the backup goes into SYNCAGNT\\Backup, MSSYNC takes it, every server blue; DSMDUMP/DSMCHK named at the end',
		{timeout: 180_000},
		async () => {
			const dir = join(await tempDir(), 'lab');
			expect((await runCli(['lab', 'create', dir, '--pace', '0', '--servers', '2', '--accounts', '20', '--new-pdc'])).exitCode).toBe(0);
			const run = await runCli(['--lab', dir, '--flow', 'restore', '--pdc', 'new', '--synchronize', 'normal', '--backup', join(dir, 'backup'), '--yes']);
			expect(run.exitCode, run.stdout + run.stderr).toBe(0);
			expect(run.stdout).toMatch(/Copy the backup into SYNCAGNT\\Backup/);
			expect(run.stdout).toMatch(/copied into .*SYNCAGNT[\\/]Backup/);
			expect(run.stdout).toMatch(/dsmdump >db\.txt/);
			expect(run.stdout).toMatch(/dsmchk -d CORP -u USERNAME -n FS1/);
			expect(run.stdout).toMatch(/lab dsmchk .* -d CORP -u USERNAME/);
			expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^✓ Done\./);
			expect((await labStatus(dir)).servers.map(s => s.synchronized)).toEqual([true, true]);
			const {syncagnt, journal} = labPaths(dir);
			expect((await readdir(join(syncagnt, 'Backup'))).sort()).toContain('MSSYNC.MDB');
			const [name] = await readdir(journal);
			expect(JSON.parse((await readFile(join(journal, name!), 'utf8')).split('\n')[0]!)).toMatchObject({flow: 'restore', pdc: 'new', synchronize: 'normal'});
		},
	);

	it(
		'--repair dsmpack after a crash: MSSYNC stopped, dsmpack /r, MSSYNC runs again, mssync.bkp kept; a restore offered the repair first',
		{timeout: 180_000},
		async () => {
			const dir = join(await tempDir(), 'lab');
			expect((await runCli(['lab', 'create', dir, '--pace', '0', '--servers', '2', '--accounts', '20', '--wont-start'])).exitCode).toBe(0);
			// A restore without --backup is refused before anything changes; the missing answers are named.
			const missing = await runCli(['--lab', dir, '--flow', 'restore', '--yes']);
			expect(missing.exitCode).toBe(2);
			expect(missing.stderr).toMatch(/--backup DIR, --pdc same\|new, --synchronize normal\|full/);
			const run = await runCli(['--lab', dir, '--repair', 'dsmpack', '--yes']);
			// Repaired, but the servers stay red until synchronized: exit 1, as the wizard's last screen (README, exit status).
			expect(run.exitCode, run.stdout + run.stderr).toBe(1);
			expect(run.stdout).toMatch(/Repaired: .* still shows? a red X until synchronized/);
			expect(run.stdout).toMatch(/Repair the database with dsmpack \/r: dsmpack \/r repaired MSSYNC\.MDB in place/);
			expect(run.stdout).toMatch(/the repair worked \(mssync\.bkp kept\)/);
			expect(run.stdout).toMatch(/Synchronize all servers/);
			expect((await labStatus(dir)).service.state).toBe('RUNNING');
			expect(await readdir(labPaths(dir).syncagnt)).toContain('mssync.bkp');
		},
	);

	it('a restore that finds MSSYNC stopped (it would not start) offers --repair dsmpack before it goes on', {timeout: 180_000}, async () => {
		const dir = join(await tempDir(), 'lab');
		expect((await runCli(['lab', 'create', dir, '--pace', '0', '--servers', '2', '--accounts', '20', '--wont-start'])).exitCode).toBe(0);
		const run = await runCli([
			'--lab',
			dir,
			'--flow',
			'restore',
			'--pdc',
			'same',
			'--synchronize',
			'normal',
			'--backup',
			join(dir, 'backup'),
			'--yes',
			'--json',
		]);
		// Each line checked against the published schema; the offer is a warning that names the repair.
		const lines = schemaLines(run.stdout);
		expect(lines.find(l => l['event'] === 'warning' && l['repair'] === 'dsmpack' && /--repair dsmpack/.test(String(l['message'])))).toBeDefined();
	});

	it(
		'a restore on a server that reports itself as a BDC (lab create --role bdc) is refused before anything changes, with what to do',
		{timeout: 180_000},
		async () => {
			const dir = join(await tempDir(), 'lab');
			expect((await runCli(['lab', 'create', dir, '--pace', '0', '--servers', '2', '--accounts', '20', '--role', 'bdc'])).exitCode).toBe(0);
			const {syncagnt, journal} = labPaths(dir);
			const before = (await readdir(syncagnt)).sort();
			for (const pdc of ['same', 'new']) {
				const run = await runCli(['--lab', dir, '--flow', 'restore', '--pdc', pdc, '--synchronize', 'normal', '--backup', join(dir, 'backup'), '--yes']);
				expect(run.exitCode, run.stdout + run.stderr).toBe(1);
				expect(run.stdout + run.stderr).toMatch(/BDC/);
				expect(run.stdout + run.stderr).toMatch(/promote/i);
				expect(run.stdout).not.toMatch(/✓ Stop MSSYNC/);
			}
			expect((await readdir(syncagnt)).sort()).toEqual(before);
			expect((await labStatus(dir)).service.state).toBe('RUNNING');
			expect(await readdir(journal).catch(() => [])).toEqual([]);
		},
	);
});
