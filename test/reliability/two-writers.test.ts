/**
 * Two runs on one server, from two state folders and two spellings of the host (the NetBIOS name and
 * 127.0.0.1), against a real Samba server (test/helpers/samba-server.ts): the second is refused before it
 * changes anything, told who holds the server and since when; the lock goes with the first run's end.
 * Issue 27, finding 1: before the writer lock on the server, the second run moved the first one's files.
 */
import {readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {hashFolder} from '../helpers/hash-folder.js';
import {runCli} from '../helpers/run-cli.js';
import {sambaReason, startSambaServer, type SambaServer} from '../helpers/samba-server.js';

const {skip} = sambaReason();

let server: SambaServer | undefined;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

/** A run from its own state folder (another desk's dsmn-resync), naming the host as given. */
function from(s: SambaServer, desk: string, host: string, args: string[]) {
	return runCli(['--target', 'remote', '--host', host, '--credentials-file', s.auth.admin, ...args], {
		env: {...s.env, XDG_STATE_HOME: join(s.root, desk)},
	});
}

async function journalOf(s: SambaServer, desk: string): Promise<string> {
	const folder = join(s.root, desk, 'dsmn-resync');
	const [name] = await readdir(folder);
	return readFile(join(folder, name!), 'utf8');
}

describe.skipIf(skip)('one server, one writer, wherever the second one runs from (real Samba)', {timeout: 240_000}, () => {
	it('refuses a second run from another state folder and another host spelling while the first is unfinished; the first ends and frees it', async () => {
		const s = (server = await startSambaServer());
		const system32 = join(s.systemRoot, 'SYSTEM32');
		const first = await from(s, 'desk-a', s.name, ['--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', s.backup, '--yes']);
		expect(first.exitCode).toBe(3); // waits for the manual synchronization: unfinished, the server still its own
		expect(await readdir(system32)).toContain('SYNCAGNT.dsmn-resync-lock');
		const holder = JSON.parse(await readFile(join(system32, 'SYNCAGNT.dsmn-resync-lock', 'HOLDER.JSON'), 'utf8')) as Record<string, unknown>;

		const server32 = await hashFolder(system32);
		const second = await from(s, 'desk-b', '127.0.0.1', ['--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', s.backup, '--yes']);
		expect(second.stdout).toContain(`another dsmn-resync holds this server's writer lock: run ${String(holder['runId'])}`);
		expect(second.stdout).toContain(`since ${String(holder['since']).slice(0, 19).replace('T', ' ')} UTC`);
		// The first run's process has exited: said so, and never broken without --break-lock.
		expect(second.stdout).toContain(`It is believed gone: its process ${String(holder['pid'])} on this machine is no longer running`);
		expect(second.stdout).toContain('--break-lock');
		expect(second.stdout).not.toContain('net rpc service stop');
		expect(second.exitCode).toBe(1);
		expect(await hashFolder(system32)).toEqual(server32);

		// The first run, resumed from its own desk, takes its lock back, finishes, and gives it up.
		const done = await from(s, 'desk-a', s.name, ['--resume']);
		expect(done.exitCode).toBe(0);
		expect(await readdir(system32)).not.toContain('SYNCAGNT.dsmn-resync-lock');
		expect(await journalOf(s, 'desk-a')).toMatch(/"writer-lock".*"action":"released"/);
		const later = await from(s, 'desk-b', '127.0.0.1', ['--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', s.backup, '--yes']);
		expect(later.stdout).not.toContain('writer lock');
		expect(later.exitCode).toBe(3);
	});

	it('breaks a lock believed gone only with --break-lock, and journals whose it was and why', async () => {
		const s = (server = await startSambaServer());
		const first = await from(s, 'desk-a', s.name, ['--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', s.backup, '--yes']);
		expect(first.exitCode).toBe(3);
		const rollback = await from(s, 'desk-b', '127.0.0.1', [
			'--flow',
			'restore',
			'--pdc',
			'same',
			'--synchronize',
			'normal',
			'--backup',
			s.backup,
			'--yes',
			'--break-lock',
		]);
		expect(rollback.stdout).not.toContain("holds this server's writer lock");
		const journal = (await journalOf(s, 'desk-b')).split('\n').filter(Boolean);
		const broken = journal.map(l => JSON.parse(l) as Record<string, unknown>).find(e => e['type'] === 'writer-lock' && e['action'] === 'broken');
		expect(broken).toMatchObject({
			holder: {runId: expect.stringMatching(new RegExp(`^${s.name}-`)) as unknown},
			reason: expect.stringContaining('no longer running'),
		});
	});
});
