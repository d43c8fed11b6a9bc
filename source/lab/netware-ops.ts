/**
 * What the reconstruct flow does to the lab's NetWare servers and DSMN: delete WINNT_SYNC_AGENT (SYSCON),
 * restore the bindery from NET$*.OLD (BINDREST), add the server back to the domain (Synchronization
 * Manager), and give DSMN new passwords for the propagated users.
 */
import {createHash, randomBytes} from 'node:crypto';
import {appendFile, mkdir, open, rename, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {writeFileAtomic, syncFolder} from '../fs/atomic-write.js';
import {copyVerified} from '../fs/copy-verified.js';
import {findEntry} from '../fs/find-entry.js';
import {
	BINDERY_FILES,
	binderyPaths,
	dsmnObjects,
	encodeBindery,
	MS_WINNT,
	ownUsers,
	OBJ_RECORD,
	ObjectType,
	readBindery,
	SYNC_AGENT,
	type BinderyObject,
} from './bindery.js';
import {LabError} from './lab-error.js';
import {settle} from './service.js';
import {labPaths, loadLab} from './state.js';
import {readSyncDatabase, writeServerRecord} from './sync-database.js';
import {shellWord} from '../text/shell-word.js';

const latin1 = new TextDecoder('latin1');

/** Marks WINNT_SYNC_AGENT's record deleted in NET$OBJ.SYS, as NetWare does (BINDFIX compacts later): one 128-byte write. */
export async function deleteSyncAgent(systemDir: string): Promise<'deleted' | 'absent'> {
	const path = binderyPaths(systemDir, 'SYS').obj;
	const handle = await open(path, 'r+');
	try {
		const obj = await handle.readFile();
		const view = new DataView(obj.buffer, obj.byteOffset, obj.byteLength);
		for (let at = 0; at + OBJ_RECORD <= obj.byteLength; at += OBJ_RECORD) {
			const length = obj[at + 6] ?? 0;
			if (view.getUint16(at + 4) === ObjectType.user && latin1.decode(obj.subarray(at + 7, at + 7 + length)) === SYNC_AGENT) {
				await handle.write(new Uint8Array(OBJ_RECORD), 0, OBJ_RECORD, at);
				await handle.sync();
				return 'deleted';
			}
		}
		return 'absent';
	} finally {
		await handle.close();
	}
}

export type BinderyBackupCheck = {ok: boolean; problems: string[]; usersInBackup: number; usersLost: string[]; backupUsers: string[]; taken?: Date};

/** NET$OBJ.OLD, NET$PROP.OLD and NET$VAL.OLD: all present, non-empty, readable together, written together. */
export async function checkBinderyBackup(systemDir: string): Promise<BinderyBackupCheck> {
	const problems: string[] = [];
	const paths = binderyPaths(systemDir, 'OLD');
	const times: number[] = [];
	for (const [i, path] of [paths.obj, paths.prop, paths.val].entries()) {
		try {
			const info = await stat(path);
			if (info.size === 0) problems.push(`${BINDERY_FILES[i]}.OLD is empty`);
			times.push(info.mtimeMs);
		} catch {
			problems.push(`${BINDERY_FILES[i]}.OLD is missing`);
		}
	}
	if (times.length === 3 && Math.max(...times) - Math.min(...times) > 60_000) {
		problems.push('the three .OLD files were not written at the same time: they may come from different BINDFIX runs');
	}
	let old: BinderyObject[] = [];
	if (problems.length === 0) {
		try {
			old = await readBindery(systemDir, 'OLD');
		} catch (error) {
			problems.push(`the .OLD files do not read as one bindery: ${(error as Error).message}`);
		}
	}
	let current: BinderyObject[] = [];
	try {
		current = await readBindery(systemDir, 'SYS');
	} catch {
		// a bindery too damaged to read is one more reason to restore
	}
	const oldUsers = new Set(old.filter(o => o.type === ObjectType.user).map(o => o.name));
	const usersLost = current.filter(o => o.type === ObjectType.user && !oldUsers.has(o.name) && o.name !== SYNC_AGENT).map(o => o.name);
	return {
		ok: problems.length === 0,
		problems,
		// Counted as `lab status` counts a server's users: SUPERVISOR, GUEST and WINNT_SYNC_AGENT are not.
		usersInBackup: ownUsers(old).length,
		usersLost,
		backupUsers: [...oldUsers],
		...(times.length ? {taken: new Date(Math.max(...times))} : {}),
	};
}

/** BINDREST: the current NET$*.SYS go aside (kept), the .OLD copies take their place, each verified. */
export async function restoreBindery(systemDir: string, aside: string): Promise<void> {
	const check = await checkBinderyBackup(systemDir);
	if (!check.ok) throw new LabError(`the bindery backup cannot be used: ${check.problems.join('; ')}`);
	await mkdir(aside, {recursive: true});
	const current = binderyPaths(systemDir, 'SYS');
	const old = binderyPaths(systemDir, 'OLD');
	for (const key of ['obj', 'prop', 'val'] as const) {
		const name = current[key].slice(systemDir.length + 1);
		try {
			await rename(current[key], join(aside, name));
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
	}
	await syncFolder(aside);
	for (const key of ['val', 'prop', 'obj'] as const) await copyVerified(old[key], current[key]);
}

/** "Add Server to Manage": refused while WINNT_SYNC_AGENT exists (Q149906); else DSMN's objects and a fresh record. */
export async function addServerToDomain(dir: string, server: string): Promise<{pdc: string}> {
	const state = await loadLab(dir);
	const paths = labPaths(dir);
	const index = state.servers.findIndex(s => s.name === server);
	if (index < 0) throw new LabError(`the lab has no server ${server}`);
	if (settle(state.service, Date.now()).state !== 'RUNNING') {
		throw new LabError('MSSYNC is not running: Synchronization Manager cannot add a server', 'start the MSSYNC service first');
	}
	if (state.servers[index]!.netware === '4.x' && !state.allow4x)
		throw new LabError(
			`${server} is a Netware 4.X server. It cannot be added to the Domain.`,
			`set Allow4X (REG_DWORD 1) under HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSSYNC\\Parameters on the PDC and restart it (KB Q145589), then retry; in the lab, leave this run, run dsmn-resync lab allow4x ${shellWord(dir)} (it does both, once no run holds the lab), then resume the run`,
		);
	if (state.servers[index]!.offline)
		throw new LabError(`${server} did not answer: Synchronization Manager cannot log in to it`, `check that ${server} is up, then retry`);
	const system = paths.serverSystem(server);
	const objects = await readBindery(system);
	if (objects.some(o => o.type === ObjectType.user && o.name === SYNC_AGENT)) {
		throw new LabError(
			`The NetWare server ${server} has already been added to a Windows NT Domain (WINNT_SYNC_AGENT exists on it; KB Q149906)`,
			`delete the WINNT_SYNC_AGENT user from ${server} first (the step before this one), then retry`,
		);
	}
	let nextId = objects.reduce((max, o) => Math.max(max, o.id), 0x0100_0000) + 1;
	const kept = objects.filter(o => !(o.type === ObjectType.msWinNt && o.name === MS_WINNT));
	const files = encodeBindery([...kept, ...dsmnObjects(() => nextId++, state.pdc)]);
	const target = binderyPaths(system, 'SYS');
	// MS_WINNT may be rewritten in place: the whole bindery goes through temporary files, objects last.
	await writeFileAtomic(target.val, files.val);
	await writeFileAtomic(target.prop, files.prop);
	await writeFileAtomic(target.obj, files.obj);
	const databaseName = await findEntry(paths.syncagnt, 'MSSYNC.MDB');
	if (!databaseName || !(await readSyncDatabase(join(paths.syncagnt, databaseName)))) {
		throw new LabError('the account synchronization database (MSSYNC.MDB) cannot be read', 'restore it from a backup, or make sure SYNCAGNT holds it');
	}
	await writeServerRecord(join(paths.syncagnt, databaseName), index, {name: server, synchronized: false, accountsPropagated: 0, passwordsKnown: false});
	await appendFile(join(paths.syncagnt, 'MSSYNC.LOG'), `Server ${server} was added to domain ${state.domain}. Passwords of propagated users must be set.\r\n`);
	return {pdc: state.pdc};
}

export type PasswordEntry = {name: string; password?: string; mustChange: boolean};

/**
 * The lab's SAM learns the new passwords (as salted hashes, never in clear), and DSMN may propagate
 * them again: the records of servers added back are marked as knowing the passwords.
 */
export async function setDomainPasswords(dir: string, entries: readonly PasswordEntry[], initialPassword?: string): Promise<void> {
	const paths = labPaths(dir);
	const salt = randomBytes(16).toString('hex');
	const accounts: Record<string, {hash: string; mustChange: boolean}> = {};
	for (const entry of entries) {
		const password = entry.password ?? initialPassword ?? '';
		accounts[entry.name] = {hash: createHash('sha256').update(`${salt}:${password}`).digest('hex'), mustChange: entry.mustChange};
	}
	await mkdir(join(dir, 'domain'), {recursive: true});
	await writeFileAtomic(join(dir, 'domain', 'sam.json'), `${JSON.stringify({salt, accounts})}\n`, 0o600);
	const databaseName = await findEntry(paths.syncagnt, 'MSSYNC.MDB');
	if (!databaseName) return;
	const database = await readSyncDatabase(join(paths.syncagnt, databaseName));
	for (const entry of database?.servers ?? []) {
		if (entry.intact && entry.record && entry.record.passwordsKnown === false) {
			await writeServerRecord(join(paths.syncagnt, databaseName), entry.index, {...entry.record, passwordsKnown: true});
		}
	}
}
