import {z} from 'zod';

/** One line of the run journal (JSON lines, append-only). Never holds a password. */
export const journalEntrySchema = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('run-started'),
		at: z.string(),
		runId: z.string(),
		flow: z.enum(['restore', 'reconstruct', 'repair']),
		target: z.object({kind: z.enum(['lab', 'windows', 'remote']), description: z.string(), location: z.string()}),
		syncagnt: z.string(),
		backup: z.string().optional(),
		snapshot: z.string().optional(),
		/** The service's state when the run began: a rollback puts it back so. */
		serviceBefore: z.string(),
		servers: z.array(z.string()).optional(),
		/** Reconstruct: the servers whose bindery is restored from NET$*.OLD. */
		restoreBindery: z.array(z.string()).optional(),
		passwordPolicy: z.enum(['random', 'initial']).optional(),
		/** Reconstruct: each server's NetWare version where it is not 3.x (its steps and instructions depend on it). */
		netware: z.record(z.string(), z.enum(['2.x', '3.x', '4.x'])).optional(),
		/** Restore: on the PDC that ran DSMN ("same", KB Q148678; absent in older journals) or on a promoted BDC ("new", KB Q154761). */
		pdc: z.enum(['same', 'new']).optional(),
		/** Restore: "Synchronize all servers" (normal) or "Fully synchronize all servers" (full) at the end. */
		synchronize: z.enum(['normal', 'full']).optional(),
		/** Where the new passwords go: the path only, never a password. */
		passwordsFile: z.string().optional(),
		/** The dsmn-resync that began the run (`--version`), written by the journal itself; absent in journals of older versions. */
		program: z.object({version: z.string(), commit: z.string().nullable(), built: z.string().nullable()}).optional(),
	}),
	z.object({type: z.literal('passwords-file'), at: z.string(), path: z.string(), users: z.number()}),
	/** What a step is about to change, as confirmed by the admin; `folder` where the files go (a roll back's aside folder). */
	z.object({type: z.literal('step-plan'), at: z.string(), step: z.string(), files: z.array(z.string()), folder: z.string().optional()}),
	/** The backup's files as validated when the run began: the copy puts in place only these bytes. */
	z.object({
		type: z.literal('backup-validated'),
		at: z.string(),
		files: z.array(z.object({name: z.string(), size: z.number(), mtimeMs: z.number(), sha256: z.string()})),
	}),
	z.object({type: z.literal('step-started'), at: z.string(), step: z.string()}),
	/**
	 * A file a program outside the tool writes during a step (dsmpack's mssync.bkp), as it was when the step
	 * began: absent (no size), or its size and time. The step's check then tells the file it wrote from one left before.
	 */
	z.object({type: z.literal('file-before'), at: z.string(), step: z.string(), path: z.string(), size: z.number().optional(), mtimeMs: z.number().optional()}),
	/** `command`: the last command the step sent to the target, if it sent any (the resume screen shows it). */
	z.object({type: z.literal('step-finished'), at: z.string(), step: z.string(), summary: z.string(), command: z.string().optional()}),
	z.object({type: z.literal('step-failed'), at: z.string(), step: z.string(), message: z.string(), command: z.string().optional()}),
	/**
	 * Written before a rename; the rename's outcome is read back from the disk. An original moved aside
	 * carries its size and SHA-256 (one read just before): resume and roll back know it by its bytes.
	 */
	z.object({type: z.literal('move'), at: z.string(), from: z.string(), to: z.string(), size: z.number().optional(), sha256: z.string().optional()}),
	/** Written after the rename (and the folders flushed). */
	z.object({type: z.literal('moved'), at: z.string(), from: z.string(), to: z.string()}),
	z.object({type: z.literal('copied'), at: z.string(), name: z.string(), size: z.number(), sha256: z.string()}),
	z.object({type: z.literal('manual-step'), at: z.string(), step: z.string(), instructions: z.string(), command: z.string().optional()}),
	z.object({type: z.literal('interrupted'), at: z.string(), step: z.string().optional(), signal: z.string(), command: z.string().optional()}),
	/**
	 * The server's writer lock: "taking" before its folder is made, "taken" once it names this run, "broken"
	 * when a lock believed gone was broken on request (its holder and why), "released" when given up.
	 */
	z.object({
		type: z.literal('writer-lock'),
		at: z.string(),
		action: z.enum(['taking', 'taken', 'broken', 'released']),
		folder: z.string(),
		holder: z
			.object({
				machine: z.string(),
				user: z.string(),
				pid: z.number(),
				since: z.string(),
				refreshed: z.string(),
				runId: z.string(),
				journal: z.string(),
				what: z.string(),
			})
			.optional(),
		reason: z.string().optional(),
	}),
	z.object({type: z.literal('run-ended'), at: z.string(), outcome: z.enum(['completed', 'rolled-back', 'abandoned', 'nothing-changed'])}),
]);

export type JournalEntry = z.infer<typeof journalEntrySchema>;
export type RunStarted = Extract<JournalEntry, {type: 'run-started'}>;
export type ValidatedFile = Extract<JournalEntry, {type: 'backup-validated'}>['files'][number];
export type MoveEntry = Extract<JournalEntry, {type: 'move'}>;
