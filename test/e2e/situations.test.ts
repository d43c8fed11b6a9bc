/**
 * Each situation, end to end: the real program in a pseudo-terminal on the lab, by keystrokes, from the
 * first look to the last screen (one walk per situation: pty walks are slow under load).
 */
import {readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {labStatusSchema} from '../../source/lab/status.js';
import {runCli, tempDir} from '../helpers/run-cli.js';
import {KEYS, PtySession} from './pty-session.js';

async function lab(...flags: string[]) {
	const dir = join(await tempDir(), 'lab');
	expect((await runCli(['lab', 'create', dir, '--pace', '0', ...flags])).exitCode).toBe(0);
	return dir;
}

async function status(dir: string) {
	return labStatusSchema.parse(JSON.parse((await runCli(['lab', 'status', dir, '--json'])).stdout));
}

/** The first look, then the symptom: `down` times down from "a red X". */
async function symptom(session: PtySession, down: number) {
	await session.waitFor(/servers? shows? a red X\./);
	await session.type(KEYS.enter);
	await session.waitFor('What brings you here?');
	for (let i = 0; i < down; i++) await session.type(KEYS.down);
	await session.type(KEYS.enter);
}

/** The backup question to the synchronize question: the lab's backup, its checks read. */
async function backupUpToSynchronize(session: PtySession) {
	await session.waitFor('Do you have a backup');
	await session.type(KEYS.enter);
	await session.waitFor('Which folder holds the backup?');
	await session.type(KEYS.enter);
	await session.waitFor(/I have read the warnings?: continue/);
	await session.type(KEYS.enter);
	await session.waitFor('How should the servers be synchronized');
}

describe('each situation in a pseudo-terminal', {timeout: 240_000}, () => {
	it('a red X, an old backup: Full is recommended; choosing the plain synchronize leaves every server blue and accounts stale, and the end says Event 8005 was logged and to fully synchronize (exit 1)', async () => {
		const dir = await lab('--backup-age', '30', '--change-log-size', '50');
		const session = new PtySession(['--lab', dir], {cols: 120, rows: 40});
		try {
			await symptom(session, 0);
			await session.waitFor('Is this the PDC that ran DSMN all along?');
			await session.type(KEYS.enter);
			await backupUpToSynchronize(session);
			expect(session.screen()).toMatch(/❯ Fully synchronize all servers \(recommended\)/);
			expect(session.screen()).toContain('Event 8005');
			await session.type(KEYS.up);
			await session.waitFor(/❯ Synchronize all servers/);
			await session.type(KEYS.enter);
			await session.waitFor('At the end: Synchronize all servers (recommended: Fully synchronize all servers)');
			await session.type(KEYS.enter);
			for (const [shown, keys] of [
				[/Runs "net stop MSSYNC"/, ['y']],
				[/Moves \d+ files out of/, ['y']],
				['Type RESTORE and press Enter', [...'RESTORE', KEYS.enter]],
				[/Runs "net start MSSYNC"/, ['y']],
				[/Runs "Synchronize all servers"/, ['y']],
			] as const) {
				await session.waitFor(shown, 30_000);
				await session.type(...keys);
			}
			// Not "Done: every server shows a blue check": the lab's Application log holds Event 8005 since the start.
			await session.waitFor('Done, but Event 8005: the servers need a full synchronize', 30_000);
			expect(session.history()).toMatch(/MSSYNC logged Event 8005 at/);
			expect(session.history().replace(/\s+/g, ' ')).toContain(`lab sync ${dir} --full`);
			expect(session.history()).not.toContain('Done: every server shows a blue check');
			await session.type(KEYS.enter);
			expect(await session.exited).toMatchObject({exitCode: 1});
			const after = await status(dir);
			expect(after.servers.every(s => s.synchronized)).toBe(true);
			expect(after.servers.some(s => s.staleAccounts.length > 0)).toBe(true);
			expect(after.events.some(e => e.id === 8005)).toBe(true);
		} finally {
			await session.kill();
		}
	});

	it('MSSYNC will not start: the dsmpack repair is offered first, runs, and MSSYNC starts again (mssync.bkp kept)', async () => {
		const dir = await lab('--wont-start');
		const session = new PtySession(['--lab', dir], {cols: 120, rows: 40});
		try {
			// MSSYNC found stopped: the pointer starts on "MSSYNC will not start" (issue 29), so Enter alone chooses it.
			await symptom(session, 0);
			await session.waitFor('Repair the database with dsmpack /r first?');
			await session.type(KEYS.enter);
			await session.waitFor('The plan (KB Q197852, repair with dsmpack)');
			// MSSYNC is stopped already (it will not start): the plan begins with the repair, not with stopping it.
			expect(session.screen()).toMatch(/1\. Repair the database with dsmpack \/r/);
			expect(session.screen()).not.toMatch(/Stop MSSYNC/);
			await session.type(KEYS.enter);
			for (const shown of [/Runs dsmpack \/r in/, /⚠ Start MSSYNC/]) {
				await session.waitFor(shown, 30_000);
				await session.type('y');
			}
			// The lab's damaged servers stay red until synchronized: the summary says so (not "Done").
			await session.waitFor(/Repaired: MSSYNC runs; FS2, FS4, FS5 still show a red X: synchronize next/, 30_000);
			expect(session.history()).toMatch(/the repair worked/);
			await session.type(KEYS.enter);
			await session.exited;
			expect((await status(dir)).service.state).toBe('RUNNING');
			expect((await readdir(join(dir, 'SystemRoot', 'SYSTEM32', 'SYNCAGNT'))).map(n => n.toLowerCase())).toContain('mssync.bkp');
		} finally {
			await session.kill();
		}
	});

	it('a BDC (lab create --role bdc): the PDC screen shows what the server reported; the restore is refused with what to do, Esc goes back, nothing changed', async () => {
		const dir = await lab('--role', 'bdc');
		const session = new PtySession(['--lab', dir], {cols: 120, rows: 40});
		try {
			await symptom(session, 0);
			await session.waitFor('Is this the PDC that ran DSMN all along?');
			expect(session.screen()).toMatch(/reports itself as a BDC \(server type 0x1013\)/);
			await session.type(KEYS.enter);
			await session.waitFor('This server is a BDC: nothing was changed');
			expect(session.screen()).toMatch(/Run the tool on the PDC that ran DSMN instead/);
			await session.type(KEYS.escape);
			await session.waitFor('Is this the PDC that ran DSMN all along?');
			await session.type(KEYS.down, KEYS.enter);
			await session.waitFor(/What to do: Promote this BDC to PDC/);
			await session.type(KEYS.enter);
			expect(await session.exited).toMatchObject({exitCode: 1});
			expect((await status(dir)).service.state).toBe('RUNNING');
		} finally {
			await session.kill();
		}
	});

	it('the PDC was lost: said once, at the PDC question, and the backup goes into SYNCAGNT\\Backup (KB Q154761)', async () => {
		const dir = await lab('--new-pdc');
		const session = new PtySession(['--lab', dir], {cols: 120, rows: 40});
		try {
			await session.waitFor(/servers? shows? a red X\./);
			await session.type(KEYS.enter);
			await session.waitFor('What brings you here?');
			expect(session.screen()).not.toMatch(/The PDC was lost: this server/);
			await session.type(KEYS.enter);
			await session.waitFor('Is this the PDC that ran DSMN all along?');
			await session.type(KEYS.down);
			await session.waitFor(/❯ No/);
			await session.type(KEYS.enter);
			await backupUpToSynchronize(session);
			await session.type(KEYS.enter);
			await session.waitFor('The plan (KB Q154761, the backup onto a new PDC)');
			await session.type(KEYS.enter);
			for (let i = 0; i < 4; i++) {
				await session.waitFor(/⚠ (Stop MSSYNC|Copy the backup into SYNCAGNT\\Backup|Start MSSYNC|(Fully s|S)ynchronize all servers)/, 30_000);
				if (session.screen().includes('Type RESTORE')) await session.type(...'RESTORE', KEYS.enter);
				else await session.type('y');
				await session.waitFor(new RegExp(`(✓.*){${i + 1}}`, 's'), 30_000);
			}
			await session.waitFor('Done: every server shows a blue check', 30_000);
			await session.type(KEYS.enter);
			expect(await session.exited).toMatchObject({exitCode: 0});
			expect((await readdir(join(dir, 'SystemRoot', 'SYSTEM32', 'SYNCAGNT', 'Backup'))).map(n => n.toUpperCase())).toContain('MSSYNC.MDB');
		} finally {
			await session.kill();
		}
	});

	it('the reconstruct asks the NetWare versions: FS2 on 4.x (Allow4X set) is rebuilt without SYSCON or BINDREST', async () => {
		const dir = await lab('--no-backup', '--netware', 'FS2=4.x', '--allow4x', '--servers', '2');
		const root = await tempDir();
		const session = new PtySession(['--lab', dir], {cols: 120, rows: 40, env: {HOME: root}});
		try {
			await symptom(session, 0);
			await session.waitFor('Is this the PDC that ran DSMN all along?');
			await session.type(KEYS.enter);
			await session.waitFor('Do you have a backup');
			await session.type(KEYS.down, KEYS.enter);
			await session.waitFor('Every propagated user');
			await session.type(KEYS.enter);
			await session.waitFor('Which NetWare servers do you want to reconstruct?');
			await session.type(KEYS.enter);
			// One server: its own question at once. The lab knows FS2 runs 4.x: the pointer starts there, and the screen says why.
			await session.waitFor('Which NetWare version does FS2 run?');
			await session.waitFor('The practice lab says: FS2 runs NetWare 4.x');
			expect(session.screen()).toMatch(/❯ NetWare 4\.x/);
			await session.type(KEYS.enter);
			await session.waitFor('Restore the bindery from its backup');
			expect(session.screen()).toContain('NetWare 4.x: no bindery backup to restore');
			await session.type(KEYS.enter);
			await session.waitFor('How should the propagated users get their new passwords?');
			await session.type(KEYS.enter);
			await session.waitFor('Where should the list of new passwords go?');
			await session.type(KEYS.enter);
			await session.waitFor('NetWare versions: FS2 4.x.');
			await session.type(KEYS.enter);
			await session.waitFor('⚠ Delete WINNT_SYNC_AGENT from FS2', 30_000);
			await session.type(...'FS2', KEYS.enter);
			await session.waitFor('⚠ Add FS2 back to the domain', 30_000);
			await session.type('?');
			await session.waitFor('Allow4X');
			await session.type('x');
			await session.waitFor('⚠ Add FS2 back to the domain');
			await session.type('y');
			await session.waitFor('⚠ Set a new password for each propagated user', 30_000);
			await session.type('y');
			await session.waitFor('⚠ Synchronize all servers', 30_000);
			await session.type('y');
			await session.waitFor(/Done/, 30_000);
			await session.type(KEYS.enter);
			await session.exited;
			const fs2 = (await status(dir)).servers.find(s => s.name === 'FS2')!;
			expect(fs2).toMatchObject({synchronized: true, syncAgent: true});
		} finally {
			await session.kill();
		}
	});
});
