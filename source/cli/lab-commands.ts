import path from 'node:path';
import type {PathApi} from '../fs/same-path.js';
import {createLab} from '../lab/create.js';
import {LabError} from '../lab/lab-error.js';
import {loadLab, saveLab, type LabFault} from '../lab/state.js';
import {synchronizeLab} from '../lab/sync-engine.js';
import type {LabOptions} from '../lab/options.js';
import {labStatus, serviceSays} from '../lab/status.js';
import type {Glyphs} from '../text/glyphs.js';
import {safeText} from '../text/sanitize.js';
import {failedServerLine} from '../services/synchronization.js';
import {jsonLine} from '../app/json-line.js';
import {asLaunched, launcherOf, type Launcher} from '../wizard/start-again.js';
import type {Output} from './output.js';

/**
 * `api` is the platform's path module: its separator is the one the admin's paths use (`\\` on Windows).
 * `launcher`: the commands it names are printed as they work from where the admin is (`node …/dist/cli.js`
 * when `dsmn-resync` is not on the PATH: start-again.ts).
 */
export async function labCreateCommand(
	dir: string,
	options: LabOptions,
	output: Output,
	api: PathApi = path,
	launcher: Launcher = launcherOf(process.argv[1], process.env),
): Promise<number> {
	const started = performance.now();
	const lab = await createLab(dir, options);
	const ms = Math.round(performance.now() - started);
	const names = lab.state.servers.map(s => s.name);
	const range = `${names[0]}${names.length > 1 ? `…${names.at(-1)}` : ''}`;
	output.out(
		[
			`Created a practice lab in ${safeText(dir)} (${ms} ms, seed ${options.seed}):`,
			`  ${names.length} NetWare server${names.length === 1 ? '' : 's'} (${range}), ${options.accounts} domain accounts`,
			// A new installation's database lists no server (lab/create.ts): every one shows a red X, none for damage.
			options.newPdc
				? `  red X on every server (${range}): the newly installed database in ${api.join('SystemRoot', 'SYSTEM32', 'SYNCAGNT')} lists none of them`
				: `  red X on ${lab.red.join(', ')}: the live database in ${api.join('SystemRoot', 'SYSTEM32', 'SYNCAGNT')} is damaged`,
			options.backup ? `  a valid account synchronization backup in backup${api.sep}` : '  no backup (--no-backup): practise the reconstruct flow',
			...(options.offline.length ? [`  offline during synchronization: ${options.offline.join(', ')}`] : []),
			...(options.newPdc
				? [`  the PDC was lost: this is a promoted BDC with DSMN newly installed (empty database); put the backup in SYNCAGNT${api.sep}Backup`]
				: []),
			...(options.wontStart ? [`  MSSYNC will not start after a crash: practise dsmpack /r (dsmn-resync lab dsmpack ${safeText(dir)}) before a restore`] : []),
			...(lab.state.changeLog
				? [
						`  backup ${lab.state.changeLog.backupAgeDays} days old, ${lab.state.changeLog.changesSinceBackup} account changes since; the change log holds ${lab.state.changeLog.size}`,
					]
				: []),
			'',
			`Next: dsmn-resync --lab ${safeText(dir)}`,
			'',
		]
			.map(line => asLaunched(line, launcher))
			.join('\n'),
	);
	return 0;
}

