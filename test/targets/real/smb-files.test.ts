/**
 * SmbFiles against a real smbd (test/helpers/samba-server.ts) through the real smbclient: each
 * operation a restore makes on SYNCAGNT, checked on the server's disk. Names smbclient's parser
 * cannot carry are refused before any command runs.
 */
import {createHash} from 'node:crypto';
import {spawnSync} from 'node:child_process';
import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {SourceChangedError} from '../../../source/fs/copy-verified.js';
import {removeDeadPrivateFolders, SmbFiles} from '../../../source/targets/real/smb-files.js';
import {tempDir} from '../../helpers/run-cli.js';
import {adminFiles, sambaReason, startSambaServer, type SambaServer} from '../../helpers/samba-server.js';

const smbclient = {file: 'smbclient', prefix: [], display: 'smbclient'};

describe('names smbclient cannot carry safely', () => {
	const files = new SmbFiles({file: '/nonexistent/smbclient', prefix: [], display: 'smbclient'}, {host: 'NTPDC1', authFile: '/x', account: {typed: true}});
	it.each(['a"b', 'a;b', 'a*', 'a?b', 'a\\b', 'a\nb', ' lead', 'trail ', '..'])('refuses %j before running anything', async name => {
		await expect(files.remove(`//NTPDC1/ADMIN$/SYSTEM32/${name}`)).rejects.toMatchObject({code: 'EINVAL'});
	});

	it('joins in its own syntax and refuses a path on another share', async () => {
		expect(files.join('//NTPDC1/ADMIN$/SYSTEM32', 'SYNCAGNT')).toBe('//NTPDC1/ADMIN$/SYSTEM32/SYNCAGNT');
		expect(files.join('//NTPDC1/ADMIN$/SYSTEM32/SYNCAGNT', '')).toBe('//NTPDC1/ADMIN$/SYSTEM32/SYNCAGNT/');
		await expect(files.stat('/NTPDC1/ADMIN$/SYSTEM32')).rejects.toThrow('is not on //NTPDC1/ADMIN$');
	});
});

describe('the private folders of a run killed mid-copy (issue 27, finding 7)', () => {
	it('are removed by a later run once their process is gone; a running process keeps its own', async () => {
		const parent = await tempDir();
		const dead = spawnSync(process.execPath, ['-e', '0']).pid;
		for (const name of [`dsmn-resync-smb-${dead}-a1`, `dsmn-resync-smb-${process.pid}-b2`, 'dsmn-resync-smb-1-c3', 'other-folder']) {
			await mkdir(join(parent, name), {mode: 0o700});
			await writeFile(join(parent, name, 'outgoing'), 'bytes', {mode: 0o600});
		}
		expect(await removeDeadPrivateFolders(parent)).toEqual([`dsmn-resync-smb-${dead}-a1`]);
		expect((await readdir(parent)).sort()).toEqual(['dsmn-resync-smb-1-c3', `dsmn-resync-smb-${process.pid}-b2`, 'other-folder'].sort());
	});
});

const {skip} = sambaReason();

describe.skipIf(skip)('SmbFiles on a real ADMIN$ share', {timeout: 60_000}, () => {
	let server: SambaServer;
	let files: SmbFiles;
	let syncagnt: string;
	beforeAll(async () => {
		server = await startSambaServer();
		({files, syncagnt} = adminFiles(server));
	}, 60_000);
	afterAll(async () => server?.stop());

	it('lists and stats what the server holds; a missing name is undefined', async () => {
		expect((await files.list(syncagnt)).sort()).toEqual((await readdir(server.syncagnt)).sort());
		const local = await readFile(join(server.syncagnt, 'MSSYNC.MDB'));
		expect(await files.stat(files.join(syncagnt, 'MSSYNC.MDB'))).toMatchObject({size: local.length});
		expect(await files.stat(files.join(syncagnt, 'NOPE.MDB'))).toBeUndefined();
		expect(await files.digest(files.join(syncagnt, 'MSSYNC.MDB'))).toEqual({size: local.length, sha256: createHash('sha256').update(local).digest('hex')});
		await expect(files.list(files.join(syncagnt, 'NOPE'))).rejects.toMatchObject({code: 'ENOENT'});
	});

	it('makes nested folders, renames without ever replacing, removes hidden files of ours', async () => {
		const folder = files.join(files.join(`//${server.name}/ADMIN$/SYSTEM32`, 'TEST-A'), 'B');
		await files.mkdir(folder);
		await files.mkdir(folder); // already there: nothing to do
		await files.touch(files.join(folder, '.probe'));
		await expect(files.touch(files.join(folder, '.probe'))).rejects.toMatchObject({code: 'EEXIST'});
		await files.touch(files.join(folder, 'OTHER'));
		await expect(files.rename(files.join(folder, '.probe'), files.join(folder, 'OTHER'))).rejects.toMatchObject({code: 'EEXIST'});
		await files.rename(files.join(folder, '.probe'), files.join(folder, 'MOVED'));
		expect((await readdir(join(server.systemRoot, 'SYSTEM32', 'TEST-A', 'B'))).sort()).toEqual(['MOVED', 'OTHER']);
		await files.touch(files.join(folder, '.X.dsmn-copy'));
		await files.remove(files.join(folder, '.X.dsmn-copy'));
		await files.remove(files.join(folder, 'NOT-THERE'));
		expect((await readdir(join(server.systemRoot, 'SYSTEM32', 'TEST-A', 'B'))).sort()).toEqual(['MOVED', 'OTHER']);
	});

	it('copies in through a temporary name, verified by reading back; a source changed since validation is refused with nothing put', async () => {
		const dir = await tempDir();
		const source = join(dir, 'JET.LOG');
		const bytes = Buffer.alloc(300_000, 7);
		await writeFile(source, bytes);
		const expected = {size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex')};
		const destination = files.join(syncagnt, 'COPIED.LOG');
		expect(await files.copyIn(source, destination, {expect: expected})).toEqual(expected);
		expect(
			createHash('sha256')
				.update(await readFile(join(server.syncagnt, 'COPIED.LOG')))
				.digest('hex'),
		).toBe(expected.sha256);
		await expect(files.copyIn(source, destination)).rejects.toMatchObject({code: 'EEXIST'});
		await writeFile(source, Buffer.alloc(300_000, 8));
		await expect(files.copyIn(source, files.join(syncagnt, 'CHANGED.LOG'), {expect: expected})).rejects.toBeInstanceOf(SourceChangedError);
		const names = await readdir(server.syncagnt);
		expect(names).not.toContain('CHANGED.LOG');
		expect(names.filter(n => n.endsWith('.dsmn-copy'))).toEqual([]);
	});

	it('measures free space with du', async () => {
		expect(await files.freeBytes(syncagnt)).toBeGreaterThan(1024 * 1024);
	});

	it("explains a refusal with smbclient's own words", async () => {
		const operator = new SmbFiles(smbclient, {host: server.name, authFile: server.auth.operator, port: server.port, account: {typed: true}});
		const error = await operator.touch(files.join(syncagnt, 'X')).catch((e: unknown) => e);
		expect(error).toMatchObject({code: 'EACCES', message: expect.stringContaining('NT_STATUS_ACCESS_DENIED')});
	});
});
