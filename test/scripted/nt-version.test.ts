/**
 * A JET 200-format MSSYNC.MDB in a scripted restore: judged by the NT version the target learns from its
 * server (the lab's srvinfo, `lab create --nt`; a real smbd through rpcclient), and when the server cannot
 * tell, `--nt` is named as a missing answer (exit 2, nothing changed). ARCHITECTURE.md, "Validation rules".
 */
import {copyFile, readdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {jet200File} from '../jet/jet500-file-writer.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {runCli, tempDir} from '../helpers/run-cli.js';
import {sambaReason, startSambaServer, type SambaServer} from '../helpers/samba-server.js';

const REFUSED_ON_NT4 = /MSSYNC\.MDB is a JET 200-format database \(NT 3\.51's DSMN\): the Jet 500 engine of NT 4\.0 refuses it \(error -1210/;

async function labWithJet200Backup(...create: string[]): Promise<string> {
	const lab = join(await tempDir(), 'lab');
	expect((await runCli(['lab', 'create', lab, '--pace', '0', ...create])).exitCode).toBe(0);
	await writeFile(join(lab, 'backup', 'MSSYNC.MDB'), jet200File());
	return lab;
}

describe('check --json on a JET 200-format set', {timeout: 60_000}, () => {
	it('names the files whose verdict waits for --nt (needsNt, in the published schema); with --nt none', async () => {
		const lab = await labWithJet200Backup();
		const unknown = await runCli(['check', join(lab, 'backup'), '--json']);
		expect(JSON.parse(unknown.stdout)).toMatchObject({event: 'validation-report', valid: true, needsNt: ['MSSYNC.MDB']});
		const known = await runCli(['check', join(lab, 'backup'), '--json', '--nt', '3.51']);
		expect(JSON.parse(known.stdout)).not.toHaveProperty('needsNt');
	});
});

describe('a JET 200-format backup on the lab', {timeout: 120_000}, () => {
	it("NT 4.0 (the lab's default, as its srvinfo says): refused with -1210, nothing changed", async () => {
		const lab = await labWithJet200Backup();
		const syncagnt = join(lab, 'SystemRoot', 'SYSTEM32', 'SYNCAGNT');
		const before = await hashFolder(syncagnt);
		const run = await runCli(['--lab', lab, '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', join(lab, 'backup'), '--yes']);
		expect(run.exitCode, run.stdout + run.stderr).toBe(1);
		expect(run.stdout).toMatch(REFUSED_ON_NT4);
		expect(run.stdout).toMatch(/The backup is not valid: nothing was changed/);
		expect(await hashFolder(syncagnt)).toEqual(before);
	});

	it('lab create --nt 3.51: the same backup is usable, with a note', async () => {
		const lab = await labWithJet200Backup('--nt', '3.51');
		const run = await runCli([
			'--lab',
			lab,
			'--flow',
			'restore',
			'--pdc',
			'same',
			'--synchronize',
			'normal',
			'--backup',
			join(lab, 'backup'),
			'--yes',
			'--json',
		]);
		const lines = run.stdout
			.trim()
			.split('\n')
			.map(line => JSON.parse(line) as {event: string; message?: string});
		expect(
			lines.find(l => l.event === 'validated'),
			run.stdout,
		).toBeDefined();
		expect(lines.some(l => l.event === 'error' && /JET 200/.test(l.message ?? ''))).toBe(false);
	});
});

const {skip} = sambaReason();

describe.skipIf(skip)('a JET 200-format backup on a real server that does not say its NT version', {timeout: 180_000}, () => {
	let server: SambaServer;
	beforeAll(async () => {
		server = await startSambaServer();
	}, 120_000);
	afterAll(async () => server?.stop());

	it('without --nt: the answer is missing (exit 2), nothing changed; with --nt 4.0: refused as NT 4.0 refuses it', async () => {
		const backup = await tempDir();
		for (const name of await readdir(server.backup)) await copyFile(join(server.backup, name), join(backup, name));
		await writeFile(join(backup, 'MSSYNC.MDB'), jet200File());
		const before = await hashFolder(server.syncagnt);
		const args = [
			'--target',
			'remote',
			'--host',
			server.name,
			'--credentials-file',
			server.auth.admin,
			'--flow',
			'restore',
			'--pdc',
			'same',
			'--synchronize',
			'normal',
			'--backup',
			backup,
			'--yes',
		];
		const missing = await runCli(args, {env: server.env});
		expect(missing.exitCode, missing.stdout + missing.stderr).toBe(2);
		expect(missing.stderr).toMatch(/no terminal to ask in, and this answer is missing: --nt 3\.51\|4\.0/);
		expect(missing.stderr).toMatch(
			/MSSYNC\.MDB in the backup is a JET 200-format database .*the server reports OS version \d+\.\d+, neither NT 3\.51 nor NT 4\.0/,
		);
		const refused = await runCli([...args, '--nt', '4.0'], {env: server.env});
		expect(refused.exitCode, refused.stdout + refused.stderr).toBe(1);
		expect(refused.stdout).toMatch(REFUSED_ON_NT4);
		expect(await hashFolder(server.syncagnt)).toEqual(before);
	});
});
