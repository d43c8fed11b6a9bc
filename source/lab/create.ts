import {mkdir, readdir, stat, utimes, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {JetTime} from '../jet/signature.js';
import {ObjectType, dsmnObjects, encodeBindery, type BinderyObject} from './bindery.js';
import {domainAccounts, nativeUsers} from './domain.js';
import {serverNames} from './names.js';
import {seededRandom} from './random.js';
import {LabError} from './lab-error.js';
import {CHANGE_LOG_SIZE_DEFAULT, type LabOptions} from './options.js';
import {newChangeLog} from './change-log.js';
import {CRASH_START_ERROR} from './dsmpack.js';
import {PROMOTED_BDC} from './new-pdc.js';
import {LAB_FILE, labPaths, saveLab, type LabState} from './state.js';
import {damagePage, encodeSyncDatabase, serverPageNumber, type ServerRecord} from './sync-database.js';
import {checkpointFile, logFiles, patchFile, systemDatabase, type JetIdentity} from './syncagnt-files.js';

const DOMAIN = 'CORP';
const PDC = 'NTPDC';

export type CreatedLab = {dir: string; state: LabState; red: string[]};

async function assertUsableLabFolder(dir: string): Promise<void> {
	let entries: string[];
	try {
		const info = await stat(dir);
		if (!info.isDirectory()) throw new LabError(`${dir} exists and is not a folder`, 'give the path of a new or empty folder');
		entries = await readdir(dir);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
		if (error instanceof LabError) throw error;
		throw new LabError(`cannot use ${dir}: ${(error as Error).message}`);
	}
	if (entries.includes(LAB_FILE)) {
		throw new LabError(`${dir} already holds a practice lab`, `use it (dsmn-resync --lab ${dir}), or choose a new folder`);
	}
	if (entries.length > 0) {
		throw new LabError(`${dir} is not empty and is not a practice lab`, 'give the path of a new or empty folder; nothing was written');
	}
}

export async function createLab(dir: string, options: LabOptions, now = new Date()): Promise<CreatedLab> {
	const names = serverNames(options.servers);
	for (const [name, version] of Object.entries(options.netware ?? {})) {
		if (!names.includes(name))
			throw new LabError(`--netware ${name}=${version}: the lab has no server of that name`, `its servers are ${names[0]} to ${names.at(-1)}`);
		if (version === '2.x')
			throw new LabError(`--netware ${name}=2.x: the lab's binderies are NetWare 3.x files`, 'the lab models 3.x and 4.x (bindery emulation) servers');
	}
	for (const name of options.offline) {
		if (!names.includes(name)) throw new LabError(`--offline ${name}: the lab has no server of that name`, `its servers are ${names[0]} to ${names.at(-1)}`);
	}
	await assertUsableLabFolder(dir);
	const paths = labPaths(dir);
	const random = seededRandom(options.seed);

	const created: JetTime = {
		year: 1999,
		month: random.int(1, 12),
		day: random.int(1, 28),
		hour: random.int(8, 18),
		minute: random.int(0, 59),
		second: random.int(0, 59),
	};
	const identity: JetIdentity = {
		signDb: {random: random.uint32(), created, computerName: PDC},
		signLog: {random: random.uint32(), created, computerName: PDC},
	};
	const accounts = domainAccounts(options.seed, options.accounts);

	// Which servers show the red X: their records in the live database are damaged. At least one.
	const red = new Set(names.filter(() => random.next() < 0.5));
	if (red.size === 0) red.add(random.pick(names));
	// After a crash (--wont-start) the records are whole: the red X comes from the changes not yet propagated.
	const damaged = options.wontStart ? new Set<string>() : red;
	const missingSinceDamage = new Map(names.map(name => [name, red.has(name) ? Math.min(options.accounts, random.int(1, 5)) : 0]));

	const liveRecords: ServerRecord[] = names.map(name => ({
		name,
		synchronized: !red.has(name),
		accountsPropagated: options.accounts - missingSinceDamage.get(name)!,
	}));
	const liveGenerations = 6;
	// Shut down cleanly: consistent as of the last log, attached at the start of the first (Jet 500's header fields).
	const header = (lastGeneration: number) => ({
		...identity,
		consistent: {position: {generation: lastGeneration}, at: created},
		attached: {position: {generation: 1}, at: created},
	});
	const live = options.newPdc
		? // A new installation on the promoted BDC: its own database, knowing no server and no account yet.
			encodeSyncDatabase({
				header: {...header(1), signDb: {...identity.signDb, random: identity.signDb.random ^ 0x7e7e}},
				domain: DOMAIN,
				pdc: PROMOTED_BDC,
				servers: [],
				accounts: [],
			})
		: encodeSyncDatabase({header: header(liveGenerations), domain: DOMAIN, pdc: PDC, servers: liveRecords, accounts, pages: options.dbPages});
	names.forEach((name, i) => {
		if (damaged.has(name)) damagePage(live, serverPageNumber(i), i + options.seed);
	});

	await mkdir(paths.syncagnt, {recursive: true});
	const write = (path: string, data: Uint8Array | string) => writeFile(path, data);
	await write(join(paths.syncagnt, 'MSSYNC.MDB'), live);
	await write(join(paths.syncagnt, 'SYSTEM.MDB'), systemDatabase(identity, random));
	// A fresh installation has written no logs yet; the old PDC's SYNCAGNT has its whole history.
	if (!options.newPdc) {
		for (const [name, data] of logFiles(liveGenerations, identity.signLog, created, random)) await write(join(paths.syncagnt, name), data);
		await write(join(paths.syncagnt, 'JET.CHK'), checkpointFile(liveGenerations, identity.signLog));
		for (const name of ['RES1.LOG', 'RES2.LOG']) await write(join(paths.syncagnt, name), logFiles(1, identity.signLog, created, random).get('JET.LOG')!);
	}
	await write(
		join(paths.syncagnt, 'MSSYNC.LOG'),
		names.map(name => `Server ${name} was added to domain ${DOMAIN}. ${options.accounts} accounts were propagated.\r\n`).join(''),
	);

	if (options.backup) {
		// Taken while the domain was healthy, before the latest changes: every server must be resynchronized after it.
		const backupRecords = names.map(name => ({name, synchronized: false, accountsPropagated: Math.max(0, options.accounts - 8)}));
		await mkdir(paths.backup, {recursive: true});
		const backupDatabase = encodeSyncDatabase({header: header(4), domain: DOMAIN, pdc: PDC, servers: backupRecords, accounts, pages: options.dbPages});
		const files = new Map<string, Uint8Array>([
			['MSSYNC.MDB', backupDatabase],
			['SYSTEM.MDB', systemDatabase(identity, random)],
			...logFiles(4, identity.signLog, created, random),
			['MSSYNC.PAT', patchFile(identity, backupDatabase)],
		]);
		// Drawn whatever --backup-age says, so that the rest of the lab is the same for a seed.
		const days = random.int(3, 20);
		const within = random.int(0, 86_399) * 1000;
		// --backup-age DAYS: the files are dated that many whole days back (and part of a day), as the change log assumes.
		const age = (options.backupAgeDays ?? days) * 86_400_000 + within;
		const backupTime = new Date(now.getTime() - age);
		for (const [name, data] of files) {
			await write(join(paths.backup, name), data);
			await utimes(join(paths.backup, name), backupTime, backupTime);
		}
	}

	let nextId = 0x0100_0001;
	const id = () => nextId++;
	for (const [index, name] of names.entries()) {
		const system = paths.serverSystem(name);
		await mkdir(system, {recursive: true});
		const base: BinderyObject[] = [
			{id: 0x0000_0001, type: ObjectType.user, name: 'SUPERVISOR', properties: [{name: 'IDENTIFICATION', value: 'Supervisor'}]},
			{id: id(), type: ObjectType.user, name: 'GUEST', properties: []},
			{
				id: id(),
				type: ObjectType.fileServer,
				name,
				properties: [{name: 'NET_ADDRESS', value: `0000${(index + 1).toString(16).padStart(4, '0')}:000000000001:0451`}],
			},
			...nativeUsers(options.seed, index).map(u => ({
				id: id(),
				type: ObjectType.user,
				name: u.name,
				properties: [{name: 'IDENTIFICATION', value: u.fullName}],
			})),
		];
		const propagated = accounts.slice(0, options.accounts - missingSinceDamage.get(name)!);
		const current: BinderyObject[] = [
			...base,
			...dsmnObjects(id, PDC),
			...propagated.map(a => ({id: id(), type: ObjectType.user, name: a.name, properties: [{name: 'IDENTIFICATION', value: a.fullName}]})),
		];
		// NetWare 4.x keeps its accounts in NDS: no BINDFIX backup (.OLD) to restore.
		for (const [extension, objects] of options.netware?.[name] === '4.x'
			? ([['SYS', current]] as const)
			: ([
					['SYS', current],
					['OLD', base],
				] as const)) {
			const files = encodeBindery(objects);
			await write(join(system, `NET$OBJ.${extension}`), files.obj);
			await write(join(system, `NET$PROP.${extension}`), files.prop);
			await write(join(system, `NET$VAL.${extension}`), files.val);
		}
	}

	const state: LabState = {
		format: 'dsmn-resync-lab',
		version: 1,
		seed: options.seed,
		pace: options.pace,
		serviceDelayMs: options.pace === 0 ? 0 : 800,
		domain: DOMAIN,
		pdc: options.newPdc ? PROMOTED_BDC : PDC,
		accounts: options.accounts,
		servers: names.map(name => ({name, offline: options.offline.includes(name), ...(options.netware?.[name] ? {netware: options.netware[name]} : {})})),
		...(options.allow4x ? {allow4x: true} : {}),
		service: options.wontStart ? {state: 'STOPPED', lastError: CRASH_START_ERROR} : {state: 'RUNNING'},
		...(options.wontStart ? {crashed: true as const} : {}),
		...(options.newPdc ? {newPdc: true as const} : {}),
		...(options.nt ? {nt: options.nt} : {}),
		...(options.role === 'bdc' ? {role: 'bdc' as const} : {}),
		...(options.backupAgeDays === undefined ? {} : {changeLog: newChangeLog(options.backupAgeDays, options.changeLogSize ?? CHANGE_LOG_SIZE_DEFAULT)}),
	};
	// Written last: a folder with lab.json is a complete lab.
	await saveLab(dir, state);
	return {dir, state, red: names.filter(name => red.has(name))};
}
