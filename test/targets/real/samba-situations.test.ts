/**
 * The expert's situations on a real target, scripted, against a real Samba server on 127.0.0.1
 * (test/helpers/samba-server.ts; Spooler stands in for MSSYNC, SYNCAGNT is on the real ADMIN$ share
 * through smbclient): the reconstruct with a NetWare 4.x server (every NetWare step the admin's, with
 * instructions per version), and the dsmpack repair (dsmpack runs at the PDC's console: the tool stops
 * MSSYNC, says what to type, waits, looks for the mssync.bkp dsmpack keeps, then starts MSSYNC). The test
 * plays the admin's part: it writes what dsmpack leaves. ARCHITECTURE.md, "The situations, tested".
 */
import {copyFile, readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {hashFolder} from '../../helpers/hash-folder.js';
import {runCli} from '../../helpers/run-cli.js';
import {ADMIN_PASSWORD, sambaReason, spooler, setAllow4x, startSambaServer, type SambaServer} from '../../helpers/samba-server.js';

const {skip} = sambaReason();

let server: SambaServer | undefined;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

function remote(s: SambaServer, args: string[]) {
	return runCli(['--target', 'remote', '--host', s.name, '--credentials-file', s.auth.admin, ...args], {env: s.env});
}

/** The text of one "Your turn" step, from its heading to the line that says how to go on. */
function turn(stdout: string): {title: string; text: string} {
	const at = stdout.indexOf('▸ Your turn: ');
	const text = at < 0 ? '' : stdout.slice(at);
	return {title: /▸ Your turn: (.*)/.exec(text)?.[1] ?? '(none)', text};
}

describe.skipIf(skip)('the expert’s situations on a real Samba server, scripted', {timeout: 300_000}, () => {
	it('reconstruct with FS2 on NetWare 4.x: each NetWare step is the admin’s, FS2’s with Allow4X and never SYSCON or BINDREST, FS1’s with SYSCON; SYNCAGNT untouched', async () => {
		const s = (server = await startSambaServer());
		// As the admin does on the PDC before DSMN takes a 4.x server (KB Q145589); without it the run is refused (allow4x-registry-samba.test.ts).
		setAllow4x(s, 1);
		const before = await hashFolder(s.syncagnt);
		const first = await remote(s, ['--flow', 'reconstruct', '--select', 'FS1,FS2', '--netware', 'FS2=4.x', '--supervisor', 'yes', '--yes']);
		expect(first.exitCode, first.stdout + first.stderr).toBe(3);
		const turns = [turn(first.stdout)];
		for (let i = 0; i < 10 && turns.at(-1)!.title !== '(none)'; i++) {
			const next = await remote(s, ['--resume']);
			expect([0, 3], next.stdout + next.stderr).toContain(next.exitCode);
			turns.push(turn(next.stdout));
			if (next.exitCode === 0) {
				expect(next.stdout).toContain('✓ Synchronize all servers: done by the administrator, as confirmed');
				break;
			}
		}
		expect(turns.map(t => t.title)).toEqual([
			'Delete WINNT_SYNC_AGENT from FS1',
			'Add FS1 back to the domain',
			'Delete WINNT_SYNC_AGENT from FS2',
			'Add FS2 back to the domain',
			'Set a new password for each propagated user',
			'Synchronize all servers',
			'(none)',
		]);
		const byTitle = Object.fromEntries(turns.map(t => [t.title, t.text]));
		// FS1 runs 3.x: SYSCON at a workstation, as SUPERVISOR.
		expect(byTitle['Delete WINNT_SYNC_AGENT from FS1']).toMatch(/SYSCON/);
		// FS2 runs 4.x: no 3.x tool, and adding it back needs Allow4X on the PDC (KB Q145589).
		for (const title of ['Delete WINNT_SYNC_AGENT from FS2', 'Add FS2 back to the domain']) {
			expect(byTitle[title], title).not.toMatch(/SYSCON|BINDREST/);
		}
		expect(byTitle['Add FS2 back to the domain']).toMatch(/Allow4X/);
		// Allow4X read from the server's registry just before FS2's delete step; the restart cannot be read, so the step asks about it.
		expect(byTitle['Delete WINNT_SYNC_AGENT from FS2']).toMatch(
			/Allow4X is set on the PDC \(read from its registry just now: REG_DWORD 1\)\. Whether the NT server was restarted/,
		);
		expect(byTitle['Add FS2 back to the domain']).toMatch(/Q145589/);
		expect(byTitle['Add FS1 back to the domain']).not.toMatch(/Allow4X/);
		// The reconstruct changes nothing in SYNCAGNT, and leaves MSSYNC running (Add Server to Manage needs it).
		expect(await hashFolder(s.syncagnt)).toEqual(before);
		expect(await spooler(s)).toBe('running');
		expect(turns.map(t => t.text).join('\n')).not.toContain(ADMIN_PASSWORD);
	});

	it('repair: MSSYNC stopped, dsmpack /r told to the admin, no mssync.bkp refused (MSSYNC left stopped), then with it MSSYNC started', async () => {
		const s = (server = await startSambaServer());
		const first = await remote(s, ['--repair', 'dsmpack', '--yes']);
		expect(first.exitCode, first.stdout + first.stderr).toBe(3);
		expect(first.stdout).toContain(`$ net rpc service stop Spooler -S ${s.name}`);
		expect(first.stdout).toContain('▸ Your turn: Repair the database with dsmpack /r');
		// Typed at the PDC's own prompt: SYNCAGNT as the PDC names it, not the ADMIN$ path this machine reaches it by.
		expect(first.stdout).toContain('cd /d %SystemRoot%\\SYSTEM32\\SYNCAGNT  then  dsmpack /r');
		expect(first.stdout).not.toMatch(/cd \/d \/\//);
		expect(first.stdout).toContain('Do not start MSSYNC yourself');
		expect(await spooler(s)).toBe('stopped');

		// Confirmed without dsmpack having run: no mssync.bkp, so MSSYNC is not started.
		const early = await remote(s, ['--resume']);
		expect(early.exitCode, early.stdout + early.stderr).toBe(1);
		expect(early.stdout + early.stderr).toMatch(
			/there is no mssync\.bkp in .*SYNCAGNT: dsmpack \/r writes one there, so it has not run since this step began at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/,
		);
		expect(early.stdout + early.stderr).toContain("run dsmpack /r in %SystemRoot%\\SYSTEM32\\SYNCAGNT at the PDC's prompt with MSSYNC stopped");
		expect(await spooler(s)).toBe('stopped');

		// The admin's part: dsmpack /r keeps the database as it was as mssync.bkp beside MSSYNC.MDB.
		const mdb = (await readdir(s.syncagnt)).find(n => n.toUpperCase() === 'MSSYNC.MDB')!;
		await copyFile(join(s.syncagnt, mdb), join(s.syncagnt, 'mssync.bkp'));
		const done = await remote(s, ['--resume']);
		expect(done.exitCode, done.stdout + done.stderr).toBe(0);
		expect(done.stdout).toMatch(/the repair worked \(mssync\.bkp kept\)/);
		expect(done.stdout).toMatch(/a server that showed a red X before still does until it is synchronized/);
		expect(await spooler(s)).toBe('running');
	});
});
