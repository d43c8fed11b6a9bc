/**
 * The remote target from Linux against a real Samba server on 127.0.0.1 (test/helpers/samba-server.ts):
 * the real `net rpc service` controls Samba's Spooler (standing in for MSSYNC), and SYNCAGNT is reached
 * on the real ADMIN$ share through the real smbclient — no mount. Each test starts its own server and
 * stops it.
 */
import {readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {isRestoredFile} from '../../source/backup/classify.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {runCli} from '../helpers/run-cli.js';
import {ADMIN_PASSWORD, sambaReason, spooler, startSambaServer, type SambaServer} from '../helpers/samba-server.js';

const {skip} = sambaReason();

let server: SambaServer | undefined;
const timings: string[] = [];
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

async function start(options: {disableSpoolss?: boolean} = {}): Promise<SambaServer> {
	server = await startSambaServer(options);
	timings.push(`smbd listening after ${server.startedInMs} ms`);
	return server;
}

function remote(s: SambaServer, auth: string, args: string[], host = s.name) {
	return runCli(['--target', 'remote', '--host', host, '--credentials-file', auth, ...args], {env: s.env});
}

async function journalOf(s: SambaServer): Promise<string> {
	const folder = join(s.env['XDG_STATE_HOME']!, 'dsmn-resync');
	const names = await readdir(folder);
	return readFile(join(folder, names[0]!), 'utf8');
}

describe.skipIf(skip)('the remote target against a real Samba server (net rpc, smbclient, no mount)', {timeout: 240_000}, () => {
	it('restores through net rpc and smbclient, waits for the manual synchronization, and --resume finishes', async () => {
		const s = await start();
		const before = await hashFolder(s.syncagnt);
		const began = Date.now();
		const first = await remote(s, s.auth.admin, [
			'--flow',
			'restore',
			'--pdc',
			'same',
			'--synchronize',
			'normal',
			'--backup',
			s.backup,
			'--select',
			'FS1,FS2',
			'--yes',
		]);
		timings.push(`restore: ${Date.now() - began} ms`);
		expect(first.stdout).toContain(`through smbclient on //${s.name}/ADMIN$, no mount`);
		expect(first.stdout).toContain(`$ net rpc service stop Spooler -S ${s.name}`);
		expect(first.stdout).toContain('▸ Your turn: Synchronize all servers');
		expect(first.exitCode).toBe(3);
		// The server's SYNCAGNT holds the backup's bytes; the originals are in the snapshot beside it.
		expect(await hashFolder(s.syncagnt, isRestoredFile)).toEqual(await hashFolder(s.backup, isRestoredFile));
		const system32 = join(s.systemRoot, 'SYSTEM32');
		const snapshot = (await readdir(system32)).find(n => n.startsWith('SYNCAGNT.before-restore-'))!;
		const kept = await hashFolder(join(system32, snapshot));
		for (const [name, hash] of Object.entries(kept)) expect(before[name]).toBe(hash);
		expect(await spooler(s)).toBe('running');
		expect(first.stdout + first.stderr).not.toContain(ADMIN_PASSWORD);
		expect((await readdir(s.syncagnt)).filter(n => n.endsWith('.dsmn-copy') || n.startsWith('.dsmn-resync-write-test'))).toEqual([]);

		const again = await remote(s, s.auth.admin, ['--resume']);
		expect(again.stdout).toContain('✓ Synchronize all servers: done by the administrator, as confirmed');
		expect(again.exitCode).toBe(0);
	});

	// The old backup's situation (KB Q189441) scripted on a real server: the Fully synchronize is the admin's,
	// at the PDC; the run names it, and the Event 8005 check, and --resume finishes with that check said.
	it('--synchronize full: the manual step names "Fully synchronize all servers", and the end says to look for Event 8005', async () => {
		const s = await start();
		const first = await remote(s, s.auth.admin, ['--flow', 'restore', '--pdc', 'same', '--synchronize', 'full', '--backup', s.backup, '--yes', '--json']);
		expect(first.exitCode).toBe(3);
		const events = first.stdout
			.split('\n')
			.filter(Boolean)
			.map(line => JSON.parse(line) as {event: string; title?: string; instructions?: string[]});
		const manual = events.find(e => e.event === 'manual-step');
		expect(manual?.title).toBe('Fully synchronize all servers');
		expect(manual?.instructions?.join('\n')).toContain('Choose NetWare Server ▸ Fully synchronize all servers.');
		expect(manual?.instructions?.join('\n')).toMatch(/Event 8005/);
		expect(await hashFolder(s.syncagnt, isRestoredFile)).toEqual(await hashFolder(s.backup, isRestoredFile));
		expect(await spooler(s)).toBe('running');

		const again = await remote(s, s.auth.admin, ['--resume']);
		expect(again.exitCode).toBe(0);
		expect(again.stdout).toContain('✓ Fully synchronize all servers: done by the administrator, as confirmed');
		expect(again.stdout).toMatch(/Event 8005/);
		expect(again.stdout + again.stderr + first.stdout + first.stderr).not.toContain(ADMIN_PASSWORD);
	});

	it('rolls back byte for byte over SMB, and leaves Spooler running as it was found', async () => {
		const s = await start();
		const before = await hashFolder(s.syncagnt);
		const first = await remote(s, s.auth.admin, ['--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', s.backup, '--yes']);
		expect(first.exitCode).toBe(3);
		expect(await hashFolder(s.syncagnt)).not.toEqual(before);
		const began = Date.now();
		const rollback = await remote(s, s.auth.admin, ['--rollback']);
		timings.push(`rollback: ${Date.now() - began} ms`);
		expect(rollback.stdout).toMatch(/original files? back in SYNCAGNT/);
		expect(rollback.exitCode).toBe(0);
		expect(await hashFolder(s.syncagnt)).toEqual(before);
		expect(await spooler(s)).toBe('running');
	});

	it('says what is known when the server refuses to start the service, in text, --json and the journal', async () => {
		const s = await start({disableSpoolss: true});
		const run = await remote(s, s.auth.admin, ['--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', s.backup, '--yes', '--json']);
		const events = run.stdout
			.split('\n')
			.filter(Boolean)
			.map(line => JSON.parse(line) as Record<string, unknown>);
		const failed = events.find(e => e['event'] === 'step-failed')!;
		expect(failed).toMatchObject({step: 'start-service'});
		expect(failed['message']).toContain(`refused to start Spooler and gave no reason but "access denied"`);
		expect(failed['message']).toContain('it said: "Query status request failed.  [WERR_ACCESS_DENIED]"');
		expect(failed['advice']).not.toContain('domain administrator');
		expect(run.exitCode).toBe(1);
		expect(await journalOf(s)).toContain('[WERR_ACCESS_DENIED]');
		// The database went in before the start failed: roll back puts the originals back.
		const text = await remote(s, s.auth.admin, ['--resume']);
		expect(text.stdout).toContain('Start MSSYNC failed');
		expect(text.stdout).toContain('Query status request failed.  [WERR_ACCESS_DENIED]');
	});

	it('with a query-only account: the state is read, nothing is written, and it says which account to use', async () => {
		const s = await start();
		const before = await hashFolder(s.syncagnt);
		const run = await remote(s, s.auth.operator, ['--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', s.backup, '--yes']);
		expect(run.stdout).toContain('✓ Spooler answers: RUNNING');
		expect(run.stdout).toContain('cannot be written');
		expect(run.stdout).toContain('NT_STATUS_ACCESS_DENIED');
		expect(run.stdout).toContain('The target is not ready: nothing was changed.');
		expect(run.exitCode).toBe(1);
		expect(await hashFolder(s.syncagnt)).toEqual(before);
		expect(await spooler(s)).toBe('running');
	});

	it("with a wrong password: says the server refused it, names the file to check, and shows net's words", async () => {
		const s = await start();
		const run = await remote(s, s.auth.wrongPassword, ['--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', s.backup, '--yes']);
		expect(run.stdout).toContain(`${s.name} refused the user name or password`);
		expect(run.stdout).toContain('NT_STATUS_LOGON_FAILURE');
		expect(run.stdout).toContain(`check the username, password and domain lines in ${s.auth.wrongPassword}`);
		expect(run.exitCode).toBe(1);
	});

	it("with a name that does not resolve: says so, with net's own words", async () => {
		const s = await start();
		const run = await remote(s, s.auth.admin, ['--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', s.backup, '--yes'], 'NOSUCHHOST');
		expect(run.stdout).toContain('the name NOSUCHHOST did not resolve to an address');
		expect(run.stdout).toContain('Unable to find a suitable server for domain CORP');
		expect(run.exitCode).toBe(1);
	});

	it('reports its timings', () => {
		console.log(`Samba e2e timings:\n  ${timings.join('\n  ')}`);
	});
});
