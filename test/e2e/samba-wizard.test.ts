/**
 * The wizard on a remote NT server reached from Linux, by keystrokes in a real pseudo-terminal, against
 * a real Samba server on 127.0.0.1 (test/helpers/samba-server.ts): the account typed, Spooler standing
 * in for MSSYNC through the real `net rpc service`, SYNCAGNT on the real ADMIN$ share through the real
 * smbclient — no mount.
 */
import {readdir} from 'node:fs/promises';
import {afterEach, describe, expect, it} from 'vitest';
import {isRestoredFile} from '../../source/backup/classify.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {tempDir} from '../helpers/run-cli.js';
import {ADMIN_PASSWORD, sambaReason, startSambaServer, type SambaServer} from '../helpers/samba-server.js';
import {signInToSamba} from './samba-keys.js';
import {KEYS, PtySession} from './pty-session.js';
import {throughSituation, throughSynchronizeChoice} from './situation-keys.js';

const {skip} = sambaReason();

let server: SambaServer | undefined;
const sessions: PtySession[] = [];
afterEach(async () => {
	for (const session of sessions.splice(0)) await session.kill('SIGHUP');
	await server?.stop();
	server = undefined;
});

describe.skipIf(skip)('the restore flow on a real Samba server, from Linux, in a pseudo-terminal', {timeout: 240_000}, () => {
	it('asks for the server and the account, restores through net rpc and smbclient, and waits for the admin to synchronize', async () => {
		const s = (server = await startSambaServer());
		const began = Date.now();
		// A temporary folder of its own: the auth file and smbclient's transfers go there, and must be gone at the end.
		const temporary = await tempDir();
		const session = new PtySession(['--backup', s.backup, '--select', 'FS1,FS2'], {env: {...s.env, TMPDIR: temporary}});
		sessions.push(session);
		await signInToSamba(session, s);
		expect(session.screen().replace(/\s+/g, ' ')).toContain(`through smbclient on //${s.name}/ADMIN$, no mount`);
		expect(session.screen()).toContain(`\\\\${s.name} (Samba)`);
		expect(session.screen()).not.toContain('practice lab in');
		await session.type(KEYS.enter);
		await throughSituation(session);
		await session.waitFor('Do you have a backup of the account synchronization database?');
		await session.type(KEYS.enter);
		await session.waitFor('Which folder holds the backup?');
		await session.type(KEYS.enter);
		await session.waitFor(/I have read the warning: continue|Restore from this backup/);
		await session.type(KEYS.enter);
		await throughSynchronizeChoice(session);
		await session.waitFor('The plan (KB Q148678)');
		expect(session.screen()).toContain(`//${s.name}/ADMIN$/SYSTEM32/SYNCAGNT.before-restore-…`);
		await session.type(KEYS.enter);
		await session.waitFor(`net rpc service stop Spooler -S ${s.name}`);
		await session.type('y');
		await session.waitFor(/Moves \d+ files out of/, 90_000);
		await session.type('y');
		await session.waitFor('Type RESTORE and press Enter', 90_000);
		await session.type(...'RESTORE', KEYS.enter);
		await session.waitFor(`net rpc service start Spooler -S ${s.name}`, 90_000);
		await session.type('y');
		// The test server's backup is days old: Fully synchronize is the recommended answer (throughSynchronizeChoice took it).
		await session.waitFor(/Choose NetWare Server ▸ (Fully s|S)ynchronize all servers\./, 90_000);
		// The footer: the newest command, shortened in the middle so that its end (the port) still shows.
		const footer = session
			.screen()
			.split('\n')
			.find(line => line.startsWith('Last command: '))!;
		expect(footer).toMatch(new RegExp(`^Last command: net rpc service status Spooler .*….* -p ${s.port}$`));
		expect(footer.length).toBeLessThanOrEqual(100);
		await session.waitFor('Blue checks seen: 0 of 2');
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
		await session.waitFor('Done: every step is finished');
		await session.type(KEYS.enter);
		expect(await session.exited).toMatchObject({exitCode: 0});
		console.log(`the wizard on a real Samba server: ${Date.now() - began} ms`);

		expect(await hashFolder(s.syncagnt, isRestoredFile)).toEqual(await hashFolder(s.backup, isRestoredFile));
		// The password: typed once, never drawn; its temporary file is gone.
		expect(session.raw).not.toContain(ADMIN_PASSWORD);
		expect(await readdir(temporary)).toEqual([]);
	});
});
