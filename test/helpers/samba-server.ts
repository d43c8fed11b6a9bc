/**
 * A real Samba server for the tests, on 127.0.0.1 only: a private smbd with a private smb.conf (every
 * state folder under its own temporary folder), a free high port, ADMIN$ = a practice lab's SystemRoot,
 * Samba's built-in Spooler standing in for MSSYNC (DSMN_RESYNC_SERVICE=Spooler), an administrator
 * (root, mapped from "Administrator") and a query-only account ("Operator", mapped to the system's
 * "nobody"), and a line for its NetBIOS name in Samba's lmhosts. Started and stopped by the test that
 * uses it: smbd by its PID, then any samba-dcerpcd or rpcd_* it spawned (found by this server's own
 * smb.conf path, each stopped by PID); everything it changed outside its folder is put back.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync} from 'node:fs';
import {appendFile, chmod, mkdir, mkdtemp, open, readdir, readFile, rm, rmdir, stat, truncate, writeFile} from 'node:fs/promises';
import {createServer, connect} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execa} from 'execa';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {SmbFiles} from '../../source/targets/real/smb-files.js';

const LMHOSTS = '/etc/samba/lmhosts';
const SAMBA_LOGS = '/var/log/samba';
export const ADMIN_PASSWORD = 'Adm1n-Pass!';
const OPERATOR_PASSWORD = 'Oper4tor-Pass!';

/** Whether this machine can host the server; when it cannot, why (the tests say so, or fail under CI). */
function sambaUnavailable(): string | undefined {
	for (const program of ['smbd', 'net', 'smbclient', 'smbpasswd']) {
		if (spawnSync('sh', ['-c', `command -v ${program}`]).status !== 0) return `${program} is not installed (Debian: apt-get install samba smbclient)`;
	}
	if (process.getuid?.() !== 0) return "smbd must run as root here (its accounts are this machine's users)";
	if (spawnSync('id', ['nobody']).status !== 0) return 'the system has no "nobody" account for the query-only user';
	return undefined;
}

/**
 * `describe` for the tests that need the server: skipped with the reason printed when this machine
 * cannot host it and CI is not set; under CI a missing Samba is a failure, never a skip.
 */
export function sambaReason(): {skip: boolean; reason?: string} {
	const reason = sambaUnavailable();
	if (!reason) return {skip: false};
	if (process.env['CI']) throw new Error(`CI needs a real Samba server for these tests, but ${reason}. .ci/run installs samba and smbclient.`);
	console.warn(`Skipping the real-Samba tests: ${reason}.`);
	return {skip: true, reason};
}

export type SambaServer = {
	/** The server's NetBIOS name (in lmhosts → 127.0.0.1), up to 15 characters. */
	name: string;
	port: number;
	root: string;
	systemRoot: string;
	syncagnt: string;
	backup: string;
	/** Private authentication files (mode 0600). */
	auth: {admin: string; operator: string; wrongPassword: string};
	/** What the tool needs to reach this server: the port, Spooler as MSSYNC, a short timeout, a private state folder. */
	env: Record<string, string>;
	/** How long smbd took to listen, in ms. */
	startedInMs: number;
	/** The master smbd's PID and its smb.conf (the model test kills a child serving a connection, edits and reloads the share). */
	smbdPid: number;
	config: string;
	stop(): Promise<void>;
};

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

