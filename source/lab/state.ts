import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {writeFileAtomic} from '../fs/atomic-write.js';
import {LabError} from './lab-error.js';
import {labFaults, type LabFault} from './options.js';
import {defined, fields, flag, integer, list, oneOf, optional, StateShapeError, text, type Path} from './state-check.js';

export const LAB_FILE = 'lab.json';
const LAB_FORMAT = 'dsmn-resync-lab';

export const serviceStates = ['STOPPED', 'START_PENDING', 'STOP_PENDING', 'RUNNING'] as const;

// The faults are listed with the lab's options (`options.ts`).
export {labFaults, type LabFault} from './options.js';

export type LabService = {
	state: (typeof serviceStates)[number];
	/** While pending: when the transition completes (ms since the epoch) and into which state. */
	pendingUntil?: number | undefined;
	/**
	 * Why the last start failed (a Jet error), as the event log would say. A refused net start sets it as the
	 * start begins, as the lab decides then how it ends: while START_PENDING it is the start's coming refusal.
	 */
	lastError?: string | undefined;
	/** When that start was refused (ms since the epoch); absent where the lab was made so (`--wont-start`). */
	refusedAt?: number | undefined;
};

/** An entry of the Application log that MSSYNC wrote (Event Viewer ▸ Log ▸ Application). */
export type LabEvent = {id: number; source: 'MSSYNC'; type: 'error' | 'warning' | 'information'; at: string; text: string};

/** The domain's SAM change log (lab/change-log.ts): its size, the changes made since the backup, what became of them. */
type LabChangeLog = {
	size: number;
	backupAgeDays: number;
	changesSinceBackup: number;
	/** Set when MSSYNC started on the restored database: whether its position had left the log (Event 8005). */
	positionLost?: boolean | undefined;
	/** The servers that have received the changes since the backup. */
	sentTo?: string[] | undefined;
};

export type LabState = {
	format: typeof LAB_FORMAT;
	version: 1;
	seed: number;
	pace: number;
	/** How long the simulated service takes to start or stop. */
	serviceDelayMs: number;
	domain: string;
	pdc: string;
	accounts: number;
	/** Each server; `netware` its version when not 3.x (`lab create --netware FS2=4.x`). */
	servers: {name: string; offline: boolean; netware?: '2.x' | '3.x' | '4.x' | undefined}[];
	/** Allow4X (REG_DWORD 1) under MSSYNC's Parameters key: without it DSMN refuses NetWare 4.x servers (KB Q145589). */
	allow4x?: boolean | undefined;
	service: LabService;
	fault?: LabFault | undefined;
	changeLog?: LabChangeLog | undefined;
	/** `lab create --wont-start`: a crash left MSSYNC.MDB inconsistent, so MSSYNC will not start until dsmpack /r repairs it (lab/dsmpack.ts) or a restore replaces it. */
	crashed?: true | undefined;
	/** `lab create --new-pdc`: SYNCAGNT holds a fresh installation's empty database until a backup is put in its backup subfolder and MSSYNC starts (lab/new-pdc.ts). */
	newPdc?: true | undefined;
	events?: LabEvent[] | undefined;
	/** `lab create --nt 3.51`: the NT version the server reports (its srvinfo); NT 4.0 when absent. */
	nt?: '3.51' | '4.0' | undefined;
	/** `lab create --role bdc`: the server reports itself as a BDC (its srvinfo); the PDC when absent. */
	role?: 'bdc' | undefined;
};

function labService(value: unknown, path: Path): LabService {
	const v = fields(value, path);
	return defined({
		state: oneOf(v['state'], [...path, 'state'], serviceStates),
		pendingUntil: optional(v['pendingUntil'], [...path, 'pendingUntil'], (x, p) => integer(x, p, 0)),
		lastError: optional(v['lastError'], [...path, 'lastError'], text),
		refusedAt: optional(v['refusedAt'], [...path, 'refusedAt'], (x, p) => integer(x, p, 0)),
	});
}

function labEvent(value: unknown, path: Path): LabEvent {
	const v = fields(value, path);
	return {
		id: integer(v['id'], [...path, 'id']),
		source: oneOf(v['source'], [...path, 'source'], ['MSSYNC']),
		type: oneOf(v['type'], [...path, 'type'], ['error', 'warning', 'information']),
		at: text(v['at'], [...path, 'at']),
		text: text(v['text'], [...path, 'text']),
	};
}

