import {join, resolve} from 'node:path';
import {answerStandIn, type StandInProgram} from '../../lab/stand-in-command.js';
import {staleOn} from '../../lab/change-log.js';
import {domainAccounts} from '../../lab/domain.js';
import {dsmpackRepair} from '../../lab/dsmpack.js';
import {addServerToDomain, checkBinderyBackup, deleteSyncAgent, restoreBindery, setDomainPasswords} from '../../lab/netware-ops.js';
import {labPaths, loadLab} from '../../lab/state.js';
import {labStatus, serviceSays} from '../../lab/status.js';
import type {Allow4xReading, NetWareServers, Target} from '../capabilities.js';
import {LocalFiles} from '../local-files.js';
import {NetScServiceControl} from '../net-sc-service-control.js';
import type {InProcessCommand} from '../run-command.js';
import {synchronizeLab} from '../../lab/sync-engine.js';
import {askSrvinfo, ServerVersionSource} from '../server-version.js';
import {shellWord} from '../../text/shell-word.js';

/**
 * The lab's net, sc or rpcclient, answered in this process: the same output, events, time limits and
 * errors as the program started on its own (ARCHITECTURE.md, "Targets"), without a Node start per command.
 */
function standIn(program: StandInProgram, dir: string): InProcessCommand {
	return {display: program, answer: (args, signal) => answerStandIn(program, dir, args, signal)};
}

class LabServers implements NetWareServers {
	constructor(private readonly dir: string) {}

	readonly reconstruct: NonNullable<NetWareServers['reconstruct']> = {
		deleteSyncAgent: server => deleteSyncAgent(labPaths(this.dir).serverSystem(server)),
		checkBinderyBackup: server => checkBinderyBackup(labPaths(this.dir).serverSystem(server)),
		restoreBindery: (server, aside) => restoreBindery(labPaths(this.dir).serverSystem(server), aside),
		binderyFolder: server => labPaths(this.dir).serverSystem(server),
		addToDomain: async server => void (await addServerToDomain(this.dir, server)),
		propagatedUsers: async () => {
			const state = await loadLab(this.dir);
			return domainAccounts(state.seed, state.accounts).map(a => a.name);
		},
		setPasswords: (lines, initial) => setDomainPasswords(this.dir, lines, initial),
	};

	async netwareVersions() {
		const state = await loadLab(this.dir);
		return Object.fromEntries(state.servers.map(s => [s.name, s.netware ?? '3.x'] as const));
	}

	async allow4x(): Promise<Allow4xReading> {
		return (await loadLab(this.dir)).allow4x === true
			? {state: 'set', how: "the lab's registry: REG_DWORD 1"}
			: {state: 'unset', why: "the value Allow4X is not in the lab's registry"};
	}

	async list() {
		const status = await labStatus(this.dir);
		return status.servers.map(({name, synchronized, syncAgent, users, problem}) => ({name, synchronized, syncAgent, users, ...(problem ? {problem} : {})}));
	}
}

/** The practice lab as a target: the same net/sc driving code as a real server, against stand-ins. */
export function labTarget(dir: string): Target {
	const absolute = resolve(dir);
	const paths = labPaths(absolute);
	return {
		kind: 'lab',
		description: `practice lab in ${absolute}`,
		// The lab's stop that hangs is its stop-hangs fault: only clearing it ends it, as a restart would on a PDC (Control Panel cannot).
		service: new NetScServiceControl(
			standIn('net', absolute),
			standIn('sc', absolute),
			'MSSYNC',
			undefined,
			// The command ends the phrase, so that a sentence goes on after it (", then retry") with nothing glued to it but a comma.
			`clear the practice lab's stop-hangs fault (what a restart of the PDC would do) with dsmn-resync lab fault ${shellWord(absolute)} clear`,
		),
		gateway: new NetScServiceControl(standIn('net', absolute), standIn('sc', absolute), 'NwcWorkstation'),
		database: {syncagnt: paths.syncagnt, snapshotParent: join(paths.systemRoot, 'SYSTEM32'), files: new LocalFiles()},
		servers: new LabServers(absolute),
		repair: {dsmpack: () => dsmpackRepair(absolute)},
		startRefusedOnPurpose: async () =>
			(await loadLab(absolute)).fault === 'start-refused'
				? `clear the practice lab's start-refused fault, which refuses every start of MSSYNC (dsmn-resync lab fault ${shellWord(absolute)} clear)`
				: undefined,
		whyStopped: async () => {
			const {service} = await labStatus(absolute);
			return service.lastError ? serviceSays(service, '—').replace(/^\S+ — /, '') : undefined;
		},
		event8005: async () => {
			const state = await loadLab(absolute);
			const seen = (state.events ?? []).findLast(e => e.id === 8005);
			return seen && state.servers.some(server => staleOn(state, server.name).length > 0) ? seen.at : undefined;
		},
		sync: {synchronizeAll: options => synchronizeLab(absolute, options)},
		// The lab's server says its NT version as a real one does: asked with srvinfo (`lab create --nt`).
		serverVersion: new ServerVersionSource(() => askSrvinfo(standIn('rpcclient', absolute), [], 'NTPDC', 10_000)),
		host: 'NTPDC',
		journalDir: paths.journal,
		location: absolute,
	};
}
