/**
 * The restore on a new PDC (KB Q154761, `--pdc new`) on the remote target from Linux, against a real
 * Samba server on 127.0.0.1 (test/helpers/samba-server.ts): Spooler stands in for MSSYNC, SYNCAGNT is on
 * the real ADMIN$ share through smbclient. The copies go into SYNCAGNT\Backup (made through smbclient);
 * the run waits for the manual synchronization; --rollback moves the copies aside and removes the folder.
 * The wizard walks the same run in a pseudo-terminal, "the PDC was lost" chosen by keystrokes.
 */
import {readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {isRestoredFile, isStaleInLiveFolder} from '../../source/backup/classify.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {runCli, tempDir} from '../helpers/run-cli.js';
import {ADMIN_PASSWORD, sambaReason, startSambaServer, type SambaServer} from '../helpers/samba-server.js';
import {signInToSamba} from './samba-keys.js';
import {KEYS, PtySession} from './pty-session.js';
import {throughSynchronizeChoice} from './situation-keys.js';

const {skip} = sambaReason();

let server: SambaServer | undefined;
const sessions: PtySession[] = [];
afterEach(async () => {
	for (const session of sessions.splice(0)) await session.kill('SIGHUP');
	await server?.stop();
	server = undefined;
});

function remote(s: SambaServer, args: string[]) {
	return runCli(['--target', 'remote', '--host', s.name, '--credentials-file', s.auth.admin, ...args], {env: s.env});
}

describe.skipIf(skip)('--pdc new on the remote target against a real Samba server', {timeout: 240_000}, () => {
	it('copies the backup into SYNCAGNT\\Backup through smbclient, leaves SYNCAGNT itself alone, waits at the manual step; --rollback takes the copies away', async () => {
		const s = (server = await startSambaServer());
		const live = await hashFolder(s.syncagnt, isStaleInLiveFolder);
		const first = await remote(s, ['--flow', 'restore', '--pdc', 'new', '--synchronize', 'normal', '--backup', s.backup, '--select', 'FS1,FS2', '--yes']);
		expect(first.exitCode, first.stdout + first.stderr).toBe(3);
		expect(first.stdout).toContain('▸ Your turn: Synchronize all servers');
		expect(await hashFolder(join(s.syncagnt, 'Backup'), isRestoredFile)).toEqual(await hashFolder(s.backup, isRestoredFile));
		expect(await hashFolder(s.syncagnt, isStaleInLiveFolder)).toEqual(live);

		const back = await remote(s, ['--rollback']);
		expect(back.exitCode, back.stdout + back.stderr).toBe(0);
		expect(await readdir(s.syncagnt)).not.toContain('Backup');
		const system32 = join(s.systemRoot, 'SYSTEM32');
		const aside = (await readdir(system32)).find(n => n.startsWith('SYNCAGNT.rolled-back-'));
		expect(aside, (await readdir(system32)).join(', ')).toBeDefined();
		expect(await hashFolder(join(system32, aside!), isRestoredFile)).toEqual(await hashFolder(s.backup, isRestoredFile));
	});

	it('the wizard, in a pseudo-terminal: "the PDC was lost" chosen, the copies go into SYNCAGNT\\Backup, SYNCAGNT itself untouched, the synchronize is the admin’s', async () => {
		const s = (server = await startSambaServer());
		const live = await hashFolder(s.syncagnt, isStaleInLiveFolder);
		const temporary = await tempDir();
		const session = new PtySession(['--backup', s.backup, '--select', 'FS1,FS2'], {cols: 120, rows: 40, env: {...s.env, TMPDIR: temporary}});
		sessions.push(session);
		await signInToSamba(session, s);
		await session.type(KEYS.enter);
		await session.waitFor('What brings you here?');
		await session.type(KEYS.enter);
		await session.waitFor('Is this the PDC that ran DSMN all along?');
		await session.type(KEYS.down);
		await session.waitFor(/❯ No/);
		await session.type(KEYS.enter);
		await session.waitFor('Do you have a backup of the account synchronization database?');
		await session.type(KEYS.enter);
		await session.waitFor('Which folder holds the backup?');
		await session.type(KEYS.enter);
		await session.waitFor(/I have read the warnings?: continue|Restore from this backup/);
		await session.type(KEYS.enter);
		await throughSynchronizeChoice(session);
		await session.waitFor('The plan (KB Q154761, the backup onto a new PDC)');
		await session.type(KEYS.enter);
		await session.waitFor(`net rpc service stop Spooler -S ${s.name}`, 90_000);
		await session.type('y');
		await session.waitFor(/⚠ Copy the backup into SYNCAGNT\\Backup/, 90_000);
		if (session.screen().includes('Type RESTORE')) await session.type(...'RESTORE', KEYS.enter);
		else await session.type('y');
		await session.waitFor(`net rpc service start Spooler -S ${s.name}`, 90_000);
		await session.type('y');
		await session.waitFor('Blue checks seen: 0 of 2', 90_000);
		// One key at a time, each once the last has acted: two keys that reach the wizard in one read (a loaded
		// machine) are a burst, which a choice refuses whole (ARCHITECTURE.md, "Keys and type-ahead").
		await session.type(' ');
		await session.waitFor('Blue checks seen: 1 of 2');
		await session.type(KEYS.tab);
		await session.waitFor(/▸ \[ \] FS2/);
		await session.type(' ');
		await session.waitFor('Blue checks seen: 2 of 2');
		await session.type(KEYS.up);
		await session.waitFor(/❯ I have done it/);
		await session.type(KEYS.enter);
		await session.waitFor('Done: every step is finished', 90_000);
		await session.type(KEYS.enter);
		expect(await session.exited).toMatchObject({exitCode: 0});

		expect(await hashFolder(join(s.syncagnt, 'Backup'), isRestoredFile)).toEqual(await hashFolder(s.backup, isRestoredFile));
		expect(await hashFolder(s.syncagnt, isStaleInLiveFolder)).toEqual(live);
		expect(session.raw).not.toContain(ADMIN_PASSWORD);
		expect(await readdir(temporary)).toEqual([]);
	});
});
