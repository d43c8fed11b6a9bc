/**
 * Two things an expert does around the KB's procedures (ARCHITECTURE.md, "The claims table"):
 *
 * - Repair before restore: when MSSYNC will not start after a crash or a power cut, `dsmpack /r` repairs
 *   and compacts the database in place, keeping what changed since the last backup, and keeps the old one
 *   as mssync.bkp. It is offered first, when the symptom fits, before anything is replaced. The scripted
 *   run names it `--repair dsmpack`.
 * - Checking the result: DSMDUMP lists the database's server and account tables; DSMCHK compares a user's
 *   password on the NetWare servers with the domain's. Offered, optional, at the end of both flows.
 */
import type {JournalEntry} from '../journal/entries.js';
import type {CommandListener} from '../targets/run-command.js';
import type {Target} from '../targets/capabilities.js';
import type {StepDef} from './procedure-run.js';
import {cite} from './claims.js';

/** The copy of the database as it was before the repair, which dsmpack keeps in SYNCAGNT. */
export const DSMPACK_KEPT = 'mssync.bkp';

/** What the admin sees, asked first: the situation decides the steps. */
export type Symptom = 'red-x' | 'wont-start';

export const SYMPTOMS: Readonly<Record<Symptom, string>> = {
	'red-x': 'Servers show a red X that synchronizing does not clear',
	'wont-start': 'MSSYNC will not start (after a crash or a power cut)',
};

/** Whether `dsmpack /r` fits the symptom: only a service that will not start, never a plain red X. */
export function repairFits(symptom: Symptom): boolean {
	return symptom === 'wont-start';
}

const SYNCAGNT = '%SystemRoot%\\System32\\Syncagnt';

/**
 * SYNCAGNT as the PDC's own command prompt names it, for a `cd /d` typed there: the target may reach it as
 * `//HOST/ADMIN$/…` (smbclient from Linux), `\\HOST\ADMIN$\…` (from another Windows) or a mount of
 * this machine, none of which cmd on the PDC can change to. ADMIN$ is %SystemRoot%, so a path under it
 * becomes %SystemRoot%\…; a drive path (the tool running on the PDC itself) is kept; any other is DSMN's
 * own folder, %SystemRoot%\System32\Syncagnt.
 */
export function syncagntAtConsole(syncagnt: string): string {
	const admin = /^[\\/]{2}[^\\/]+[\\/]ADMIN\$(?:[\\/](.*))?$/i.exec(syncagnt);
	if (admin) return ['%SystemRoot%', ...(admin[1] ?? '').split(/[\\/]+/).filter(Boolean)].join('\\');
	if (/^[A-Za-z]:[\\/]/.test(syncagnt)) return syncagnt;
	return SYNCAGNT;
}

/** The commands of the repair, exactly as typed at the PDC's command prompt. */
export const DSMPACK_COMMANDS = [`cd /d ${SYNCAGNT}`, 'net stop MSSYNC', 'dsmpack /r', 'net start MSSYNC'] as const;

/**
 * The repair as steps: each a manual step on a real server (dsmpack runs at the server's own prompt).
 * `stopFirst`: false when MSSYNC was found stopped (it will not start): the plan does not begin with a step
 * that has nothing to do; dsmpack's step still refuses to run while the service runs.
 */
export function repairSteps(manual: boolean, stopFirst = true): StepDef[] {
	const stop: StepDef[] = [
		{
			id: 'stop-service',
			title: 'Stop MSSYNC',
			kb: `${cite('dsmpack', ['Q197852'])}: stop the service before dsmpack`,
			why: 'dsmpack needs the database closed: JET holds it open while MSSYNC runs.',
			confirmation: {kind: 'yes-no'},
		},
	];
	return [
		...(stopFirst ? stop : []),
		{
			id: 'dsmpack',
			title: 'Repair the database with dsmpack /r',
			kb: `${cite('dsmpack', ['Q197852'])}: "dsmpack /r" in SYNCAGNT, MSSYNC stopped`,
			why: `dsmpack, installed with DSMN, repairs and compacts MSSYNC.MDB where it is, after a crash or a power cut or when MSSYNC will not start; the database as it was stays beside it as mssync.bkp (${cite('dsmpack', ['Q197852'])}). Unlike a restore, nothing changed since the last backup is lost, so it comes first. If JET then still refuses the logs (error -530), Q188357 deletes JET*.LOG, JET*.CHK and RES*.LOG after dsmpack (${cite('jet-530')}); if MSSYNC still will not start, restore the backup.`,
			confirmation: {kind: 'yes-no'},
			manual,
		},
		{
			id: 'start-service',
			title: 'Start MSSYNC',
			kb: `${cite('dsmpack', ['Q197852'])}: restart the service after dsmpack`,
			why: 'If it starts, the repair worked: synchronize the servers. If it does not, restore the database from a backup (KB Q148678).',
			confirmation: {kind: 'yes-no'},
		},
	];
}

/**
 * Whether a repair begins by stopping MSSYNC: a plan's first step fits the state found, so not when MSSYNC is
 * already stopped (the usual case: it will not start). A run that began with the step keeps it on resume, and one
 * that began without it never gains it; a service that cannot be queried is stopped first, as before.
 */
export async function stopsFirst(target: Pick<Target, 'service'>, entries: readonly JournalEntry[], onCommand?: CommandListener): Promise<boolean> {
	if (entries.some(e => 'step' in e && e.step === 'stop-service')) return true;
	// Once a step began, the journal alone decides: a run that began without stopping MSSYNC never stops it later (a repaired MSSYNC started meanwhile stays running).
	if (entries.some(e => e.type === 'step-started')) return false;
	const now = await target.service.query(onCommand ? {onCommand} : {}).catch(() => undefined);
	return !(now?.ok && now.state === 'STOPPED');
}

