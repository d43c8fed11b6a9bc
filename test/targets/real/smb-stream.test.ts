/**
 * The SHA-256 of a file on a real ADMIN$ share (test/helpers/samba-server.ts), streamed from the real
 * smbclient into the hash (source/targets/real/smb-stream.ts): equal to the SHA-256 of the file on the
 * server's disk for 0 bytes, 1 byte and several MiB; and when the smbd process serving the connection is
 * killed part way, a failure that says so, never the digest of the part that came.
 */
import {createHash} from 'node:crypto';
import {closeSync, openSync, writeSync} from 'node:fs';
import {readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {SmbFiles} from '../../../source/targets/real/smb-files.js';
import {tempDir} from '../../helpers/run-cli.js';
import {adminFiles, sambaReason, startSambaServer, type SambaServer} from '../../helpers/samba-server.js';

/**
 * smbclient, run by a small relay that passes its stdout on and, once `after` bytes of a `get … -` have
 * passed, kills the smbd processes serving this server's connections (the children of the main smbd, whose
 * PID is in the environment). The real smbclient, the real smbd: only the moment is chosen.
 */
async function killingRelay(server: SambaServer, after: number): Promise<{file: string; prefix: string[]; display: string; env: Record<string, string>}> {
	const dir = await tempDir();
	const relay = join(dir, 'relay.mjs');
	await writeFile(
		relay,
		`import {spawn, spawnSync} from 'node:child_process';
const args = process.argv.slice(2);
const child = spawn('smbclient', args, {stdio: ['ignore', 'pipe', 'inherit']});
const getting = args.some(a => /^get ".*" -$/.test(a));
let passed = 0, killed = false;
child.stdout.on('data', chunk => {
	passed += chunk.length;
	if (getting && !killed && passed >= ${after}) {
		killed = true;
		const rows = spawnSync('ps', ['-eo', 'pid=,ppid=,comm='], {encoding: 'utf8'}).stdout.split('\\n').map(l => l.trim().split(/\\s+/));
		for (const row of rows) if (row[1] === process.env.SMBD_MAIN && row[2] === 'smbd') { try { process.kill(Number(row[0]), 'SIGKILL'); } catch {} }
	}
	if (!process.stdout.write(chunk)) { child.stdout.pause(); process.stdout.once('drain', () => child.stdout.resume()); }
});
child.on('close', (code, signal) => { process.stdout.end(() => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1))); });
`,
	);
	return {file: process.execPath, prefix: [relay], display: 'smbclient', env: {...(process.env as Record<string, string>), SMBD_MAIN: String(server.smbdPid)}};
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const {skip} = sambaReason();

describe.skipIf(skip)('the SHA-256 of a file on a real share, streamed from smbclient', {timeout: 120_000}, () => {
	let server: SambaServer;
	let files: SmbFiles;
	let syncagnt: string;
	beforeAll(async () => {
		server = await startSambaServer();
		({files, syncagnt} = adminFiles(server));
	}, 60_000);
	afterAll(async () => server?.stop());

	it.each([
		['EMPTY.LOG', 0],
		['ONE.LOG', 1],
		['BIG.MDB', 5 * 1024 * 1024 + 123],
	])('%s (%i bytes): the digest is the SHA-256 of the file on the server’s disk', async (name, size) => {
		const bytes = Buffer.alloc(size);
		for (let i = 0; i < size; i++) bytes[i] = (i * 131 + (i >> 11)) & 0xff;
		await writeFile(join(server.syncagnt, name), bytes);
		const onDisk = await readFile(join(server.syncagnt, name));
		expect(await files.digest(files.join(syncagnt, name))).toEqual({size, sha256: sha256(onDisk)});
	});

	it("a file that is not there is ENOENT, in smbclient's own words", async () => {
		const error = (await files.digest(files.join(syncagnt, 'NOPE.LOG')).catch((e: unknown) => e)) as Error & {code?: string};
		expect(error.code).toBe('ENOENT');
		expect(error.message).toContain('NT_STATUS_OBJECT_NAME_NOT_FOUND');
	});

	it('is a failed digest when the smbd serving the connection is killed mid-stream, never the digest of the part that came', async () => {
		const size = 48 * 1024 * 1024;
		const path = join(server.syncagnt, 'HUGE.MDB');
		const fd = openSync(path, 'w');
		const chunk = Buffer.alloc(1024 * 1024);
		for (let i = 0; i < size / chunk.length; i++) writeSync(fd, chunk.fill(i & 0xff));
		closeSync(fd);
		const relay = await killingRelay(server, 1024 * 1024);
		const cut = new SmbFiles(relay, {host: server.name, authFile: server.auth.admin, port: server.port, account: {typed: false, file: server.auth.admin}});
		const outcome = await cut.digest(files.join(syncagnt, 'HUGE.MDB')).then(
			digest => ({digest}),
			(error: unknown) => ({error: error as Error & {code?: string}}),
		);
		expect(outcome).not.toHaveProperty('digest');
		const {error} = outcome as {error: Error & {code?: string; hint?: string}};
		expect(error.code).toMatch(/^(ECONNABORTED|EIO)$/);
		expect(error.message).toMatch(/HUGE\.MDB/);
		expect(error.hint).toMatch(/went away|cut short|network/);
		// The server is still there for the next connection: the whole file reads as it is on its disk.
		expect((await files.digest(files.join(syncagnt, 'HUGE.MDB'))).size).toBe(size);
	});
});
