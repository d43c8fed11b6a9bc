import {chmod, readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {isRestoredFile} from '../../../source/backup/classify.js';
import {hostNameProblem} from '../../../source/targets/real/host-name.js';
import {stateFolder} from '../../../source/targets/real/state-folder.js';
import {hashFolder} from '../../helpers/hash-folder.js';
import {runCli} from '../../helpers/run-cli.js';
import {restoreFlags} from '../../helpers/scripted-args.js';
import {standinServer as server} from '../../helpers/standin-server.js';

describe('--target windows (net.exe and sc.exe, here stand-ins on PATH)', () => {
	it('restores through net and sc, stops at the manual "Synchronize all servers" (exit 3), and --resume finishes', async () => {
		const s = await server();
		const first = await runCli(['--target', 'windows', ...restoreFlags(s.backup), '--select', 'FS1,FS2'], {env: s.env});
		expect(first.exitCode).toBe(3);
		expect(first.stdout).toContain('$ net stop MSSYNC');
		expect(first.stdout).toContain('▸ Your turn: Synchronize all servers');
		expect(first.stdout).toContain('Choose NetWare Server ▸ Synchronize all servers.');
		expect(first.stdout).toContain('Wait until each of these shows a blue check: FS1, FS2.');
		expect(first.stdout).toContain('--yes never confirms a step a person must do');
		expect(await hashFolder(s.syncagnt, isRestoredFile)).toEqual(await hashFolder(s.backup, isRestoredFile));
		expect(JSON.parse(await readFile(s.stateFile, 'utf8')).state).toBe('RUNNING');

		const again = await runCli(['--target', 'windows', '--resume'], {env: s.env});
		expect(again.exitCode).toBe(0);
		expect(again.stdout).toContain('✓ Synchronize all servers: done by the administrator, as confirmed');
		const journals = await (await import('node:fs/promises')).readdir(join(s.root, 'state', 'dsmn-resync'));
		expect(journals).toHaveLength(1);
	});

	it('fails plainly when MSSYNC hangs in STOP_PENDING, after the timeout', async () => {
		const s = await server('stop-hangs');
		const run = await runCli(['--target', 'windows', ...restoreFlags(s.backup)], {
			env: s.env,
		});
		expect(run.exitCode).toBe(1);
		expect(run.stdout).toMatch(/MSSYNC did not stop within 2 s: it is still STOP_PENDING/);
		expect(run.stdout).toContain("wait for MSSYNC to finish stopping (sc query MSSYNC says STOPPED): Control Panel's Stop cannot end a stop already under way");
	});

	it('reports a service that will not start (NET HELPMSG 3534) with what to do, and rolls back', async () => {
		const s = await server('start-fails');
		const originals = await hashFolder(s.syncagnt);
		const run = await runCli(['--target', 'windows', ...restoreFlags(s.backup)], {
			env: s.env,
		});
		expect(run.exitCode).toBe(1);
		expect(run.stdout).toContain('net start MSSYNC failed: the service started and then stopped at once (NET HELPMSG 3534)');
		expect(run.stdout).toContain("Event Viewer's Application log");
		await writeFile(s.stateFile, JSON.stringify({state: 'STOPPED', behaviour: 'normal'}));
		const rollback = await runCli(['--target', 'windows', '--rollback'], {env: s.env});
		expect(rollback.exitCode).toBe(0);
		expect(await hashFolder(s.syncagnt)).toEqual(originals);
	});

	it.each([
		['unknown', 'there is no service named MSSYNC'],
		['access-denied', 'may not control services'],
	])('refuses to begin when the preflight finds %s, changing nothing', async (behaviour, meaning) => {
		const s = await server(behaviour);
		const before = await hashFolder(s.syncagnt);
		const run = await runCli(['--target', 'windows', ...restoreFlags(s.backup)], {
			env: s.env,
		});
		expect(run.exitCode).toBe(1);
		expect(run.stdout).toContain(meaning);
		expect(run.stdout).toContain('The target is not ready: nothing was changed.');
		expect(await hashFolder(s.syncagnt)).toEqual(before);
	});

	it('gives the reconstruct flow as manual steps with exact instructions', async () => {
		const s = await server();
		const run = await runCli(['--target', 'windows', '--flow', 'reconstruct', '--select', 'FS2', '--supervisor', 'yes', '--yes'], {env: s.env});
		expect(run.exitCode).toBe(3);
		expect(run.stdout).toContain('▸ Your turn: Delete WINNT_SYNC_AGENT from FS2');
		expect(run.stdout).toContain('Choose User Information, select WINNT_SYNC_AGENT, press Delete');
		const next = await runCli(['--target', 'windows', '--resume'], {env: s.env});
		expect(next.exitCode).toBe(3);
		expect(next.stdout).toContain('✓ Delete WINNT_SYNC_AGENT from FS2: done by the administrator, as confirmed');
		expect(next.stdout).toContain('Add Server to Manage');
		// Each later step waits for the admin too: nothing is claimed done without a --resume.
		const turns: string[] = [];
		let last = next;
		while (last.exitCode === 3 && turns.length < 5) {
			last = await runCli(['--target', 'windows', '--resume'], {env: s.env});
			turns.push(last.stdout.match(/Your turn: (.*)/)?.[1] ?? '(end)');
		}
		expect(turns).toEqual(['Set a new password for each propagated user', 'Synchronize all servers', '(end)']);
		expect(last.exitCode).toBe(0);
		expect(last.stdout).toContain('✓ Synchronize all servers: done by the administrator, as confirmed');
		expect(last.stdout).toContain('the ones you set in User Manager for Domains');
	});
});

describe('--target remote from Linux (Samba net rpc, here a stand-in)', () => {
	async function remote(behaviour = 'normal') {
		const s = await server(behaviour);
		const credentials = join(s.root, 'auth');
		await writeFile(credentials, 'username = Administrator\npassword = S3cret-Passw0rd\ndomain = CORP\n');
		await chmod(credentials, 0o600);
		return {...s, credentials};
	}

	/** The stand-in as a remote target: host NTPDC1, its SYNCAGNT and the account's file. */
	const remoteOf = (s: {syncagnt: string; credentials: string}) => [
		'--target',
		'remote',
		'--host',
		'NTPDC1',
		'--syncagnt',
		s.syncagnt,
		'--credentials-file',
		s.credentials,
	];

	it('restores with net rpc service, the password only in the 0600 authentication file, never in argv', async () => {
		const s = await remote();
		const run = await runCli([...remoteOf(s), ...restoreFlags(s.backup)], {env: s.env});
		expect(run.exitCode).toBe(3);
		expect(run.stdout).toContain('$ net rpc service stop MSSYNC -S NTPDC1 -A');
		const argv = await readFile(s.log, 'utf8');
		expect(argv).toContain('--option=client min protocol=NT1');
		expect(argv).not.toContain('S3cret-Passw0rd');
		expect(run.stdout + run.stderr).not.toContain('S3cret-Passw0rd');
	});

	it('refuses an authentication file others can read, a bad host name, and a missing --credentials-file (exit 2)', async () => {
		const s = await remote();
		await chmod(s.credentials, 0o644);
		const open = await runCli([...remoteOf(s), ...restoreFlags(s.backup)], {env: s.env});
		expect(open).toMatchObject({exitCode: 2, stderr: expect.stringContaining('can be read by others (mode 644)')});
		const host = await runCli(['--target', 'remote', '--host', 'bad name?', '--syncagnt', s.syncagnt, ...restoreFlags(s.backup)], {
			env: s.env,
		});
		expect(host).toMatchObject({exitCode: 2, stderr: expect.stringContaining('a NetBIOS name cannot hold')});
		const account = await runCli(['--target', 'remote', '--host', 'NTPDC1', ...restoreFlags(s.backup)], {env: s.env});
		expect(account).toMatchObject({exitCode: 2, stderr: expect.stringContaining('needs --credentials-file FILE')});
		await chmod(s.credentials, 0o600);
		const port = await runCli(['--target', 'remote', '--host', 'NTPDC1', '--credentials-file', s.credentials, ...restoreFlags(s.backup)], {
			env: {...s.env, DSMN_RESYNC_SMB_PORT: '99999'},
		});
		expect(port).toMatchObject({exitCode: 2, stderr: expect.stringContaining('DSMN_RESYNC_SMB_PORT must be a port number')});
	});

	it("explains access denied from Samba, naming the account's file and showing net's words", async () => {
		const s = await remote('access-denied');
		await chmod(s.credentials, 0o600);
		const run = await runCli([...remoteOf(s), ...restoreFlags(s.backup)], {env: s.env});
		expect(run.exitCode).toBe(1);
		expect(run.stdout).toContain('the account may not query MSSYNC on NTPDC1 (it said: "Failed to open service.  [WERR_ACCESS_DENIED]")');
	});

	it('shows words it does not know as they are, with the exit code: text, --json and the journal', async () => {
		const s = await remote();
		const started = await runCli([...remoteOf(s), ...restoreFlags(s.backup)], {env: s.env});
		expect(started.exitCode).toBe(3);
		// Mid-run, after the database was moved: the start fails with words no parser knows.
		await writeFile(s.stateFile, JSON.stringify({state: 'STOPPED', behaviour: 'unknown-output'}));
		const journals = join(s.root, 'state', 'dsmn-resync');
		const {readdir} = await import('node:fs/promises');
		const [journal] = await readdir(journals);
		const lines = (await readFile(join(journals, journal!), 'utf8')).trimEnd().split('\n');
		// Undo the last two steps in the journal so that --resume starts MSSYNC again.
		const cut = lines.findIndex(l => l.includes('"step-started"') && l.includes('"start-service"'));
		await writeFile(join(journals, journal!), `${lines.slice(0, cut).join('\n')}\n`);
		const text = await runCli([...remoteOf(s), '--resume'], {
			env: s.env,
		});
		expect(text.exitCode).toBe(1);
		const words = 'Samba\'s net failed (exit code 255) with words this tool does not know (it said: "Could not initialise lsa pipe")';
		expect(text.stdout).toContain(words);
		const json = await runCli([...remoteOf(s), '--resume', '--json'], {
			env: s.env,
		});
		const failed = json.stdout
			.split('\n')
			.filter(Boolean)
			.map(l => JSON.parse(l) as {event: string; message?: string})
			.find(e => e.event === 'step-failed');
		expect(failed?.message).toContain(words);
		expect(await readFile(join(journals, journal!), 'utf8')).toContain('Could not initialise lsa pipe');
	});
});

describe('real-target helpers', () => {
	it('validates NetBIOS names', () => {
		expect(hostNameProblem('NTPDC1')).toBeUndefined();
		expect(hostNameProblem('10.0.0.5')).toBeUndefined();
		expect(hostNameProblem('A'.repeat(16))).toMatch(/at most 15/);
		// A name is only ever an argv element, never shell text: ';' is just a character NetBIOS allows.
		expect(hostNameProblem('A;B')).toBeUndefined();
		expect(hostNameProblem('a;rm -rf')).toMatch(/cannot hold/);
		expect(hostNameProblem('a b')).toMatch(/cannot hold/);
		expect(hostNameProblem('-x')).toMatch(/cannot start/);
	});

	it('keeps journals in the state folder', () => {
		expect(stateFolder({XDG_STATE_HOME: '/s'}, 'linux')).toBe('/s/dsmn-resync');
		expect(stateFolder({HOME: '/h'}, 'linux')).toBe('/h/.local/state/dsmn-resync');
		expect(stateFolder({LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local'}, 'win32')).toMatch(/dsmn-resync$/);
	});
});

describe('--target remote from Windows (sc \\\\HOST, here a stand-in sc on PATH)', () => {
	it('restores through sc \\\\NTPDC1 stop|start|query, and explains a start that fails (1067)', async () => {
		const {RestoreRun} = await import('../../../source/procedure/restore-run.js');
		const {realTarget} = await import('../../../source/targets/real/real-target.js');
		const {parseCommandLine} = await import('../../../source/cli/parse-args.js');
		const s = await server();
		const saved = {...process.env};
		Object.assign(process.env, s.env);
		try {
			const command = parseCommandLine(['--target', 'remote', '--host', 'NTPDC1', '--syncagnt', s.syncagnt]);
			if (command.kind !== 'wizard') throw new Error('not the wizard');
			const spec = command.options.target;
			if (spec?.kind !== 'remote') throw new Error('not a remote target');
			const target = await realTarget(spec, process.env, 'win32');
			expect(target.service.describe('stop')).toBe('sc \\\\NTPDC1 stop MSSYNC');
			const run = await RestoreRun.begin(target, s.backup, {timings: {serviceTimeoutMs: 3000, pollIntervalMs: 20}});
			for (const step of ['stop-service', 'move-aside', 'copy-backup'] as const) expect(await run.execute(step), step).toMatchObject({status: 'done'});
			await writeFile(s.stateFile, JSON.stringify({state: 'STOPPED', behaviour: 'start-fails'}));
			expect(await run.execute('start-service')).toMatchObject({
				status: 'failed',
				message: expect.stringContaining('sc \\\\NTPDC1 start MSSYNC failed'),
				advice: expect.any(String),
			});
			await writeFile(s.stateFile, JSON.stringify({state: 'STOPPED', behaviour: 'normal'}));
			expect(await run.execute('start-service')).toMatchObject({status: 'done'});
			expect(await run.execute('synchronize')).toMatchObject({status: 'manual'});
			const argv = await readFile(s.log, 'utf8');
			expect(argv).toContain('sc \\\\NTPDC1 stop MSSYNC');
			expect(argv).toContain('sc \\\\NTPDC1 query MSSYNC');
			expect(await hashFolder(s.syncagnt, isRestoredFile)).toEqual(await hashFolder(s.backup, isRestoredFile));
		} finally {
			process.env = saved;
		}
	});
});
