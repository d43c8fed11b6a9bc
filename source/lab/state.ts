import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {z} from 'zod';
import {writeFileAtomic} from '../fs/atomic-write.js';
import {describeZodError} from '../text/zod-message.js';
import {LabError} from './lab-error.js';
import {labFaults} from './options.js';

export const LAB_FILE = 'lab.json';
const LAB_FORMAT = 'dsmn-resync-lab';

export const serviceStates = ['STOPPED', 'START_PENDING', 'STOP_PENDING', 'RUNNING'] as const;

// The faults are listed with the lab's options (`options.ts`): the command line reads them without loading zod.
export {labFaults, type LabFault} from './options.js';

const labServiceSchema = z.object({
	state: z.enum(serviceStates),
	/** While pending: when the transition completes (ms since the epoch) and into which state. */
	pendingUntil: z.number().int().nonnegative().optional(),
	/** Why the last start failed (a Jet error), as the event log would say. */
	lastError: z.string().optional(),
});

/** An entry of the Application log that MSSYNC wrote (Event Viewer ▸ Log ▸ Application). */
const labEventSchema = z.object({
	id: z.number().int(),
	source: z.literal('MSSYNC'),
	type: z.enum(['error', 'warning', 'information']),
	at: z.string(),
	text: z.string(),
});
export type LabEvent = z.infer<typeof labEventSchema>;

/** The domain's SAM change log (lab/change-log.ts): its size, the changes made since the backup, what became of them. */
const labChangeLogSchema = z.object({
	size: z.number().int().positive(),
	backupAgeDays: z.number().int().nonnegative(),
	changesSinceBackup: z.number().int().nonnegative(),
	/** Set when MSSYNC started on the restored database: whether its position had left the log (Event 8005). */
	positionLost: z.boolean().optional(),
	/** The servers that have received the changes since the backup. */
	sentTo: z.array(z.string()).optional(),
});

const labStateSchema = z.object({
	format: z.literal(LAB_FORMAT),
	version: z.literal(1),
	seed: z.number().int(),
	pace: z.number().int().nonnegative(),
	/** How long the simulated service takes to start or stop. */
	serviceDelayMs: z.number().int().nonnegative(),
	domain: z.string().min(1),
	pdc: z.string().min(1),
	accounts: z.number().int().nonnegative(),
	/** Each server; `netware` its version when not 3.x (`lab create --netware FS2=4.x`). */
	servers: z.array(z.object({name: z.string().min(1), offline: z.boolean(), netware: z.enum(['2.x', '3.x', '4.x']).optional()})).min(1),
	/** Allow4X (REG_DWORD 1) under MSSYNC's Parameters key: without it DSMN refuses NetWare 4.x servers (KB Q145589). */
	allow4x: z.boolean().optional(),
	service: labServiceSchema,
	fault: z.enum(labFaults).optional(),
	changeLog: labChangeLogSchema.optional(),
	/** `lab create --wont-start`: a crash left MSSYNC.MDB inconsistent, so MSSYNC will not start until dsmpack /r repairs it (lab/dsmpack.ts) or a restore replaces it. */
	crashed: z.literal(true).optional(),
	/** `lab create --new-pdc`: SYNCAGNT holds a fresh installation's empty database until a backup is put in its backup subfolder and MSSYNC starts (lab/new-pdc.ts). */
	newPdc: z.literal(true).optional(),
	events: z.array(labEventSchema).optional(),
	/** `lab create --nt 3.51`: the NT version the server reports (its srvinfo); NT 4.0 when absent. */
	nt: z.enum(['3.51', '4.0']).optional(),
	/** `lab create --role bdc`: the server reports itself as a BDC (its srvinfo); the PDC when absent. */
	role: z.literal('bdc').optional(),
});

export type LabState = z.infer<typeof labStateSchema>;
export type LabService = z.infer<typeof labServiceSchema>;

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
	const parsed = labStateSchema.safeParse(json);
	if (!parsed.success) {
		throw new LabError(`${path} does not look like a lab's state: ${describeZodError(parsed.error)}`, 'create a new lab with: dsmn-resync lab create NEWDIR');
	}
	return parsed.data;
}

export async function saveLab(dir: string, state: LabState): Promise<void> {
	await writeFileAtomic(labPaths(dir).state, `${JSON.stringify(labStateSchema.parse(state), null, '\t')}\n`);
}
