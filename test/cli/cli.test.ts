import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {labStatusSchema} from '../../source/lab/status.js';
import {labCreate} from '../helpers/lab-in-process.js';
import {CLI, runCli, tempDir} from '../helpers/run-cli.js';

describe('dsmn-resync (the built dist/cli.js)', () => {
	it('prints --help and --version and exits 0', async () => {
		const help = await runCli(['--help']);
		expect(help.exitCode).toBe(0);
		expect(help.stdout).toMatch(/^dsmn-resync — /);
		for (const part of ['USAGE', 'lab create DIR', 'check DIR', '--flow restore|reconstruct', 'EXIT STATUS']) expect(help.stdout).toContain(part);
		const version = await runCli(['--version']);
		// The version and the build scripts/build.js baked in (test/build-info.test.ts has the wording).
		expect(version).toMatchObject({
			exitCode: 0,
			stdout: expect.stringMatching(/^dsmn-resync \d+\.\d+\.\d+ \(commit [0-9a-f]{12}(-modified)?, built \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)\n$/),
		});
	});

	it('creates a lab and prints its status as the §4 JSON', async () => {
		const dir = join(await tempDir(), 'L');
		const created = await runCli(['lab', 'create', dir, '--seed', '1']);
		expect(created.exitCode).toBe(0);
		// As it works from where the admin is: run as node dist/cli.js, dsmn-resync is not on the PATH.
		expect(created.stdout).toContain(`Next: node ${CLI} --lab ${dir}`);
		const status = await runCli(['lab', 'status', dir, '--json']);
		expect(status.exitCode).toBe(0);
		const json = labStatusSchema.parse(JSON.parse(status.stdout));
		expect(json.service).toEqual({name: 'MSSYNC', state: 'RUNNING'});
		expect(json.servers).toHaveLength(5);
		expect(json.servers.some(s => !s.synchronized)).toBe(true);
		for (const server of json.servers) expect(Object.keys(server)).toEqual(expect.arrayContaining(['name', 'synchronized', 'syncAgent', 'users']));
		const text = await runCli(['lab', 'status', dir]);
		expect(text.stdout).toMatch(/MSSYNC .*: RUNNING/);
		expect(text.stdout).toMatch(/FS1/);
	});

	it.each([
		[['--frobnicate'], 'unknown option --frobnicate'],
		[['lab', 'create', 'X', '--servers', 'many'], '--servers takes a whole number, not "many"'],
		[['lab', 'create', 'X', '--accounts', '1e3'], '--accounts takes a whole number'],
		[['lab', 'create', 'X', '--offline', 'FS9'], '--offline FS9: the lab has no server of that name'],
		[['lab', 'frobnicate'], 'unknown lab subcommand frobnicate'],
	])('exits 2 with a one-line reason and a hint for %j', async (argv, message) => {
		const result = await runCli(argv);
		expect(result.exitCode).toBe(2);
		expect(result.stdout).toBe('');
		const lines = result.stderr.trimEnd().split('\n');
		expect(lines[0]).toBe(`dsmn-resync: ${message}${lines[0]!.slice(`dsmn-resync: ${message}`.length)}`);
		expect(lines).toHaveLength(2);
	});

	it('refuses lab create on a non-empty folder that is not a lab, writing nothing', async () => {
		const dir = await tempDir();
		await writeFile(join(dir, 'notes.txt'), 'mine');
		const result = await runCli(['lab', 'create', dir]);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('is not empty and is not a practice lab');
	});

	it('refuses lab status on a folder that is not a lab, and on a damaged state file naming the field', async () => {
		const dir = await tempDir();
		const plain = await runCli(['lab', 'status', dir]);
		expect(plain.exitCode).toBe(2);
		expect(plain.stderr).toContain('is not a practice lab');
		await mkdir(join(dir, 'broken'));
		await writeFile(join(dir, 'broken', 'lab.json'), JSON.stringify({format: 'dsmn-resync-lab', version: 1, seed: 'x'}));
		const broken = await runCli(['lab', 'status', join(dir, 'broken')]);
		expect(broken.exitCode).toBe(2);
		expect(broken.stderr).toMatch(/field seed/);
	});

	it('synchronizes the lab without the wizard: the damaged servers stay red (the KB symptom), exit 1', async () => {
		const dir = join(await tempDir(), 'L');
		// Made in-process (test/helpers/lab-in-process.ts): lab create as a process is the first test's.
		await labCreate(dir, '--pace', '0');
		const sync = await runCli(['lab', 'sync', dir]);
		expect(sync.exitCode).toBe(1);
		expect(sync.stdout).toMatch(/✗ FS2: Jet error -1018/);
		expect(sync.stdout).toMatch(/✓ FS1: 120 accounts propagated/);
	});

	it('takes a lab server offline and back online, refusing a name it does not have', async () => {
		const dir = join(await tempDir(), 'L');
		await labCreate(dir, '--pace', '0');
		expect((await runCli(['lab', 'offline', dir, 'fs1'])).stdout).toBe('FS1 is offline: it will not answer during synchronization.\n');
		const sync = await runCli(['lab', 'sync', dir, '--json']);
		expect(sync.stdout).toContain('"server":"FS1","reason":"FS1 did not answer');
		expect((await runCli(['lab', 'online', dir, 'FS1'])).exitCode).toBe(0);
		expect(JSON.parse((await runCli(['lab', 'status', dir, '--json'])).stdout).servers[0].online).toBe(true);
		const unknown = await runCli(['lab', 'offline', dir, 'FS9']);
		expect(unknown).toMatchObject({exitCode: 2, stderr: expect.stringContaining('the lab has no server FS9')});
	});

	it('without a terminal, names the missing answers and exits 2 (never a raw-mode stack trace)', async () => {
		const result = await runCli(['--lab', 'somewhere']);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('--flow restore|reconstruct');
		expect(result.stderr).toContain('--yes');
		expect(result.stderr).not.toMatch(/Raw mode/i);
	});
});
