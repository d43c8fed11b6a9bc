/**
 * The real targets (ARCHITECTURE.md, "Targets"): this Windows machine (net.exe, sc.exe), or a remote NT server — from
 * Windows with sc.exe \\HOST and the ADMIN$ share, from Linux or macOS with Samba's net rpc and SYNCAGNT
 * reached through smbclient (no mount), or a SYNCAGNT share the admin mounted (--syncagnt). NetWare steps
 * and "Synchronize all servers" are manual steps. DSMN_RESYNC_SERVICE names another service to control
 * (a rehearsal against a test server); nothing else changes with it.
 */
import {hostname} from 'node:os';
import type {NtVersion} from '../../backup/header-findings.js';
import {dirname, join, resolve} from 'node:path';
import {UsageError} from '../../errors/hinted-error.js';
import type {Allow4xReading, NetWareServerInfo, NetWareServers, Target} from '../capabilities.js';
import {readAllow4xWithNet, readAllow4xWithReg} from './allow4x-registry.js';
import {LocalFiles} from '../local-files.js';
import {NetScServiceControl} from '../net-sc-service-control.js';
import type {CommandSpec} from '../run-command.js';
import {checkCredentialsFile} from './credentials.js';
import {hostNameProblem} from './host-name.js';
import {serviceTimeoutMs} from '../service-timeout.js';
import {connectionArgs, smbPort, type SambaConnection} from './samba-connection.js';
import {SambaServiceControl} from './samba-service-control.js';
import {ScServiceControl} from './sc-service-control.js';
import {SmbFiles} from './smb-files.js';
import {stateFolder} from './state-folder.js';
import {askSrvinfo, ServerVersionSource, thisMachineVersion} from '../server-version.js';
import {gatewayServiceName} from './gateway-name.js';

/**
 * What a real target is made from: the server the run names and how to reach it, each kind with the
 * fields it needs (`app/target-spec.ts` narrows a run's answers to it once), and the servers named with --select.
 */
export type RealTargetSpec = (
	| {kind: 'windows'; syncagnt?: string | undefined}
	| {
			kind: 'remote';
			host: string;
			syncagnt?: string | undefined;
			credentialsFile?: string | undefined;
			/** The account was typed in the wizard (its file is the wizard's own, temporary). */
			credentialsTyped?: boolean | undefined;
	  }
) & {
	select?: string[] | undefined;
	/** `--nt 3.51|4.0`: the server's NT version, used where the server cannot be asked. */
	nt?: NtVersion | undefined;
};

const program = (name: string): CommandSpec => ({file: name, prefix: [], display: name});

/** DSMN's list of managed servers lives inside MSSYNC.MDB: on a real server the admin names them once. */
class NamedServers implements NetWareServers {
	constructor(
		private readonly names: readonly string[],
		/** Allow4X read from the PDC's registry (net rpc registry, or reg query). */
		readonly allow4x: () => Promise<Allow4xReading>,
	) {}

	async list(): Promise<NetWareServerInfo[]> {
		return this.names.map(name => ({name, synchronized: false, syncAgent: true, users: 0, problem: 'as Synchronization Manager shows it: look there'}));
	}
}

