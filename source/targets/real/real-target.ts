/**
 * The real targets (DESIGN.md §7): this Windows machine (net.exe, sc.exe), or a remote NT server — from
 * Windows with sc.exe \\HOST and the ADMIN$ share, from Linux or macOS with Samba's net rpc and a
 * SYNCAGNT share mounted by the admin. NetWare steps and "Synchronize all servers" are manual steps.
 */
import {hostname} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import type {WizardOptions} from '../../cli/parse-args.js';
import {UsageError} from '../../cli/usage-error.js';
import type {NetWareServerInfo, NetWareServers, Target} from '../capabilities.js';
import {LocalFiles} from '../local-files.js';
import {NetScServiceControl} from '../net-sc-service-control.js';
import type {CommandSpec} from '../run-command.js';
import {checkCredentialsFile} from './credentials.js';
import {hostNameProblem} from './host-name.js';
import {SambaServiceControl} from './samba-service-control.js';
import {ScServiceControl} from './sc-service-control.js';
import {stateFolder} from './state-folder.js';

const program = (name: string): CommandSpec => ({file: name, prefix: [], display: name});

/** DSMN's list of managed servers lives inside MSSYNC.MDB: on a real server the admin names them once. */
class NamedServers implements NetWareServers {
	constructor(private readonly names: readonly string[]) {}

	async list(): Promise<NetWareServerInfo[]> {
		return this.names.map(name => ({name, synchronized: false, syncAgent: true, users: 0, problem: 'as Synchronization Manager shows it: look there'}));
	}
}

export async function realTarget(options: WizardOptions, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Promise<Target> {
	const servers = new NamedServers((options.select ?? []).map(s => s.toUpperCase()));
	const journalDir = stateFolder(env, platform);
	if (options.target === 'windows') {
		const systemRoot = env['SystemRoot'] ?? env['SYSTEMROOT'] ?? 'C:\\WINNT';
		const syncagnt = resolve(options.syncagnt ?? join(systemRoot, 'SYSTEM32', 'SYNCAGNT'));
		return {
			kind: 'windows',
			description: `this machine (${hostname()})`,
			service: new NetScServiceControl(program('net'), program('sc')),
			database: {syncagnt, snapshotParent: dirname(syncagnt), files: new LocalFiles()},
			servers,
			host: hostname(),
			journalDir,
			location: hostname(),
		};
	}
	const host = options.host!;
	const problem = hostNameProblem(host);
	if (problem) throw new UsageError(`--host ${JSON.stringify(host)}: ${problem}`);
	if (platform === 'win32') {
		const syncagnt = options.syncagnt ?? `\\\\${host}\\ADMIN$\\SYSTEM32\\SYNCAGNT`;
		return {
			kind: 'remote',
			description: `\\\\${host}`,
			service: new ScServiceControl(program('sc'), host),
			database: {syncagnt, snapshotParent: dirname(syncagnt), files: new LocalFiles()},
			servers,
			host,
			journalDir,
			location: host,
		};
	}
	if (!options.syncagnt) {
		throw new UsageError(
			'--target remote from Linux or macOS needs --syncagnt PATH: the server\'s SYNCAGNT folder, mounted',
			`for example: mount -t cifs //${host}/ADMIN$ /mnt/${host.toLowerCase()} -o vers=1.0,credentials=FILE, then --syncagnt /mnt/${host.toLowerCase()}/system32/SYNCAGNT`,
		);
	}
	if (!options.credentialsFile) throw new UsageError('--target remote from Linux or macOS needs --credentials-file FILE (Samba\'s authentication file, mode 0600)');
	await checkCredentialsFile(options.credentialsFile);
	const syncagnt = resolve(options.syncagnt);
	return {
		kind: 'remote',
		description: `\\\\${host} (Samba)`,
		service: new SambaServiceControl(program('net'), host, resolve(options.credentialsFile)),
		database: {syncagnt, snapshotParent: dirname(syncagnt), files: new LocalFiles()},
		servers,
		host,
		journalDir,
		location: host,
	};
}