export async function labStatusCommand(dir: string, json: boolean, glyphs: Glyphs, output: Output): Promise<number> {
	const status = await labStatus(dir);
	if (json) {
		output.out(jsonLine('lab-status', status));
		return 0;
	}
	const width = Math.max(6, ...status.servers.map(s => s.name.length));
	// The mark column is as wide as the widest mark plus a space: "[ok] FS1" as well as "✓ FS1".
	const markWidth = Math.max(glyphs.ok.length, glyphs.error.length) + 1;
	const lines = [
		`Practice lab ${safeText(status.lab)} (seed ${status.seed}, ${status.accounts} accounts, pace ${status.pace} ms)`,
		`Service MSSYNC (Directory Service Manager for NetWare): ${safeText(serviceSays(status.service, glyphs.ascii ? '--' : '—'))}`,
		...(status.fault
			? [`Fault staged: ${FAULT_EFFECTS[status.fault]} ${glyphs.ascii ? '--' : '—'} end it with: dsmn-resync lab fault ${safeText(status.lab)} clear`]
			: []),
		`Database: ${status.database.present ? (status.database.readable ? 'MSSYNC.MDB readable' : 'MSSYNC.MDB damaged') : 'no MSSYNC.MDB in SYNCAGNT'}; backup${path.sep} ${status.backup ? 'present' : 'absent'}`,
		'',
		`${' '.repeat(markWidth)}${'SERVER'.padEnd(width)}  STATUS            WINNT_SYNC_AGENT  USERS  NOTE`,
		...status.servers.map(s => {
			const mark = s.synchronized ? glyphs.ok : glyphs.error;
			const state = s.synchronized ? 'synchronized' : 'not synchronized';
			const note = [s.online ? '' : 'offline', s.problem ?? ''].filter(Boolean).join('; ');
			const stale = s.staleAccounts.length
				? `${s.staleAccounts.length} stale account${s.staleAccounts.length === 1 ? '' : 's'} (changed since the backup, not sent)`
				: '';
			return `${mark.padEnd(markWidth)}${safeText(s.name).padEnd(width)}  ${state.padEnd(16)}  ${(s.syncAgent ? 'present' : 'deleted').padEnd(16)}  ${String(s.users).padStart(5)}  ${[note, stale].filter(Boolean).join('; ')}`;
		}),
		// An empty log said too: the end screens send the admin here to see that no Event 8005 was written.
		...(status.events.length ? [] : ['Application log: no events']),
		...status.events.map(e => `Application log: Event ${e.id} (${e.source}, ${e.type}, ${e.at.slice(0, 19).replace('T', ' ')} UTC): ${safeText(e.text)}`),
		'',
	];
	output.out(lines.join('\n'));
	return 0;
}

/** `lab online|offline DIR NAME`: whether a simulated NetWare server answers during synchronization. */
export async function labReachabilityCommand(dir: string, server: string, online: boolean, output: Output): Promise<number> {
	const state = await loadLab(dir);
	if (!state.servers.some(s => s.name === server)) {
		throw new LabError(`the lab has no server ${safeText(server)}`, `its servers are ${state.servers.map(s => s.name).join(', ')}`);
	}
	await saveLab(dir, {...state, servers: state.servers.map(s => (s.name === server ? {...s, offline: !online} : s))});
	output.out(`${server} is ${online ? 'online: it answers again' : 'offline: it will not answer during synchronization'}.\n`);
	return 0;
}

/**
 * `lab allow4x DIR`: what the admin does on the PDC before DSMN takes a NetWare 4.x server (KB Q145589): the
 * value set, the NT server restarted. It writes the lab's state, so it takes the lab's run lock first (as a run
 * does: journal/target-lock.ts): while a wizard or a scripted run holds the lab, it is refused and changes nothing.
 */
export async function labAllow4xCommand(dir: string, output: Output): Promise<number> {
	// Loaded here: the other lab commands do not pay for the target and its lock.
	const [{labTarget}, {TargetLock}, {lockKey}] = await Promise.all([
		import('../targets/lab/lab-target.js'),
		import('../journal/target-lock.js'),
		import('../procedure/journaled-run.js'),
	]);
	const target = labTarget(dir);
	const lock = await TargetLock.acquire(lockKey(target), target.journalDir, target.description, 'lab allow4x');
	try {
		const state = await loadLab(dir);
		await saveLab(dir, {...state, allow4x: true});
	} finally {
		await lock.release();
	}
	output.out(
		`Allow4X (REG_DWORD, 1) is set under HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSSYNC\\Parameters on the lab's PDC, and the lab takes it as read, as a restart of the NT server would make it: DSMN now adds its NetWare 4.x servers (bindery emulation). The lab did not stop or start MSSYNC; on a real PDC the restart stops it and starts it again.\n`,
	);
	return 0;
}