export async function realTarget(options: RealTargetSpec, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Promise<Target> {
	const names = (options.select ?? []).map(s => s.toUpperCase());
	const journalDir = stateFolder(env, platform);
	const serviceName = env['DSMN_RESYNC_SERVICE'] || 'MSSYNC';
	if (!/^[\w$.-]{1,256}$/.test(serviceName))
		throw new UsageError(`DSMN_RESYNC_SERVICE ${JSON.stringify(serviceName)} is not a service name`, 'leave it unset for MSSYNC');
	const timeoutMs = serviceTimeoutMs(env);
	const gatewayName = gatewayServiceName(env, serviceName);
	if (options.kind === 'windows') {
		const systemRoot = env['SystemRoot'] ?? env['SYSTEMROOT'] ?? 'C:\\WINNT';
		const syncagnt = resolve(options.syncagnt ?? join(systemRoot, 'SYSTEM32', 'SYNCAGNT'));
		return {
			kind: 'windows',
			description: `this machine (${hostname()})`,
			service: new NetScServiceControl(program('net'), program('sc'), serviceName, timeoutMs),
			...(gatewayName ? {gateway: new NetScServiceControl(program('net'), program('sc'), gatewayName, timeoutMs)} : {}),
			database: {syncagnt, snapshotParent: dirname(syncagnt), files: new LocalFiles()},
			servers: new NamedServers(names, () => readAllow4xWithReg(program('reg'), undefined, timeoutMs)),
			serverVersion: new ServerVersionSource(async () => thisMachineVersion(), options.nt),
			host: hostname(),
			journalDir,
			location: hostname(),
		};
	}
	const {host} = options;
	const problem = hostNameProblem(host);
	if (problem) throw new UsageError(`--host ${JSON.stringify(host)}: ${problem}`);
	if (platform === 'win32') {
		const syncagnt = options.syncagnt ?? `\\\\${host}\\ADMIN$\\SYSTEM32\\SYNCAGNT`;
		return {
			kind: 'remote',
			description: `\\\\${host}`,
			service: new ScServiceControl(program('sc'), host, serviceName, timeoutMs),
			...(gatewayName ? {gateway: new ScServiceControl(program('sc'), host, gatewayName, timeoutMs)} : {}),
			database: {syncagnt, snapshotParent: dirname(syncagnt), files: new LocalFiles()},
			servers: new NamedServers(names, () => readAllow4xWithReg(program('reg'), host, timeoutMs)),
			// sc.exe and ADMIN$ do not say which NT the server runs: the admin does (--nt, or the wizard asks).
			serverVersion: new ServerVersionSource('from Windows the tool does not ask the server its version', options.nt),
			host,
			journalDir,
			location: host,
		};
	}
	if (!options.credentialsFile)
		throw new UsageError(
			"--target remote from Linux or macOS needs --credentials-file FILE (Samba's authentication file, mode 0600)",
			'or start the wizard without flags: it asks for the account',
		);
	await checkCredentialsFile(options.credentialsFile);
	let port: number | undefined;
	try {
		port = smbPort(env);
	} catch (error) {
		throw new UsageError((error as Error).message, 'leave it unset: NT 4.0 answers on 139 (and Samba tries 445 first)');
	}
	const authFile = resolve(options.credentialsFile);
	const connection: SambaConnection = {
		host,
		authFile,
		...(port ? {port} : {}),
		account: options.credentialsTyped ? {typed: true} : {typed: false, file: authFile},
	};
	const service = new SambaServiceControl(program('net'), connection, serviceName, timeoutMs);
	// Without --syncagnt, SYNCAGNT is reached on the server's ADMIN$ share through smbclient: no mount, no root here.
	const files = options.syncagnt ? new LocalFiles() : new SmbFiles(program('smbclient'), connection, timeoutMs);
	const syncagnt = options.syncagnt ? resolve(options.syncagnt) : files.join(files.join(`//${host}/ADMIN$`, 'SYSTEM32'), 'SYNCAGNT');
	return {
		kind: 'remote',
		description: `\\\\${host} (Samba${options.syncagnt ? ', SYNCAGNT mounted' : ''})`,
		service,
		...(gatewayName ? {gateway: new SambaServiceControl(program('net'), connection, gatewayName, timeoutMs)} : {}),
		database: {syncagnt, snapshotParent: options.syncagnt ? dirname(syncagnt) : files.join(`//${host}/ADMIN$`, 'SYSTEM32'), files},
		servers: new NamedServers(names, () => readAllow4xWithNet(program('net'), connection, timeoutMs)),
		// The account is in the private -A file (mode 0600), never in argv.
		serverVersion: new ServerVersionSource(() => askSrvinfo(program('rpcclient'), connectionArgs(connection), host, timeoutMs), options.nt),
		host,
		journalDir,
		location: host,
	};
}
