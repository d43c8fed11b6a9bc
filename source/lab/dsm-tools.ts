/**
 * DSMDUMP and DSMCHK in the lab (`lab dsmdump DIR`, `lab dsmchk DIR -d DOMAIN -u USER [-n SERVER]`), the
 * optional check at the end of a restore or a repair (ARCHITECTURE.md, "The lab"). DSMDUMP lists the
 * database's server table and account table, and needs MSSYNC stopped; DSMCHK compares a user on the
 * NetWare servers with the domain, and says so by its exit code: 0 in sync, 1 not in sync, 2 the server is
 * unknown to DSMN, 3 the domain is unknown, 4 the user is unknown to DSMN, 5 the user is not propagated to
 * that server. The lab's output is its own, in the same terms; the exit codes are the real tool's.
 */
import {join} from 'node:path';
import {findEntry} from '../fs/find-entry.js';
import {binderyHasUser} from './bindery.js';
import {staleOn} from './change-log.js';
import {LabError} from './lab-error.js';
import {settle} from './service.js';
import {labPaths, loadLab} from './state.js';
import {readSyncDatabase, type SyncDatabaseView} from './sync-database.js';

async function database(dir: string): Promise<SyncDatabaseView> {
	const {syncagnt} = labPaths(dir);
	const name = await findEntry(syncagnt, 'MSSYNC.MDB');
	const view = name ? await readSyncDatabase(join(syncagnt, name)) : undefined;
	if (!view) throw new LabError(`there is no readable MSSYNC.MDB in ${syncagnt}`, 'restore the database from a backup');
	return view;
}

/** The lab's DSMDUMP: refused while MSSYNC runs (the database must be closed); the lines it prints. */
export async function labDsmdump(dir: string, now = Date.now()): Promise<string[]> {
	const state = await loadLab(dir);
	const service = settle(state.service, now);
	if (service.state !== 'STOPPED')
		throw new LabError(`MSSYNC is ${service.state}: DSMDUMP needs the database closed`, `stop it first: dsmn-resync lab net ${dir} stop MSSYNC`);
	const view = await database(dir);
	const servers = view.servers.map(s =>
		s.record && s.intact
			? `  ${s.record.name.padEnd(16)} ${s.record.synchronized ? 'synchronized' : 'not synchronized'}, ${s.record.accountsPropagated} accounts propagated`
			: `  (record on page ${s.pgno} cannot be read: Jet error -1018)`,
	);
	return [
		`DSMDUMP of the lab's MSSYNC.MDB (domain ${view.domain}, PDC ${view.pdc})`,
		`SERVER TABLE (${view.servers.length})`,
		...servers,
		`ACCOUNT TABLE (${view.accounts.length})`,
		...view.accounts.map(a => `  ${a.name.padEnd(20)} ${a.fullName}`),
	];
}

export type DsmchkResult = {exitCode: 0 | 1 | 2 | 3 | 4 | 5; lines: string[]};

/** The lab's DSMCHK for one user, on one server or on every server the database lists. */
export async function labDsmchk(dir: string, domain: string, user: string, server?: string): Promise<DsmchkResult> {
	const state = await loadLab(dir);
	const view = await database(dir);
	const name = user.toUpperCase();
	if (domain.toUpperCase() !== view.domain.toUpperCase())
		return {exitCode: 3, lines: [`The domain ${domain} is unknown to DSMN (this database is ${view.domain}'s).`]};
	if (!view.accounts.some(a => a.name.toUpperCase() === name)) return {exitCode: 4, lines: [`The user ${user} is unknown to DSMN.`]};
	const known = view.servers.flatMap(s => (s.record && s.intact ? [s.record.name] : []));
	const servers = server ? [server.toUpperCase()] : known;
	if (server && !known.includes(servers[0]!)) return {exitCode: 2, lines: [`The server ${server} is unknown to DSMN.`]};
	const lines: string[] = [];
	let exitCode: DsmchkResult['exitCode'] = 0;
	for (const s of servers) {
		if (!(await binderyHasUser(labPaths(dir).serverSystem(s), name).catch(() => false))) {
			lines.push(`${s}: ${user} is not propagated to this server.`);
			if (exitCode === 0) exitCode = 5;
		} else if (staleOn(state, s).some(a => a.toUpperCase() === name)) {
			lines.push(`${s}: ${user} is NOT in sync: the NetWare copy differs from the domain's.`);
			exitCode = 1;
		} else lines.push(`${s}: ${user} is in sync.`);
	}
	return {exitCode, lines};
}