function labChangeLog(value: unknown, path: Path): LabChangeLog {
	const v = fields(value, path);
	return defined({
		size: integer(v['size'], [...path, 'size'], 1),
		backupAgeDays: integer(v['backupAgeDays'], [...path, 'backupAgeDays'], 0),
		changesSinceBackup: integer(v['changesSinceBackup'], [...path, 'changesSinceBackup'], 0),
		positionLost: optional(v['positionLost'], [...path, 'positionLost'], flag),
		sentTo: optional(v['sentTo'], [...path, 'sentTo'], (x, p) => list(x, p, text)),
	});
}

function labServer(value: unknown, path: Path): LabState['servers'][number] {
	const v = fields(value, path);
	return defined({
		name: text(v['name'], [...path, 'name'], {nonEmpty: true}),
		offline: flag(v['offline'], [...path, 'offline']),
		netware: optional(v['netware'], [...path, 'netware'], (x, p) => oneOf(x, p, ['2.x', '3.x', '4.x'])),
	});
}

/** The lab's state as read from lab.json or about to be written: its known fields, each checked (state-check.ts). */
export function checkLabState(value: unknown): LabState {
	const v = fields(value, []);
	const yes = (x: unknown, p: Path) => oneOf(x, p, [true]);
	return defined({
		format: oneOf(v['format'], ['format'], [LAB_FORMAT]),
		version: oneOf(v['version'], ['version'], [1]),
		seed: integer(v['seed'], ['seed']),
		pace: integer(v['pace'], ['pace'], 0),
		serviceDelayMs: integer(v['serviceDelayMs'], ['serviceDelayMs'], 0),
		domain: text(v['domain'], ['domain'], {nonEmpty: true}),
		pdc: text(v['pdc'], ['pdc'], {nonEmpty: true}),
		accounts: integer(v['accounts'], ['accounts'], 0),
		servers: list(v['servers'], ['servers'], labServer, 1),
		allow4x: optional(v['allow4x'], ['allow4x'], flag),
		service: labService(v['service'], ['service']),
		fault: optional(v['fault'], ['fault'], (x, p) => oneOf(x, p, labFaults)),
		changeLog: optional(v['changeLog'], ['changeLog'], labChangeLog),
		crashed: optional(v['crashed'], ['crashed'], yes),
		newPdc: optional(v['newPdc'], ['newPdc'], yes),
		events: optional(v['events'], ['events'], (x, p) => list(x, p, labEvent)),
		nt: optional(v['nt'], ['nt'], (x, p) => oneOf(x, p, ['3.51', '4.0'])),
		role: optional(v['role'], ['role'], (x, p) => oneOf(x, p, ['bdc'])),
	});
}

export function labPaths(dir: string) {
	const systemRoot = join(dir, 'SystemRoot');
	return {
		root: dir,
		state: join(dir, LAB_FILE),
		systemRoot,
		syncagnt: join(systemRoot, 'SYSTEM32', 'SYNCAGNT'),
		backup: join(dir, 'backup'),
		netware: join(dir, 'netware'),
		journal: join(dir, 'journal'),
		serverSystem: (server: string) => join(dir, 'netware', server, 'SYS', 'SYSTEM'),
	};
}

export async function loadLab(dir: string): Promise<LabState> {
	const path = labPaths(dir).state;
	let raw: string;
	try {
		raw = await readFile(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') {
			throw new LabError(`${dir} is not a practice lab (it has no ${LAB_FILE})`, `create one with: dsmn-resync lab create ${dir}`);
		}
		throw new LabError(`cannot read ${path}: ${(error as Error).message}`);
	}
	let json: unknown;
	try {
		json = JSON.parse(raw);
	} catch {
		throw new LabError(`${path} is not valid JSON; the lab's state file is damaged`, 'create a new lab with: dsmn-resync lab create NEWDIR');
	}
	try {
		return checkLabState(json);
	} catch (error) {
		if (!(error instanceof StateShapeError)) throw error;
		throw new LabError(`${path} does not look like a lab's state: ${error.message}`, 'create a new lab with: dsmn-resync lab create NEWDIR');
	}
}

export async function saveLab(dir: string, state: LabState): Promise<void> {
	await writeFileAtomic(labPaths(dir).state, `${JSON.stringify(checkLabState(state), null, '\t')}\n`);
}
