/**
 * The expert's situations in the wizard on a real target: keystrokes in a pseudo-terminal against a real
 * Samba server on 127.0.0.1 (test/helpers/samba-server.ts; Spooler stands in for MSSYNC, SYNCAGNT on the
 * real ADMIN$ share through smbclient). The reconstruct with FS1 on NetWare 3.x and FS2 on 4.x (every
 * NetWare step the admin's, FS2's with Allow4X and no 3.x tool), and the dsmpack repair (MSSYNC stopped by
 * the tool, dsmpack /r the admin's at the PDC's console, mssync.bkp looked for, MSSYNC started). The test
 * plays the admin's part, and for the repair writes what dsmpack leaves. One smbd for the file's walks.
 * Their scripted runs are test/targets/real/samba-situations.test.ts'; ARCHITECTURE.md, "The situations, tested".
 */
import {copyFile, readdir, rm} from 'node:fs/promises';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {hashFolder} from '../helpers/hash-folder.js';
import {tempDir} from '../helpers/run-cli.js';
import {ADMIN_PASSWORD, sambaReason, spooler, setAllow4x, startSambaServer, type SambaServer} from '../helpers/samba-server.js';
import {KEYS, PtySession} from './pty-session.js';
import {signInToSamba} from './samba-keys.js';
import {throughSituation} from './situation-keys.js';

const {skip} = sambaReason();

