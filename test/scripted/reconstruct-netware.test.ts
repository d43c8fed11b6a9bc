/** --netware in a scripted reconstruct: a 4.x server's bindery is not restored with BINDREST, and the versions are journaled. */
import {readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {labStatus} from '../../source/lab/status.js';
import {CLI, runCli, tempDir} from '../helpers/run-cli.js';

/** A lab as `lab create DIR --pace 0 --servers 2 --accounts 10 --no-backup --netware FS2=4.x [--allow4x]` makes it, made in-process. */
async function lab(allow4x = true) {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 10, backup: false, netware: {FS2: '4.x'}, ...(allow4x ? {allow4x: true} : {})});
	return dir;
}

/** Whether each lab server has its WINNT_SYNC_AGENT, as `lab status` says (its own function, in-process). */
async function agents(dir: string): Promise<Record<string, boolean>> {
	return Object.fromEntries((await labStatus(dir)).servers.map(s => [s.name, s.syncAgent]));
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
	'--supervisor',
	'yes',
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

	// Item 1 of issue 28: before this check, WINNT_SYNC_AGENT was deleted from FS2 and only then did adding it back fail.
	it.each([
		['answered 4.x', ['--netware', 'FS2=4.x']],
		['answered 3.x (the lab knows better)', []],
	])('without Allow4X, a reconstruct of a 4.x server is refused before FS2 loses WINNT_SYNC_AGENT (%s)', {timeout: 120_000}, async (_, netware) => {
		const dir = await lab(false);
		expect((await agents(dir)).FS2).toBe(true);
		const run = await runCli([...answers(dir), ...netware]);
		expect(run.exitCode, run.stdout + run.stderr).toBe(1);
		expect(run.stdout + run.stderr).toMatch(/FS2 runs NetWare 4\.x, and Allow4X is not set on the PDC/);
		// The lab command as this run was launched (node …/dist/cli.js here).
		expect(run.stdout + run.stderr).toMatch(/What to do: on the PDC, set Allow4X \(REG_DWORD, 1\).*restart the NT server.*; in the lab, node \S+ lab allow4x /);
		expect(await agents(dir)).toEqual({FS1: true, FS2: true});
		expect(await readdir(labPaths(dir).journal).catch(() => [])).toEqual([]);
		// What the admin would do on the PDC, done on this lab; then the same run goes through.
		const allow = await runCli(['lab', 'allow4x', dir]);
		expect(allow.exitCode).toBe(0);
		expect(allow.stdout).toMatch(/Allow4X \(REG_DWORD, 1\) is set/);
		const again = await runCli([...answers(dir), ...netware]);
		expect(again.exitCode, again.stdout + again.stderr).toBe(0);
		expect(await agents(dir)).toEqual({FS1: true, FS2: true});
	});

	it('refused with --json: a "refused" event of reason allow4x', {timeout: 60_000}, async () => {
		const dir = await lab(false);
		const run = await runCli([...answers(dir), '--json']);
		expect(run.exitCode).toBe(1);
		const refused = run.stdout
			.split('\n')
			.filter(Boolean)
			.map(l => JSON.parse(l) as {event: string; reason?: string; advice?: string})
			.find(e => e.event === 'refused');
		expect(refused).toMatchObject({reason: 'allow4x'});
		expect(refused?.advice).toMatch(/lab allow4x/);
	});

	it('names the lab command as it was launched, the folder quoted (here: node …/dist/cli.js, a folder with a space)', {timeout: 60_000}, async () => {
		const dir = join(await tempDir(), 'my lab');
		const created = await runCli(['lab', 'create', dir, '--pace', '0', '--servers', '2', '--accounts', '10', '--no-backup', '--netware', 'FS2=4.x']);
		expect(created.exitCode).toBe(0);
		const run = await runCli([...answers(dir), '--json']);
		const refused = run.stdout
			.split('\n')
			.filter(Boolean)
			.map(l => JSON.parse(l) as {event: string; advice?: string})
			.find(e => e.event === 'refused');
		expect(refused?.advice).toContain(`; in the lab, node ${CLI} lab allow4x "${dir}" does both`);
		// The command as printed works: this lab then reconstructs.
		expect((await runCli(['lab', 'allow4x', dir])).exitCode).toBe(0);
		expect((await runCli(answers(dir))).exitCode).toBe(0);
	});
});
