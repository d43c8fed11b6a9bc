import {join} from 'node:path';
import {z} from 'zod';
import {findEntry} from '../fs/find-entry.js';
import {mapLimit} from '../fs/map-limit.js';
import {ObjectType, MS_WINNT, SYNC_AGENT, binderyObjectNames, ownUsers} from './bindery.js';
import {SERVICE_NAME, settle} from './service.js';
import {labFaults, labPaths, loadLab, serviceStates, type LabService} from './state.js';
import {readSyncDatabase} from './sync-database.js';
import {staleOn} from './change-log.js';

export const labStatusSchema = z.object({
	lab: z.string(),
	seed: z.number(),
	pace: z.number(),
	accounts: z.number(),
	/**
	 * `lastError`: why the last start failed, once it has (not while a start the lab will refuse is still
	 * START_PENDING); `refusedAt`: when, where the lab saw it (ISO time).
	 */
	service: z.object({name: z.literal(SERVICE_NAME), state: z.enum(serviceStates), lastError: z.string().optional(), refusedAt: z.string().optional()}),
	/** A failure staged with `lab fault`, active until cleared. */
	fault: z.enum(labFaults).optional(),
	database: z.object({present: z.boolean(), readable: z.boolean()}),
	backup: z.boolean(),
	servers: z.array(
		z.object({
			name: z.string(),
			synchronized: z.boolean(),
			syncAgent: z.boolean(),
			managed: z.boolean(),
			users: z.number(),
			online: z.boolean(),
			problem: z.string().optional(),
			/** Accounts whose NetWare copy on this server differs from the domain's (changed since the backup, not yet sent). */
			staleAccounts: z.array(z.string()),
		}),
	),
	/** The Application log entries MSSYNC wrote (e.g. Event 8005), oldest first. */
	events: z.array(z.object({id: z.number(), source: z.string(), type: z.string(), at: z.string(), text: z.string()})),
});

export type LabStatus = z.infer<typeof labStatusSchema>;

/** The last start's failure, once it has failed: a refused start still START_PENDING has not failed yet. */
function startFailure(service: LabService): {lastError?: string; refusedAt?: string} {
	if (!service.lastError || service.state === 'START_PENDING') return {};
	return {lastError: service.lastError, ...(service.refusedAt === undefined ? {} : {refusedAt: new Date(service.refusedAt).toISOString()})};
}

/** MSSYNC's state as `lab status` says it: starting, and a refused start with when it was refused where the lab saw it. */
export function serviceSays(service: LabStatus['service'], dash: string): string {
	const state = service.state === 'START_PENDING' ? `${service.state} ${dash} starting` : service.state;
	if (!service.lastError) return state;
	const when = service.refusedAt ? `start refused at ${service.refusedAt.slice(0, 19).replace('T', ' ')} UTC` : 'last start failed';
	return `${state} ${dash} ${when}: ${service.lastError}`;
}

/** What Synchronization Manager and the lab's NetWare servers would show now. */
export async function labStatus(dir: string, now = Date.now()): Promise<LabStatus> {
	const state = await loadLab(dir);
	const paths = labPaths(dir);
	const service = settle(state.service, now);
	const databaseName = await findEntry(paths.syncagnt, 'MSSYNC.MDB');
	const database = databaseName ? await readSyncDatabase(join(paths.syncagnt, databaseName)) : undefined;
	const {backup} = paths;
	const backupPresent = (await findEntry(backup, 'MSSYNC.MDB')) !== undefined;

	const servers = await mapLimit(state.servers, 8, async (server, index) => {
		let objects;
		let problem: string | undefined;
		try {
			objects = await binderyObjectNames(paths.serverSystem(server.name));
		} catch (error) {
			problem = `its bindery cannot be read: ${(error as Error).message}`;
		}
		const syncAgent = objects?.some(o => o.type === ObjectType.user && o.name === SYNC_AGENT) ?? false;
		const managed = objects?.some(o => o.type === ObjectType.msWinNt && o.name === MS_WINNT) ?? false;
		const users = objects ? ownUsers(objects).length : 0;
		const entry = database?.servers[index];
		if (!database) problem ??= 'the account synchronization database cannot be read';
		else if (!entry) problem ??= 'the database does not list this server';
		else if (!entry.intact) problem ??= 'its record in MSSYNC.MDB is damaged (Jet error -1018)';
		else if (!syncAgent)
			problem ??= 'WINNT_SYNC_AGENT was deleted from its bindery (the Sync Agent logs an event carrying error 1317, ERROR_NO_SUCH_USER; KB Q188357)';
		const synchronized = problem === undefined && entry?.record?.synchronized === true && entry.record.name === server.name;
		return {
			name: server.name,
			synchronized,
			syncAgent,
			managed,
			users,
			online: !server.offline,
			...(problem ? {problem} : {}),
			staleAccounts: staleOn(state, server.name),
		};
	});
	return {
		lab: dir,
		seed: state.seed,
		pace: state.pace,
		accounts: state.accounts,
		service: {name: SERVICE_NAME, state: service.state, ...startFailure(service)},
		...(state.fault ? {fault: state.fault} : {}),
		database: {present: databaseName !== undefined, readable: database !== undefined},
		backup: backupPresent,
		servers,
		events: state.events ?? [],
	};
}