async function listening(port: number): Promise<boolean> {
	return new Promise(resolve => {
		const socket = connect({host: '127.0.0.1', port});
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/** Edits of Samba's lmhosts by concurrent test files, one at a time (a lock folder in the temporary folder). */
async function withLmhostsLock<T>(work: () => Promise<T>): Promise<T> {
	const lock = join(tmpdir(), 'dsmn-resync-test-lmhosts.lock');
	const started = Date.now();
	for (;;) {
		try {
			await mkdir(lock);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			// A lock older than 30 s was left by a killed test run.
			const age = Date.now() - (await stat(lock).catch(() => ({mtimeMs: Date.now()}))).mtimeMs;
			if (age > 30_000) await rmdir(lock).catch(() => {});
			if (Date.now() - started > 60_000) throw new Error(`${lock} stays locked`);
			await new Promise(r => setTimeout(r, 20));
		}
	}
	try {
		return await work();
	} finally {
		await rmdir(lock);
	}
}

/** Adds "127.0.0.1 NAME" to lmhosts; returns how to take exactly that line out again (and the file, if it was ours). */
async function addLmhostsLine(name: string): Promise<() => Promise<void>> {
	const line = `127.0.0.1 ${name}`;
	const created = await withLmhostsLock(async () => {
		const existed = existsSync(LMHOSTS);
		const before = existed ? await readFile(LMHOSTS, 'utf8') : '';
		await appendFile(LMHOSTS, `${before === '' || before.endsWith('\n') ? '' : '\n'}${line}\n`);
		return !existed;
	});
	return () =>
		withLmhostsLock(async () => {
			if (!existsSync(LMHOSTS)) return;
			const lines = (await readFile(LMHOSTS, 'utf8')).split('\n');
			const kept = lines.filter(l => l !== line);
			const text = kept.join('\n');
			if (created && text.trim() === '') await rm(LMHOSTS, {force: true});
			else await writeFile(LMHOSTS, text);
		});
}

/** Samba's helpers write a first line to /var/log/samba before they read smb.conf: noted before, put back after. */
async function sambaLogsBefore(): Promise<Map<string, number>> {
	const sizes = new Map<string, number>();
	for (const name of await readdir(SAMBA_LOGS).catch(() => [] as string[])) {
		const info = await stat(join(SAMBA_LOGS, name)).catch(() => undefined);
		if (info?.isFile()) sizes.set(name, info.size);
	}
	return sizes;
}

async function putSambaLogsBack(before: Map<string, number>): Promise<void> {
	for (const name of await readdir(SAMBA_LOGS).catch(() => [] as string[])) {
		const path = join(SAMBA_LOGS, name);
		const info = await stat(path).catch(() => undefined);
		if (!info?.isFile()) continue;
		const size = before.get(name);
		if (size === undefined) await rm(path, {force: true});
		else if (info.size > size) await truncate(path, size);
	}
}

function processesOf(config: string): number[] {
	const found = spawnSync('pgrep', ['-f', '--', config], {encoding: 'utf8'});
	return found.stdout
		.split('\n')
		.filter(Boolean)
		.map(Number)
		.filter(pid => pid !== process.pid);
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function addAccount(config: string, unixName: string, password: string): Promise<void> {
	const result = spawnSync('smbpasswd', ['-c', config, '-a', '-s', unixName], {input: `${password}\n${password}\n`, encoding: 'utf8'});
	if (result.status !== 0) throw new Error(`smbpasswd -a ${unixName} failed: ${result.stderr}${result.stdout}`);
}

async function authFile(path: string, username: string, password: string): Promise<string> {
	const handle = await open(path, 'wx', 0o600);
	await handle.writeFile(`username = ${username}\npassword = ${password}\ndomain = CORP\n`);
	await handle.close();
	await chmod(path, 0o600);
	return path;
}

/**
 * The role smbd plays: a standalone server (the default; srvinfo reports neither PDC nor BDC), or an NT4-style
 * domain controller (`server role = classic primary|backup domain controller`, `domain logons = yes`), whose
 * srvinfo reports a PDC (0x8) or a BDC (0x10). Samba 4.17 runs both on this tdbsam passdb
 * (test/fixtures/samba/rpcclient-srvinfo-roles.txt).
 */
export type SambaRole = 'standalone' | 'classic-pdc' | 'classic-bdc';

const ROLE_LINES: Record<SambaRole, string[]> = {
	standalone: ['server role = standalone server'],
	'classic-pdc': ['server role = classic primary domain controller', 'domain logons = yes'],
	'classic-bdc': ['server role = classic backup domain controller', 'domain logons = yes'],
};

export async function startSambaServer(options: {disableSpoolss?: boolean; role?: SambaRole} = {}): Promise<SambaServer> {
	const root = await mkdtemp(join(tmpdir(), 'dsmn-samba-'));
	const undo: (() => Promise<void>)[] = [async () => rm(root, {recursive: true, force: true})];
	let smbd: ChildProcess | undefined;
	const config = join(root, 'smb.conf');
	const stop = async () => {
		if (smbd?.pid && alive(smbd.pid)) {
			const exited = new Promise(resolve => smbd!.once('exit', resolve));
			process.kill(smbd.pid, 'SIGTERM');
			await Promise.race([exited, new Promise(r => setTimeout(r, 5000))]);
			if (alive(smbd.pid)) process.kill(smbd.pid, 'SIGKILL');
		}
		// samba-dcerpcd and its rpcd_* workers carry this server's own smb.conf path: stopped one by one, by PID.
		for (let round = 0; round < 50; round++) {
			const left = processesOf(config);
			if (left.length === 0) break;
			for (const pid of left) {
				try {
					process.kill(pid, round < 25 ? 'SIGTERM' : 'SIGKILL');
				} catch {
					// gone meanwhile
				}
			}
			await new Promise(r => setTimeout(r, 100));
		}
		const left = processesOf(config);
		for (const step of undo.reverse()) await step();
		if (left.length) throw new Error(`Samba processes of ${config} still run: ${left.join(', ')}`);
	};
	try {
		const name = `${options.role === 'classic-bdc' ? 'NTBDC' : 'NTPDC'}${randomBytes(2).toString('hex').toUpperCase()}`;
		const port = await freePort();
		const lab = join(root, 'lab');
		await createLab(lab, {...LAB_DEFAULTS, pace: 0});
		const paths = labPaths(lab);
		for (const dir of ['lock', 'state', 'cache', 'private', 'pid', 'ncalrpc', 'log', 'binddns']) await mkdir(join(root, dir), {mode: 0o755});
		await writeFile(join(root, 'usermap'), 'root = Administrator\nnobody = Operator\n');
		await writeFile(
			config,
			[
				'[global]',
				'workgroup = CORP',
				`netbios name = ${name}`,
				...ROLE_LINES[options.role ?? 'standalone'],
				'interfaces = 127.0.0.1',
				'bind interfaces only = yes',
				`smb ports = ${port}`,
				'disable netbios = yes',
				'server min protocol = NT1',
				'ntlm auth = yes',
				...['lock', 'state', 'cache', 'pid', 'ncalrpc', 'binddns'].map(
					dir => `${dir === 'binddns' ? 'binddns dir' : dir === 'ncalrpc' ? 'ncalrpc dir' : `${dir} directory`} = ${join(root, dir)}`,
				),
				`private dir = ${join(root, 'private')}`,
				`log file = ${join(root, 'log', 'log.%m')}`,
				`passdb backend = tdbsam:${join(root, 'private', 'passdb.tdb')}`,
				`username map = ${join(root, 'usermap')}`,
				'idmap config * : backend = tdb',
				'idmap config * : range = 3000-7999',
				'load printers = no',
				'printcap name = /dev/null',
				`disable spoolss = ${options.disableSpoolss ? 'yes' : 'no'}`,
				// Spooler's state (MSSYNC's stand-in) lives in the rpcd_classic worker that serves svcctl, which
				// exits after 60 s idle and comes back RUNNING: kept alive for the server's life instead.
				'rpcd_classic:idle_seconds = 86400',
				'',
				'[ADMIN$]',
				`path = ${paths.systemRoot}`,
				'read only = no',
				'browseable = no',
				'',
			]
				.map(line => (line.startsWith('[') || line === '' ? line : `\t${line}`))
				.join('\n'),
		);
		await addAccount(config, 'root', ADMIN_PASSWORD);
		await addAccount(config, 'nobody', OPERATOR_PASSWORD);
		const auth = {
			admin: await authFile(join(root, 'auth-admin'), 'Administrator', ADMIN_PASSWORD),
			operator: await authFile(join(root, 'auth-operator'), 'Operator', OPERATOR_PASSWORD),
			wrongPassword: await authFile(join(root, 'auth-wrong'), 'Administrator', 'not-the-password'),
		};
		const logs = await sambaLogsBefore();
		undo.push(() => putSambaLogsBack(logs));
		undo.push(await addLmhostsLine(name));

		const began = Date.now();
		const log = await open(join(root, 'log', 'smbd.out'), 'w');
		// Its own session and process group: smbd signals its group when it stops, which must never reach this test process.
		smbd = spawn('smbd', ['-s', config, '-F', '--no-process-group', '--debug-stdout', '-d', '1'], {stdio: ['ignore', log.fd, log.fd], detached: true});
		await log.close();
		const failed = new Promise<never>((_, reject) =>
			smbd!.once('exit', code => reject(new Error(`smbd exited (${code}); see ${join(root, 'log', 'smbd.out')}`))),
		);
		failed.catch(() => {});
		for (;;) {
			if (await listening(port)) break;
			if (Date.now() - began > 10_000) throw new Error(`smbd did not listen on 127.0.0.1:${port} within 10 s`);
			await Promise.race([failed, new Promise(r => setTimeout(r, 20))]);
		}
		const startedInMs = Date.now() - began;
		return {
			name,
			port,
			root,
			systemRoot: paths.systemRoot,
			syncagnt: paths.syncagnt,
			backup: join(lab, 'backup'),
			auth,
			env: {
				DSMN_RESYNC_SMB_PORT: String(port),
				DSMN_RESYNC_SERVICE: 'Spooler',
				DSMN_RESYNC_SERVICE_TIMEOUT: '10',
				XDG_STATE_HOME: join(root, 'state-home'),
			},
			startedInMs,
			smbdPid: smbd.pid!,
			config,
			stop,
		};
	} catch (error) {
		await stop().catch(() => {});
		throw error;
	}
}

/**
 * Allow4X (KB Q145589) in this server's registry, as an administrator sets it on a PDC: `net rpc registry` over
 * winreg as Administrator; a number sets REG_DWORD, undefined deletes the value (the key stays).
 */
export function setAllow4x(s: SambaServer, value: number | undefined): void {
	const key = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSSYNC\\Parameters';
	const connection = ['-S', s.name, '-A', s.auth.admin, '--option=client min protocol=NT1', '-p', String(s.port)];
	for (const args of [['createkey', key], value === undefined ? ['deletevalue', key, 'Allow4X'] : ['setvalue', key, 'Allow4X', 'dword', String(value)]]) {
		const result = spawnSync('net', ['rpc', 'registry', ...args, ...connection], {encoding: 'utf8'});
		// Deleting a value that is not there: already as asked.
		if (result.status !== 0 && !(args[0] === 'deletevalue' && /WERR_FILE_NOT_FOUND/.test(result.stderr)))
			throw new Error(`net rpc registry ${args[0]} failed: ${result.stderr}${result.stdout}`);
	}
}

/** SmbFiles on the server's ADMIN$ as its administrator (the account's file, not typed), and SYNCAGNT's path there. */
export function adminFiles(server: SambaServer): {files: SmbFiles; syncagnt: string} {
	const files = new SmbFiles(
		{file: 'smbclient', prefix: [], display: 'smbclient'},
		{host: server.name, authFile: server.auth.admin, port: server.port, account: {typed: false, file: server.auth.admin}},
	);
	return {files, syncagnt: `//${server.name}/ADMIN$/SYSTEM32/SYNCAGNT`};
}

/** Spooler's state (MSSYNC's stand-in), asked of the server with the real net: "running", "stopped", or what net said instead. */
export async function spooler(s: SambaServer): Promise<string> {
	const result = await execa(
		'net',
		['rpc', 'service', 'status', 'Spooler', '-S', s.name, '-A', s.auth.admin, '--option=client min protocol=NT1', '-p', String(s.port)],
		{reject: false},
	);
	return /service is (\w+)/.exec(result.stdout)?.[1] ?? `unknown: ${result.stdout}${result.stderr}`;
}
