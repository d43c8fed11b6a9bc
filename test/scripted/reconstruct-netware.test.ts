/** --netware in a scripted reconstruct: a 4.x server's bindery is not restored with BINDREST, and the versions are journaled. */
import {readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {labPaths} from '../../source/lab/state.js';
import {runCli, tempDir} from '../helpers/run-cli.js';

async function lab() {
	const dir = join(await tempDir(), 'lab');
	expect(
		(await runCli(['lab', 'create', dir, '--pace', '0', '--servers', '2', '--accounts', '10', '--no-backup', '--netware', 'FS2=4.x', '--allow4x'])).exitCode,
	).toBe(0);
	return dir;
}

const answers = (dir: string) => [
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
	'--yes',
];

describe('--netware FS2=4.x (scripted reconstruct)', () => {
	it('refuses --restore-bindery for a 4.x server, before anything changes', async () => {
		const dir = await lab();
		const run = await runCli([...answers(dir), '--netware', 'FS2=4.x', '--restore-bindery', 'FS2']);
		expect(run.exitCode).toBe(2);
		expect(run.stderr).toMatch(/FS2 runs NetWare 4\.x: its accounts live in NDS and BINDREST does not apply/);
	});

	it('an answer that is not SERVER=VERSION is named', async () => {
		const run = await runCli(['--lab', 'x', '--netware', 'FS2=four']);
		expect(run.exitCode).toBe(2);
		expect(run.stderr).toMatch(/--netware: "FS2=four" is not SERVER=VERSION/);
	});

	it('journals the versions of the servers it reconstructs', {timeout: 120_000}, async () => {
		const dir = await lab();
		const run = await runCli([...answers(dir), '--netware', 'FS2=4.x']);
		expect(run.exitCode, run.stdout + run.stderr).toBe(0);
		const journal = labPaths(dir).journal;
		const [name] = await readdir(journal);
		const start = JSON.parse((await readFile(join(journal, name!), 'utf8')).split('\n')[0]!) as {netware?: unknown};
		expect(start.netware).toEqual({FS2: '4.x'});
	});
});
