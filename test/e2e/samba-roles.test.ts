/**
 * The PDC question against a real NT4-style domain controller: Samba 4.17 as a classic PDC and as a
 * classic BDC (test/helpers/samba-server.ts, `role`), each asked its role with the real `rpcclient -c
 * srvinfo` (its answers are in test/fixtures/samba/rpcclient-srvinfo-roles.txt). DSMN runs only on the PDC
 * (KB Q154761): on the PDC the restore onto a new PDC goes on; on the BDC both answers are refused, scripted
 * and in the wizard, with nothing changed on the server. One smbd per role, shared by its tests.
 */
import {readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {execa} from 'execa';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {isRestoredFile, isStaleInLiveFolder} from '../../source/backup/classify.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {runCli, tempDir} from '../helpers/run-cli.js';
import {ADMIN_PASSWORD, sambaReason, spooler, startSambaServer, type SambaServer} from '../helpers/samba-server.js';
import {KEYS, PtySession} from './pty-session.js';
import {signInToSamba} from './samba-keys.js';

const {skip} = sambaReason();

const sessions: PtySession[] = [];
afterEach(async () => {
	for (const session of sessions.splice(0)) await session.kill('SIGHUP');
});

function remote(s: SambaServer, args: string[]) {
	return runCli(['--target', 'remote', '--host', s.name, '--credentials-file', s.auth.admin, ...args], {env: s.env});
}

const restore = (s: SambaServer, pdc: 'same' | 'new') => [
	'--flow',
	'restore',
	'--pdc',
	pdc,
	'--synchronize',
	'normal',
	'--backup',
	s.backup,
	'--select',
	'FS1,FS2',
	'--yes',
];

/** The wizard signed in to `s`, at the PDC question (a red X chosen as the symptom). */
async function atPdcQuestion(s: SambaServer): Promise<PtySession> {
	const session = new PtySession([], {cols: 120, rows: 40, env: {...s.env, TMPDIR: await tempDir()}});
	sessions.push(session);
	await signInToSamba(session, s);
	await session.type(KEYS.enter);
	await session.waitFor('What brings you here?');
	await session.type(KEYS.enter);
	await session.waitFor('Is this the PDC that ran DSMN all along?');
	return session;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** What a refused run must leave as it was: SYNCAGNT's files and the folders beside it. */
async function serverFiles(s: SambaServer) {
	return {syncagnt: await hashFolder(s.syncagnt), system32: (await readdir(join(s.systemRoot, 'SYSTEM32'))).sort()};
}

describe.skipIf(skip)('a real classic PDC (Samba, server role = classic primary domain controller)', {timeout: 240_000}, () => {
	let s: SambaServer;
	beforeAll(async () => {
		s = await startSambaServer({role: 'classic-pdc'});
	}, 120_000);
	afterAll(async () => {
		await s?.stop();
	});

	it('rpcclient srvinfo reports a PDC (0x8 set, 0x10 not)', async () => {
		const run = await execa('rpcclient', ['-p', String(s.port), '-A', s.auth.admin, '-c', 'srvinfo', '127.0.0.1'], {reject: false});
		expect(run.exitCode, run.stderr).toBe(0);
		expect(run.stdout).toMatch(/\bPDC\b/);
		expect(run.stdout).toMatch(/server type\s*:\s*0x809a0b/);
	});

	it('the wizard shows what the server reported, and either answer goes on to the backup question', async () => {
		const session = await atPdcQuestion(s);
		const screen = oneLine(session.screen());
		expect(screen).toContain("This server reports itself as the domain's PDC (server type 0x809a0b): DSMN runs here.");
		expect(screen).toContain('Either answer fits a PDC: a BDC promoted after the PDC was lost is the PDC now.');
		await session.type(KEYS.down);
		await session.waitFor(/❯ No/);
		await session.type(KEYS.enter);
		await session.waitFor('Do you have a backup of the account synchronization database?');
		expect(session.screen()).not.toContain('This server is a BDC');
		await session.type('q');
		await session.waitFor('Leave dsmn-resync?');
		await session.type('y');
		await session.exited;
		expect(session.raw).not.toContain(ADMIN_PASSWORD);
		expect(await spooler(s)).toBe('running');
	});

	// Last in its describe: the run is left at its manual step (its roll back is samba-new-pdc's), and the server goes with it.
	it('scripted --pdc new (a BDC promoted to PDC, KB Q154761) is not refused: the copies go into SYNCAGNT\\Backup, SYNCAGNT itself untouched, MSSYNC started again', async () => {
		const live = await hashFolder(s.syncagnt, isStaleInLiveFolder);
		const run = await remote(s, [...restore(s, 'new'), '--json']);
		expect(run.exitCode, run.stdout + run.stderr).toBe(3);
		expect(run.stdout).not.toMatch(/"reason":"bdc"/);
		expect(await hashFolder(join(s.syncagnt, 'Backup'), isRestoredFile)).toEqual(await hashFolder(s.backup, isRestoredFile));
		expect(await hashFolder(s.syncagnt, isStaleInLiveFolder)).toEqual(live);
		expect(run.stdout).toContain('"event":"waiting"');
		expect(await spooler(s)).toBe('running');
	});
});

describe.skipIf(skip)('a real classic BDC (Samba, server role = classic backup domain controller)', {timeout: 240_000}, () => {
	let s: SambaServer;
	let before: Awaited<ReturnType<typeof serverFiles>>;
	beforeAll(async () => {
		s = await startSambaServer({role: 'classic-bdc'});
		before = await serverFiles(s);
	}, 120_000);
	afterAll(async () => {
		await s?.stop();
	});

	it('rpcclient srvinfo reports a BDC (0x10 set, 0x8 not)', async () => {
		const run = await execa('rpcclient', ['-p', String(s.port), '-A', s.auth.admin, '-c', 'srvinfo', '127.0.0.1'], {reject: false});
		expect(run.exitCode, run.stderr).toBe(0);
		expect(run.stdout).toMatch(/\bBDC\b/);
		expect(run.stdout).toMatch(/server type\s*:\s*0x809a13/);
	});

	it('scripted, either answer: refused before anything changes, with what to do for each', async () => {
		const same = await remote(s, restore(s, 'same'));
		expect(same.exitCode, same.stdout + same.stderr).toBe(1);
		expect(oneLine(same.stdout + same.stderr)).toMatch(
			/the server reports itself as a BDC \(rpcclient srvinfo\): MSSYNC runs only on the PDC, so nothing was changed/,
		);
		expect(oneLine(same.stdout + same.stderr)).toMatch(/point the tool at the PDC \(--host NAME\)/);
		const lost = await remote(s, [...restore(s, 'new'), '--json']);
		expect(lost.exitCode, lost.stdout + lost.stderr).toBe(1);
		const refused = lost.stdout
			.split('\n')
			.filter(Boolean)
			.map(line => JSON.parse(line) as {event: string; reason?: string; advice?: string})
			.find(e => e.event === 'refused');
		expect(refused).toMatchObject({reason: 'bdc'});
		expect(refused?.advice).toMatch(/^promote this BDC to PDC in Server Manager first/);
		expect(await serverFiles(s)).toEqual(before);
		expect(await spooler(s)).toBe('running');
	});

	it('the wizard shows what the server reported; the restore is refused with what to do, Esc goes back, the other answer is refused too; nothing changed', async () => {
		const session = await atPdcQuestion(s);
		const screen = oneLine(session.screen());
		expect(screen).toContain('This server reports itself as a BDC (server type 0x809a13): DSMN runs only on the PDC.');
		expect(screen).toContain('Nothing is restored on a BDC');
		await session.type(KEYS.enter);
		await session.waitFor('This server is a BDC: nothing was changed');
		expect(oneLine(session.screen())).toContain('It reports itself as a BDC (server type 0x809a13, rpcclient srvinfo).');
		expect(session.screen()).toMatch(/Run the tool on the PDC that ran DSMN instead/);
		await session.type(KEYS.escape);
		await session.waitFor('Is this the PDC that ran DSMN all along?');
		await session.type(KEYS.down, KEYS.enter);
		await session.waitFor(/What to do: Promote this BDC to PDC/);
		await session.type(KEYS.enter);
		expect(await session.exited).toMatchObject({exitCode: 1});
		expect(session.raw).not.toContain(ADMIN_PASSWORD);
		expect(await serverFiles(s)).toEqual(before);
		expect(await spooler(s)).toBe('running');
	});
});