/** What the admin does at the PDC for the dsmpack step. */
export function dsmpackInstructions(): string[] {
	return [
		// cmd.exe has no ";" between commands: each is typed on a line of its own, as the admin types them.
		`At the PDC, open a command prompt and type: ${DSMPACK_COMMANDS.join('  then  ')} (each on its own line, Enter after each).`,
		`dsmpack prints "Initiating DEFRAGMENTATION mode (with REPAIR option)" and ends with "Operation completed successfully"; the database as it was is kept as mssync.bkp (${cite('dsmpack', ['Q197852'])}).`,
		'If it reports an error instead, do not delete anything: restore the database from a backup.',
	];
}

/**
 * The optional check at the end of both flows: the exact commands, for this domain and these servers. Each
 * command stands on a line of its own, so that no wrap ever splits one (ARCHITECTURE.md, "Layout at any size"); the
 * last line is DSMCHK's exit codes.
 */
export function resultCheckInstructions(domain: string | undefined, servers: readonly string[]): string[] {
	const d = domain ?? 'DOMAIN';
	const server = servers[0] ?? 'SERVER';
	return [
		`Optional: DSMDUMP and DSMCHK are on the DSMN disc (d: below), not installed by default (${cite('dsmdump', ['Q197852'])}). At the PDC, expand them into SYNCAGNT, with Swclnt.dll beside DSMCHK (${cite('dsmchk', ['Q154760'])}), one line at a time:`,
		`cd /d ${SYNCAGNT}`,
		'expand d:\\Dsmn\\Nt40\\I386\\Dsmchk.ex_ Dsmchk.exe',
		'expand d:\\Dsmn\\Nt40\\I386\\Swclnt.dl_ Swclnt.dll',
		`DSMDUMP lists the database's SERVER TABLE and ACCOUNT TABLE, with MSSYNC stopped; in SYNCAGNT, one line at a time:`,
		'net stop MSSYNC',
		'dsmdump >db.txt',
		'net start MSSYNC',
		`DSMDUMP's output should list each server, and each group as propagated to the servers chosen for it (${cite('dsmdump', ['Q197852'])}).`,
		`DSMCHK compares a user's NetWare password with the domain's (leave out -n for every server; ${cite('dsmchk', ['Q154760'])}):`,
		`dsmchk -d ${d} -u USERNAME -n ${server}`,
		`DSMCHK's exit code (ERRORLEVEL): 0 in sync; 1 not in sync; 2 the server is unknown to DSMN; 3 the domain is unknown; 4 the user is unknown to DSMN; 5 the user is not propagated to that server (${cite('dsmchk', ['Q154760'])}).`,
	];
}

/**
 * What is true once dsmpack /r has run and MSSYNC started again, and what the admin checks next. The
 * repair sends nothing to the NetWare servers: a server that showed a red X still does until it is
 * synchronized from the repaired database. `red`: the servers the tool sees red (the lab), undefined where
 * it cannot see the check marks (a real server). `onlySynchronize`: how to start the tool's "Only
 * synchronize all servers", where there is one. `labCommands`: the practice lab's own commands, printed where
 * the lines refer to them (a command "above" may be off a small screen): `sync` for the click, where the front
 * end has no "start again" (the scripted run); `status` for its Application log.
 */
export function afterRepairLines(
	red: readonly string[] | undefined,
	domain?: string,
	onlySynchronize?: string,
	lab = false,
	labCommands?: {sync?: string | undefined; status: string},
): string[] {
	const state =
		red === undefined
			? 'The repair sends nothing to the NetWare servers: a server that showed a red X before still does until it is synchronized.'
			: red.length === 0
				? 'Every server shows a blue check on the repaired database.'
				: `Still red: ${red.join(', ')}. The repair kept what the database knew and sent nothing: what ${red.length === 1 ? 'that server' : 'those servers'} missed reaches ${red.length === 1 ? 'it' : 'them'} only when synchronized.`;
	const click = 'Synchronization Manager, NetWare Server ▸ Synchronize all servers';
	// The practice lab's own command for that click, where the front end has no "start again" (the scripted run).
	const synchronize = labCommands?.sync
		? `in the practice lab, ${labCommands.sync} (what ${click} does)`
		: `in ${click}${onlySynchronize ? ` (or start again, ${onlySynchronize}, and choose "Only synchronize all servers")` : ''}`;
	return [
		state,
		...(red?.length === 0 ? [] : [`Next: ${synchronize}.`]),
		// The practice lab has no Event Viewer: its Application log is what its lab status command (printed with the checks) shows.
		`Then check: ${labCommands ? `in the practice lab's Application log (${labCommands.status})` : lab ? "in the practice lab's Application log (the lab status command above)" : 'in Event Viewer on the PDC, Log ▸ Application'}, MSSYNC's entries since it started (why a server stays red, or why MSSYNC stopped again); and a user or two with DSMCHK: dsmchk -d ${domain ?? 'DOMAIN'} -u USERNAME (${cite('dsmchk', ['Q154760'])}).`,
		// Where mssync.bkp is, and how long to keep it, is said once, by the run's own line (repair-run.ts, whereThingsAre).
		'If MSSYNC does not stay running, restore the database from a backup instead.',
	];
}
