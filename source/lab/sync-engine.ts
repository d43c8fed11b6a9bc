/**
 * The lab's DSMN: "Synchronize all servers" propagates the lab's NetWare-enabled domain accounts to each
 * managed NetWare server, servers in parallel, at the lab's pace. (The lab has one list for every server;
 * real DSMN propagates to each server the NetWare-enabled accounts of the groups chosen for it, KB Q183684.) It reproduces the KB's symptom: a server whose record
 * in the live database is damaged stays red however often it is synchronized.
 */
import {setMaxListeners} from 'node:events';
import {join} from 'node:path';
import {setImmediate as yieldToLoop, setTimeout as sleep} from 'node:timers/promises';
import {findEntry} from '../fs/find-entry.js';
import {writeFileAtomic} from '../fs/atomic-write.js';
import type {SyncEvent, SyncOptions, SyncResult} from '../services/synchronization.js';
import {binderyHasUser, binderyPaths, encodeBindery, ObjectType, readBindery, SYNC_AGENT, type BinderyObject} from './bindery.js';
import {domainAccounts} from './domain.js';
import {settle} from './service.js';
import {afterSynchronize} from './change-log.js';
import {labPaths, loadLab, saveLab} from './state.js';
import {readSyncDatabase, writeServerRecord} from './sync-database.js';

/** How long DSMN waits for a NetWare server that does not answer, in the lab: 8 s at the default pace, less when the lab is fast. */
function offlineTimeoutMs(pace: number): number {
	return Math.min(8000, Math.max(300, pace * 64));
}

const TICK_MS = 100;

/** At most this many binderies are read or written at once: memory stays flat however many servers there are. */
const BINDERY_SLOTS = 4;

function semaphore(slots: number) {
	const waiting: (() => void)[] = [];
	let free = slots;
	return async <T>(work: () => Promise<T>): Promise<T> => {
		if (free === 0) await new Promise<void>(resolve => waiting.push(resolve));
		else free--;
		try {
			return await work();
		} finally {
			const next = waiting.shift();
			if (next) next();
			else free++;
		}
	};
}

/**
 * Adds the domain accounts a server lacks to its bindery. NET$VAL and NET$PROP are written before
 * NET$OBJ: existing records keep their places and new ones are appended, so after a crash at any point
 * the object file never points past the end of the others.
 */
async function propagate(system: string, accounts: readonly {name: string; fullName: string}[]): Promise<void> {
	const objects: BinderyObject[] = await readBindery(system);
	const existing = new Set(objects.filter(o => o.type === ObjectType.user).map(o => o.name));
	let nextId = objects.reduce((max, o) => Math.max(max, o.id), 0x0100_0000) + 1;
	const added = accounts
		.filter(a => !existing.has(a.name))
		.map(a => ({id: nextId++, type: ObjectType.user, name: a.name, properties: [{name: 'IDENTIFICATION', value: a.fullName}]}));
	if (added.length === 0) return;
	const files = encodeBindery([...objects, ...added]);
	const target = binderyPaths(system, 'SYS');
	await writeFileAtomic(target.val, files.val);
	await writeFileAtomic(target.prop, files.prop);
	await writeFileAtomic(target.obj, files.obj);
}