/**
 * `lab sync DIR`: what clicking "Synchronize all servers" in Synchronization Manager does to the lab,
 * with no view — one line per server as it finishes (JSON lines with --json). Exit 1 if any stays red.
 */
export async function labSyncCommand(dir: string, json: boolean, glyphs: Glyphs, output: Output, full = false): Promise<number> {
	const results = await synchronizeLab(dir, {
		full,
		onEvent: event => {
			if (event.type === 'server-finished')
				output.out(json ? jsonLine(event.type, {server: event.server, done: event.done}) : `${glyphs.ok} ${event.server}: ${event.done} accounts propagated\n`);
			else if (event.type === 'server-failed') {
				output.out(
					json
						? jsonLine(event.type, {server: event.server, reason: event.reason, advice: event.advice})
						: `${glyphs.error} ${failedServerLine(event.server, safeText(event.reason))}\n`,
				);
			}
		},
	});
	const failed = results.filter(r => !r.ok).map(r => r.server);
	if (json) output.out(jsonLine('sync-finished', {synchronized: results.filter(r => r.ok).map(r => r.server), failed}));
	else if (failed.length) output.out(`Still red: ${failed.join(', ')}. Fix what is said above, then run lab sync again.\n`);
	return failed.length === 0 ? 0 : 1;
}

/** What each staged fault does, in the words `lab fault` and `lab status` use. */
const FAULT_EFFECTS: Record<LabFault, string> = {
	'stop-refused': 'stop-refused (MSSYNC refuses to stop: NET HELPMSG 2191, [SC] ControlService FAILED 1052)',
	'stop-hangs': 'stop-hangs (a stop never finishes: MSSYNC stays STOP_PENDING, NET HELPMSG 3528)',
	'start-refused': 'start-refused (MSSYNC starts and stops at once, JET refusing the database: NET HELPMSG 3534, [SC] StartService FAILED 1067)',
	'access-denied': 'access-denied (this account may query MSSYNC but not control it: System error 5, [SC] OpenService FAILED 5)',
	'gateway-stopped':
		'gateway-stopped (NwcWorkstation, Gateway Service for NetWare, is stopped: MSSYNC will not start, System error 1068, [SC] StartService FAILED 1068; net start NwcWorkstation ends it)',
	'stop-says-2184': 'stop-says-2184 (a stop that succeeds while net says NET HELPMSG 2184, "The service has not been started.")',
};

/**
 * `lab fault DIR KIND|clear`: a failure of MSSYNC's control, staged so admins can practise it and tests can
 * reproduce it; the stand-in net and sc obey it until it is cleared. Clearing ends a hung stop (MSSYNC stops).
 */
export async function labFaultCommand(dir: string, fault: LabFault | undefined, output: Output): Promise<number> {
	const state = await loadLab(dir);
	if (fault) {
		await saveLab(dir, {...state, fault});
		output.out(`Fault staged in the lab: ${FAULT_EFFECTS[fault]}.\nIt lasts until: dsmn-resync lab fault ${safeText(dir)} clear\n`);
		return 0;
	}
	const {fault: _cleared, ...rest} = state;
	const hung = state.service.state === 'STOP_PENDING' && state.service.pendingUntil === undefined;
	await saveLab(dir, hung ? {...rest, service: {state: 'STOPPED'}} : rest);
	output.out(
		state.fault
			? `Fault ${state.fault} cleared: MSSYNC is controlled normally again.${hung ? ' The hung stop has finished: MSSYNC is STOPPED.' : ''}\n`
			: 'No fault was staged in this lab: nothing to clear.\n',
	);
	return 0;
}