const sessions: PtySession[] = [];
afterEach(async () => {
	for (const session of sessions.splice(0)) await session.kill('SIGHUP');
});

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe.skipIf(skip)('the expert’s situations in the wizard on a real Samba server', {timeout: 300_000}, () => {
	let s: SambaServer;
	beforeAll(async () => {
		s = await startSambaServer();
	}, 120_000);
	afterAll(async () => {
		await s?.stop();
	});

	/**
	 * The wizard signed in to the server, its journal in `state` (a walk's own, so that one walk's run is not
	 * the next one's to resume); past the look at the target to "What brings you here?", or at `until`.
	 */
	async function wizard(args: string[], state: string, until?: string): Promise<PtySession> {
		const temporary = await tempDir();
		const session = new PtySession(args, {cols: 120, rows: 40, env: {...s.env, TMPDIR: temporary, HOME: temporary, XDG_STATE_HOME: state}});
		sessions.push(session);
		await signInToSamba(session, s, until);
		if (!until) await session.type(KEYS.enter);
		return session;
	}

	/** A manual step's screen: its title on screen, the text checked, then "I have done it" chosen; returns the step's text. */
	async function done(session: PtySession, title: string): Promise<string> {
		await session.waitFor(`▸ Your turn: ${title}`, 90_000);
		const text = oneLine(session.screen());
		await session.type(KEYS.up);
		await session.waitFor('❯ I have done it');
		await session.type(KEYS.enter);
		return text;
	}

	it('reconstruct, FS1 on 3.x and FS2 on 4.x: left at the first step and resumed; every NetWare step is the admin’s, FS2’s with Allow4X and no SYSCON or BINDREST; SYNCAGNT untouched, MSSYNC left running', async () => {
		// As the admin does on the PDC before DSMN takes a 4.x server (KB Q145589); without it the wizard refuses before anything changes.
		setAllow4x(s, 1);
		const before = await hashFolder(s.syncagnt);
		const state = await tempDir();
		let session = await wizard(['--select', 'FS1,FS2'], state);
		await throughSituation(session);
		await session.waitFor('Do you have a backup');
		await session.type(KEYS.down, KEYS.enter);
		await session.waitFor('Every propagated user');
		await session.type(KEYS.enter);
		await session.waitFor('Which NetWare servers do you want to reconstruct?');
		expect(session.screen()).toContain('Chosen: FS1, FS2');
		await session.type(KEYS.enter);
		// A real target cannot say which NetWare a server runs: the question starts at 3.x, and "each" asks per server.
		await session.waitFor('Which NetWare version do the chosen servers run?');
		expect(session.screen()).toMatch(/❯ All run NetWare 3\.x/);
		await session.type(KEYS.down, KEYS.enter);
		await session.waitFor('Which NetWare version does FS1 run?');
		await session.type(KEYS.enter);
		await session.waitFor('Which NetWare version does FS2 run?');
		await session.type(KEYS.down);
		await session.waitFor(/❯ NetWare 4\.x/);
		await session.type(KEYS.enter);
		await session.waitFor('Restore the bindery from its backup');
		expect(session.screen()).toMatch(/FS1 +with BINDREST/);
		expect(session.screen()).toMatch(/FS2 +NetWare 4\.x: no bindery backup to restore/);
		await session.type(KEYS.enter);
		await session.waitFor('The plan (KB Q148678, no backup)');
		const plan = oneLine(session.screen());
		expect(plan).toContain('NetWare versions: FS1 3.x, FS2 4.x.');
		expect(plan).toContain('On a real server each NetWare step is yours');
		await session.type(KEYS.enter);

		// The admin leaves at the first step ("Not yet"), then starts again: the run waits, and is resumed there.
		await session.waitFor('▸ Your turn: Delete WINNT_SYNC_AGENT from FS1', 90_000);
		await session.waitFor('❯ Not yet — leave; start again to confirm it later');
		await session.type(KEYS.enter);
		await session.waitFor('⚠ Waiting for you: Delete WINNT_SYNC_AGENT from FS1');
		const waiting = oneLine(session.screen());
		// No password has been set yet: the screen says which step sets them, never that they were set.
		expect(waiting).not.toContain('The new passwords are the ones you set');
		expect(waiting).toContain('No password has been changed yet: the step "Set a new password for each propagated user" says how');
		expect(await session.exited).toMatchObject({exitCode: 3});
		session = await wizard([], state, 'A reconstruct run on this target waits for you to do "Delete WINNT_SYNC_AGENT from FS1"');
		await session.type(KEYS.enter);

		const deleteFs1 = await done(session, 'Delete WINNT_SYNC_AGENT from FS1');
		expect(deleteFs1).toMatch(/log in to FS1 as SUPERVISOR .* run SYSCON/);
		const addFs1 = await done(session, 'Add FS1 back to the domain');
		expect(addFs1).not.toMatch(/Allow4X/);
		const deleteFs2 = await done(session, 'Delete WINNT_SYNC_AGENT from FS2');
		// Allow4X read from the server's registry just before FS2's delete step; the restart cannot be read, so the step asks about it.
		expect(deleteFs2).toMatch(/Allow4X is set on the PDC \(read from its registry just now: REG_DWORD 1\)\. Whether the NT server was restarted/);
		await session.waitFor('▸ Your turn: Add FS2 back to the domain', 90_000);
		await session.type('?');
		await session.waitFor(/any key closes/i);
		expect(oneLine(session.screen())).toMatch(/Allow4X/);
		await session.type('x');
		const addFs2 = await done(session, 'Add FS2 back to the domain');
		expect(addFs2).toMatch(/Allow4X/);
		expect(addFs2).toMatch(/Q145589/);
		for (const text of [deleteFs2, addFs2]) expect(text).not.toMatch(/SYSCON|BINDREST/);
		await done(session, 'Set a new password for each propagated user');
		// The synchronize: the admin ticks each server's blue check as seen, then confirms.
		await session.waitFor('▸ Your turn: Synchronize all servers', 90_000);
		await session.waitFor('Blue checks seen: 0 of 2');
		await session.type(' ');
		await session.waitFor('Blue checks seen: 1 of 2');
		await session.type(KEYS.tab);
		await session.waitFor(/▸ \[ \] FS2/);
		await session.type(' ');
		await session.waitFor('Blue checks seen: 2 of 2');
		await session.type(KEYS.up, KEYS.enter);
		await session.waitFor('Done: every step is finished', 90_000);
		const end = oneLine(session.history());
		expect(end).toContain('Reconstructed: FS1, FS2.');
		expect(end).toContain('✓ Synchronize all servers: done by the administrator, as confirmed');
		// The optional check at the end: DSMDUMP and DSMCHK with their exact commands (KB Q197852, Q154760).
		expect(end).toContain('dsmchk -d DOMAIN -u USERNAME');
		await session.type(KEYS.enter);
		expect(await session.exited).toMatchObject({exitCode: 0});

		// The reconstruct changes nothing in SYNCAGNT, and leaves MSSYNC running (Add Server to Manage needs it).
		expect(await hashFolder(s.syncagnt)).toEqual(before);
		expect(await spooler(s)).toBe('running');
		expect(session.raw).not.toContain(ADMIN_PASSWORD);
	});

	it('repair: "MSSYNC will not start", dsmpack /r offered first; MSSYNC stopped, the admin told what to type; without mssync.bkp MSSYNC is not started; with it, started', async () => {
		const session = await wizard([], await tempDir());
		await session.waitFor('What brings you here?');
		await session.type(KEYS.down, KEYS.enter);
		// Spooler answers RUNNING: the wizard asks whether it stops again by itself, as MSSYNC does on a database JET cannot open.
		await session.waitFor('MSSYNC is running: does it stop again by itself?');
		await session.type(KEYS.enter);
		await session.waitFor('Repair the database with dsmpack /r first?');
		await session.type(KEYS.enter);
		await session.waitFor('The plan (KB Q197852, repair with dsmpack)');
		expect(oneLine(session.screen())).toContain('2. Repair the database with dsmpack /r (by you, with instructions)');
		await session.type(KEYS.enter);
		await session.waitFor('⚠ Stop MSSYNC', 90_000);
		expect(session.screen()).toContain(`net rpc service stop Spooler -S ${s.name}`);
		await session.type('y');
		await session.waitFor('▸ Your turn: Repair the database with dsmpack /r', 90_000);
		const step = oneLine(session.screen());
		// Typed at the PDC's own prompt: SYNCAGNT as the PDC names it (ADMIN$ is %SystemRoot%), never the share path.
		expect(step).toContain('cd /d %SystemRoot%\\SYSTEM32\\SYNCAGNT then dsmpack /r');
		expect(step).not.toContain('cd /d //');
		expect(step).toContain('Do not start MSSYNC yourself');
		expect(await spooler(s)).toBe('stopped');

		// Confirmed before dsmpack has run: no mssync.bkp, so MSSYNC is not started, and the screen says why.
		await session.type(KEYS.up);
		await session.waitFor('❯ I have done it');
		await session.type(KEYS.enter);
		// Checked before it is marked: no ✓ for the repair while mssync.bkp is missing.
		await session.waitFor(/no mssync\.bkp/, 90_000);
		const refused = oneLine(session.screen());
		expect(refused).toMatch(
			/✗ there is no mssync\.bkp in .*SYNCAGNT: dsmpack \/r writes one there, so it has not run since this step began at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; the step is not marked done and MSSYNC was not started/,
		);
		expect(oneLine(session.history())).not.toMatch(/✓ Repair the database with dsmpack \/r/);
		expect(refused).toContain("What to do: run dsmpack /r in %SystemRoot%\\SYSTEM32\\SYNCAGNT at the PDC's prompt with MSSYNC stopped, then retry this step");
		expect(await spooler(s)).toBe('stopped');

		// The admin's part: dsmpack /r keeps the database as it was as mssync.bkp beside MSSYNC.MDB. Then Retry.
		const mdb = (await readdir(s.syncagnt)).find(n => n.toUpperCase() === 'MSSYNC.MDB')!;
		const kept = join(s.syncagnt, 'mssync.bkp');
		await copyFile(join(s.syncagnt, mdb), kept);
		try {
			await session.waitFor('❯ Retry this step');
			await session.type(KEYS.enter);
			await session.waitFor('▸ Your turn: Repair the database with dsmpack /r', 90_000);
			await session.type(KEYS.up);
			await session.waitFor('❯ I have done it');
			await session.type(KEYS.enter);
			await session.waitFor('⚠ Start MSSYNC', 90_000);
			await session.type('y');
			await session.waitFor('✓ Done: every step is finished', 90_000);
			const end = oneLine(session.history());
			expect(end).toMatch(/✓ Start MSSYNC: MSSYNC is running after .*: the repair worked \(mssync\.bkp kept\)/);
			expect(end).toContain('a server that showed a red X before still does until it is synchronized');
			expect(end).toContain(
				`The database as it was before the repair is kept as //${s.name}/ADMIN$/SYSTEM32/SYNCAGNT/mssync.bkp: keep it until every server shows a blue check.`,
			);
			await session.type(KEYS.enter);
			expect(await session.exited).toMatchObject({exitCode: 0});
			expect(await spooler(s)).toBe('running');
			expect(session.raw).not.toContain(ADMIN_PASSWORD);
		} finally {
			await rm(kept, {force: true});
		}
	});
});