export async function synchronizeLab(dir: string, options: SyncOptions = {}): Promise<SyncResult[]> {
	const emit = (event: SyncEvent) => options.onEvent?.(event);
	// Every server waits on the same signal: without this, Node warns on stderr (over the screen) past ten.
	if (options.signal) setMaxListeners(0, options.signal);
	const state = await loadLab(dir);
	const paths = labPaths(dir);
	const servers = state.servers.filter(s => !options.only || options.only.includes(s.name));
	const total = state.accounts;
	emit({type: 'plan', servers: servers.map(s => ({name: s.name, total}))});

	const fail = (server: string, reason: string, advice: string, done = 0): SyncResult => {
		emit({type: 'server-failed', server, reason, advice});
		return {server, ok: false, done, total, reason, advice};
	};

	const service = settle(state.service, Date.now());
	if (service.state !== 'RUNNING') {
		return servers.map(s =>
			fail(s.name, `MSSYNC is ${service.state.toLowerCase().replace('_', ' ')}: Synchronization Manager cannot synchronize`, 'start the MSSYNC service first'),
		);
	}
	const databaseName = await findEntry(paths.syncagnt, 'MSSYNC.MDB');
	const databasePath = databaseName ? join(paths.syncagnt, databaseName) : undefined;
	const database = databasePath ? await readSyncDatabase(databasePath) : undefined;
	if (!databasePath || !database) {
		return servers.map(s => fail(s.name, 'the account synchronization database (MSSYNC.MDB) cannot be read', 'restore it from a backup (KB Q148678)'));
	}
	const accounts = domainAccounts(state.seed, state.accounts);
	const withBindery = semaphore(BINDERY_SLOTS);

	// `lab offline DIR NAME` during a run takes a server down mid-way: the state is read again, at most once a second.
	let offlineNow = new Set(state.servers.filter(s => s.offline).map(s => s.name));
	let checkedAt = Date.now();
	const isOffline = async (name: string): Promise<boolean> => {
		if (Date.now() - checkedAt >= 1000) {
			checkedAt = Date.now();
			try {
				offlineNow = new Set((await loadLab(dir)).servers.filter(s => s.offline).map(s => s.name));
			} catch {
				// a state file being rewritten: keep the last answer
			}
		}
		return offlineNow.has(name);
	};

	const one = async (name: string): Promise<SyncResult> => {
		const index = state.servers.findIndex(s => s.name === name);
		const entry = database.servers[index];
		if (!entry?.intact || !entry.record) {
			await sleep(Math.min(500, state.pace * 2), undefined, {signal: options.signal});
			return fail(
				name,
				`Jet error -1018 (JET_errReadVerifyFailure): ${name}'s record in MSSYNC.MDB is damaged`,
				'restore the database from a backup, or with no backup reconstruct the server (KB Q148678)',
			);
		}
		if (entry.record.passwordsKnown === false) {
			return fail(
				name,
				`DSMN does not know the passwords of the ${total} accounts to propagate to ${name}`,
				'set a new password for each propagated user (the step before this one), then retry',
			);
		}
		const system = paths.serverSystem(name);
		if (state.servers[index]!.offline) {
			emit({type: 'server-started', server: name});
			await sleep(offlineTimeoutMs(state.pace), undefined, {signal: options.signal});
			return fail(
				name,
				`${name} did not answer: the NetWare server is down or unreachable`,
				'check that the server is up and reachable from the PDC, then retry',
			);
		}
		let agent: boolean;
		try {
			agent = await withBindery(() => binderyHasUser(system, SYNC_AGENT));
		} catch (error) {
			return fail(name, `${name}'s bindery cannot be read: ${(error as Error).message}`, 'run BINDFIX on the server, then retry');
		}
		if (!agent) {
			return fail(
				name,
				`${SYNC_AGENT} is missing on ${name}: DSMN cannot log in to it (the Sync Agent's event in the Application log carries error 1317, ERROR_NO_SUCH_USER; KB Q188357)`,
				'add the server back to the domain (the reconstruct flow)',
			);
		}
		emit({type: 'server-started', server: name});
		const started = Date.now();
		let done = 0;
		while (done < total) {
			options.signal?.throwIfAborted();
			if (state.pace === 0) {
				done = Math.min(total, done + 250);
				await yieldToLoop();
			} else {
				await sleep(Math.min(TICK_MS, state.pace), undefined, {signal: options.signal});
				done = Math.min(total, Math.floor((Date.now() - started) / state.pace));
			}
			emit({type: 'progress', server: name, done});
			if (await isOffline(name)) {
				await sleep(offlineTimeoutMs(state.pace), undefined, {signal: options.signal});
				return fail(
					name,
					`${name} stopped answering after ${done} of ${total} accounts`,
					'check that the server is up and reachable from the PDC, then retry',
					done,
				);
			}
		}
		await withBindery(() => propagate(system, accounts));
		await writeServerRecord(databasePath, index, {name, synchronized: true, accountsPropagated: total, passwordsKnown: true});
		emit({type: 'server-finished', server: name, done: total});
		return {server: name, ok: true, done: total, total};
	};

	const results = await Promise.all(servers.map(s => one(s.name)));
	// The change log's accounts (lab/change-log.ts): recorded once, after every server is done.
	const reached = results.filter(r => r.ok).map(r => r.server);
	const now = await loadLab(dir);
	if (now.changeLog) await saveLab(dir, afterSynchronize(now, reached, options.full === true));
	return results;
}
