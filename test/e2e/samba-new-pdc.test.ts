/**
 * The restore on a new PDC (KB Q154761, `--pdc new`) on the remote target from Linux, against a real
 * Samba server on 127.0.0.1 (test/helpers/samba-server.ts): Spooler stands in for MSSYNC, SYNCAGNT is on
 * the real ADMIN$ share through smbclient. The copies go into SYNCAGNT\Backup (made through smbclient);
 * the run waits for the manual synchronization; --rollback moves the copies aside and removes the folder.
 */
import {readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {isRestoredFile, isStaleInLiveFolder} from '../../source/backup/classify.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {runCli} from '../helpers/run-cli.js';
import {sambaReason, startSambaServer, type SambaServer} from '../helpers/samba-server.js';

const {skip} = sambaReason();

let server: SambaServer | undefined;
afterEach(async () => {
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
});
