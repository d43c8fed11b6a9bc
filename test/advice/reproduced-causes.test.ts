/**
 * Issue 27's reproduced causes, produced by a real smbd (test/helpers/samba-server.ts) and read through the
 * real call sites: smbclient's failures (SmbFiles, whose hint a step and a roll back give as their advice)
 * and Samba's net rpc (SambaServiceControl). Each is given the advice of the one table (advice/causes.ts).
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {adviceOf} from '../../source/advice/causes.js';
import {hintOf} from '../../source/errors/hinted-error.js';
import {adviceFor} from '../../source/procedure/journaled-run.js';
import {SambaServiceControl} from '../../source/targets/real/samba-service-control.js';
import {SmbFiles} from '../../source/targets/real/smb-files.js';
import {sambaReason, startSambaServer, type SambaServer} from '../helpers/samba-server.js';

const smbclient = {file: 'smbclient', prefix: [], display: 'smbclient'};
const net = {file: 'net', prefix: [], display: 'net'};

/** Another SMB client holding a file open (smbclient's `open`: no delete sharing, so a rename is a sharing violation). */
async function holdOpen(server: SambaServer, inShare: string): Promise<ChildProcess> {
	const holder = spawn('smbclient', [`//${server.name}/ADMIN$`, '-A', server.auth.admin, '--option=client min protocol=NT1', '-p', String(server.port)], {
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	holder.stdin.write(`open "${inShare}"\n`);
	// Its output is buffered (no terminal): the server's own list of open files says when it holds the file.
	const config = join(server.root, 'smb.conf');
	const began = Date.now();
	while (!spawnSync('smbstatus', ['-s', config, '-L'], {encoding: 'utf8'}).stdout.includes(inShare)) {
		if (Date.now() - began > 20_000) throw new Error(`smbclient did not open ${inShare}`);
		await new Promise(resolve => setTimeout(resolve, 100));
	}
	return holder;
}

const {skip} = sambaReason();

describe.skipIf(skip)('the causes issue 27 reproduced, from a real smbd, at the real call sites', {timeout: 120_000}, () => {
	let server: SambaServer;
	let syncagnt: string;
	const files = (auth: string, typed = false) =>
		new SmbFiles(smbclient, {host: server.name, authFile: auth, port: server.port, account: typed ? {typed: true} : {typed: false, file: auth}});
	beforeAll(async () => {
		server = await startSambaServer();
		syncagnt = `//${server.name}/ADMIN$/SYSTEM32/SYNCAGNT`;
	}, 60_000);
	afterAll(async () => server?.stop());

	it("NT_STATUS_SHARING_VIOLATION: another program has the file open; the server's Open Files finds it", async () => {
		const admin = files(server.auth.admin);
		const holder = await holdOpen(server, 'SYSTEM32/SYNCAGNT/JET.LOG');
		try {
			const error = await admin.rename(admin.join(syncagnt, 'JET.LOG'), admin.join(syncagnt, 'JET.MOVED')).catch((e: unknown) => e);
			expect((error as Error).message).toContain('NT_STATUS_SHARING_VIOLATION');
			// What a roll back (and a step) gives as advice: the error's hint.
			expect(hintOf(error) ?? adviceFor(error)).toBe(adviceOf('sharing-violation'));
			expect(hintOf(error)).toMatch(/another program has that file open.*Shared Folders ▸ Open Files/);
		} finally {
			holder.kill('SIGKILL');
		}
	});

	it('NT_STATUS_LOGON_FAILURE: the same advice from smbclient as from net rpc, naming the file the account came from', async () => {
		const error = await files(server.auth.wrongPassword)
			.list(syncagnt)
			.catch((e: unknown) => e);
		expect((error as Error).message).toContain('NT_STATUS_LOGON_FAILURE');
		const service = new SambaServiceControl(
			net,
			{host: server.name, authFile: server.auth.wrongPassword, port: server.port, account: {typed: false, file: server.auth.wrongPassword}},
			'Spooler',
		);
		const query = await service.query();
		expect(query.ok).toBe(false);
		expect(hintOf(error)).toBe(!query.ok && query.error.advice);
		expect(hintOf(error)).toContain(`check the username, password and domain lines in ${server.auth.wrongPassword}`);
		// Typed in the wizard: type it again; the same words from both programs.
		const typed = await files(server.auth.wrongPassword, true)
			.list(syncagnt)
			.catch((e: unknown) => e);
		expect(hintOf(typed)).toBe(adviceOf('logon-failure', {account: {typed: true}}));
		expect(hintOf(typed)).toMatch(/type them again/);
	});

	it('a read-only share: said as such, not as an account that must be an administrator', async () => {
		const config = join(server.root, 'smb.conf');
		const before = await readFile(config, 'utf8');
		await writeFile(config, before.replace('\tread only = no', '\tread only = yes'));
		process.kill(server.smbdPid, 'SIGHUP');
		try {
			const admin = files(server.auth.admin);
			let error: unknown;
			// smbd reads its configuration again when it is told to: until it has, the share is still writable.
			for (let i = 0; i < 100 && !error; i++) {
				const probe = admin.join(syncagnt, `.probe-${i}`);
				error = await admin.touch(probe).then(
					() => admin.remove(probe).then(() => undefined),
					(e: unknown) => e,
				);
			}
			expect((error as Error).message).toMatch(/NT_STATUS_(ACCESS_DENIED|MEDIA_WRITE_PROTECTED)/);
			expect(hintOf(error)).toMatch(/read-only/);
			expect(hintOf(error)).not.toMatch(/use an account of the Administrators group/);
		} finally {
			await writeFile(config, before);
			process.kill(server.smbdPid, 'SIGHUP');
		}
	});
});
