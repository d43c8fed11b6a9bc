/**
 * The wizard on a remote NT server reached from Linux, by keystrokes in a real pseudo-terminal: the
 * stand-in `net` (Samba's `net rpc service`) on PATH, SYNCAGNT a folder standing for the mounted share.
 */
import {readFile} from 'node:fs/promises';
import {describe, expect, it} from 'vitest';
import {isRestoredFile} from '../../source/backup/classify.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {standinServer} from '../helpers/standin-server.js';
import {KEYS, PtySession} from './pty-session.js';

describe('the restore flow on a remote server, from Linux, in a pseudo-terminal', () => {
	it('asks for the server and the account, restores through net rpc, and waits for the admin to synchronize', async () => {
		const server = await standinServer();
		const password = 'Pa55-w0rd-Typed';
		const session = new PtySession(['--backup', server.backup, '--select', 'FS1,FS2'], {env: server.env});
		await session.waitFor('Where do you want to work?');
		await session.type(KEYS.down, KEYS.down, KEYS.enter);
		await session.waitFor('The NT server running DSMN');
		await session.type(...'NTPDC1', KEYS.enter);
		await session.waitFor('Where is its SYNCAGNT folder mounted here?');
		await session.type(...server.syncagnt, KEYS.enter);
		await session.waitFor('An administrator account on that server');
		await session.type(...'Administrator', KEYS.enter);
		await session.waitFor("The account's domain");
		await session.type(...'CORP', KEYS.enter);
		await session.waitFor("The account's password");
		await session.type(...password);
		await session.waitFor('•'.repeat(password.length));
		await session.type(KEYS.enter);
		await session.waitFor('✓ MSSYNC answers: RUNNING');
		expect(session.screen()).toContain('can be read and written');
		expect(session.screen()).toMatch(/• FS1\s+as Synchronization Manager shows it/);
		await session.type(KEYS.enter);
		await session.waitFor('Do you have a backup of the account synchronization database?');
		await session.type(KEYS.enter);
		await session.waitFor('Which folder holds the backup?');
		await session.type(KEYS.enter);
		await session.waitFor(/I have read the warning: continue|Restore from this backup/);
		await session.type(KEYS.enter);
		await session.waitFor('The plan (KB Q148678)');
		await session.type(KEYS.enter);
		await session.waitFor(/net rpc service stop MSSYNC/);
		await session.type('y');
		await session.waitFor(/Moves \d+ files out of/);
		await session.type('y');
		await session.waitFor('Type RESTORE and press Enter');
		await session.type(...'RESTORE', KEYS.enter);
		await session.waitFor(/net rpc service start MSSYNC/);
		await session.type('y');
		await session.waitFor('Choose NetWare Server ▸ Synchronize all servers.');
		await session.waitFor(/\d:\d\d elapsed since you were asked/);
		// The blue checks, ticked as they appear: FS1 (Space), then FS2 (Tab, Space).
		await session.waitFor('Blue checks seen: 0 of 2');
		await session.type(' ');
		await session.waitFor('Blue checks seen: 1 of 2');
		await session.type(KEYS.tab, ' ');
		await session.waitFor('Blue checks seen: 2 of 2');
		// "Not yet" is the default: Enter alone never claims a step a person must do.
		await session.type(KEYS.up, KEYS.enter);
		await session.waitFor('Done: every step is finished');
		await session.type(KEYS.enter);
		expect(await session.exited).toMatchObject({exitCode: 0});

		expect(await hashFolder(server.syncagnt, isRestoredFile)).toEqual(await hashFolder(server.backup, isRestoredFile));
		const argv = await readFile(server.log, 'utf8');
		expect(argv).toContain('rpc service stop MSSYNC -S NTPDC1 -A');
		// The password: typed once, never drawn, never in argv; its temporary file is gone.
		expect(session.raw).not.toContain(password);
		expect(argv).not.toContain(password);
		const authFile = argv.match(/-A (\S+)/)![1]!;
		await expect(readFile(authFile)).rejects.toMatchObject({code: 'ENOENT'});
	});
});
