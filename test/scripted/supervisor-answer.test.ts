/**
 * --supervisor yes|no in a scripted reconstruct: the wizard's consequences screen asks whether the admin has
 * a Supervisor (or equivalent) login on each server (Add Server to Manage asks for one, KB Q183684); "no" ends
 * the run as the wizard's answer does: refused, nothing changed, why and how to get one, exit 1.
 */
import {readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {labPaths} from '../../source/lab/state.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {runCli, tempDir} from '../helpers/run-cli.js';

async function lab(): Promise<string> {
	const dir = join(await tempDir(), 'lab');
	expect((await runCli(['lab', 'create', dir, '--pace', '0', '--servers', '2', '--accounts', '10', '--no-backup'])).exitCode).toBe(0);
	return dir;
}

const reconstruct = (dir: string, ...extra: string[]) => [
	'--lab',
	dir,
	'--flow',
	'reconstruct',
	'--select',
	'FS1,FS2',
	'--password-policy',
	'random',
	'--passwords-file',
	join(dir, '..', 'pw.txt'),
	...extra,
	'--yes',
];

describe('--supervisor yes|no (scripted reconstruct)', () => {
	it('no: refused before anything changes, with why (KB Q183684) and how to get a login; exit 1, no journal', async () => {
		const dir = await lab();
		const before = await hashFolder(dir);
		const run = await runCli(reconstruct(dir, '--supervisor', 'no'));
		expect(run.exitCode, run.stdout + run.stderr).toBe(1);
		expect(run.stdout).toMatch(/Not ready to reconstruct: nothing was changed\. Each server you reconstruct needs a NetWare Supervisor/);
		expect(run.stdout).toMatch(/Add Server to Manage asks for a Supervisor or equivalent login before it adds the server back \(KB Q183684\)/);
		expect(run.stdout).toMatch(/What to do: get a login for each server first .*, then start again, with --supervisor yes/);
		expect(await readdir(labPaths(dir).journal).catch(() => [])).toEqual([]);
		expect(await hashFolder(dir)).toEqual(before);
	});

	it('no, with --json: a "refused" event of reason supervisor, with its reason and what to do', async () => {
		const dir = await lab();
		const run = await runCli(reconstruct(dir, '--supervisor', 'no', '--json'));
		expect(run.exitCode).toBe(1);
		const events = run.stdout
			.split('\n')
			.filter(Boolean)
			.map(l => JSON.parse(l) as {event: string; reason?: string; message?: string; advice?: string});
		expect(events.map(e => e.event)).toEqual(['refused']);
		expect(events[0]).toMatchObject({reason: 'supervisor', message: expect.stringMatching(/KB Q183684/), advice: expect.stringMatching(/--supervisor yes$/)});
	});

	it('missing, with no terminal: named with the other missing answers, and nothing is done', async () => {
		const dir = await lab();
		const run = await runCli(reconstruct(dir));
		expect(run.exitCode).toBe(2);
		expect(run.stderr).toContain('--supervisor yes|no');
		expect(await readdir(labPaths(dir).journal).catch(() => [])).toEqual([]);
	});

	it('anything but yes or no is refused, naming the flag', async () => {
		const run = await runCli(['--lab', 'x', '--supervisor', 'maybe']);
		expect(run.exitCode).toBe(2);
		expect(run.stderr).toMatch(/--supervisor must be yes or no, not "maybe"/);
	});

	it('yes: the reconstruct goes to its end', {timeout: 120_000}, async () => {
		const dir = await lab();
		const run = await runCli(reconstruct(dir, '--supervisor', 'yes'));
		expect(run.exitCode, run.stdout + run.stderr).toBe(0);
	});
});
