/**
 * Everything dsmn-resync reports on standard output, as one discriminated union (ARCHITECTURE.md, "Events
 * and --json"): the events of a scripted run, of `check`, of `lab status` and `lab sync`, and the end of a
 * command that failed. Each front end renders these: `scripted/render-text.ts` as text lines,
 * `app/json-line.ts` as JSON lines (each with "at"); `npm run schema` writes the published JSON Schema from
 * this union (schema/dsmn-resync-events.schema.json), and a test fails when the committed file differs.
 * Only types are imported from here by the program, so zod is loaded by none of its commands.
 */
import {z} from 'zod';

const text = z.string();
const count = z.number().int().min(0);
const serviceState = z.enum(['STOPPED', 'START_PENDING', 'STOP_PENDING', 'RUNNING', 'CONTINUE_PENDING', 'PAUSE_PENDING', 'PAUSED']);
const event = <const Name extends string, Shape extends z.ZodRawShape>(name: Name, shape: Shape, description?: string) => {
	const schema = z.strictObject({event: z.literal(name), ...shape});
	return description ? schema.meta({description}) : schema;
};

/** What a run that stays in its journal says of where it is (app/stop-run.ts): its `stopped` and `interrupted`. */
const stayed = {
	servers: z
		.array(text)
		.optional()
		.meta({description: 'Each server the run changed that waits for the resume (a reconstruct): how it stands now and what to do, in words.'}),
	kept: z.array(text).optional().meta({description: 'Where the run kept things (the files moved aside, the passwords file, the journal), in words.'}),
	service: text.optional().meta({description: 'MSSYNC when it is not as the run found it (a restore stopped it: DSMN is down), and how to bring it back.'}),
};

export const EVENTS = [
	event('usage-error', {message: text, hint: text.optional()}, 'The command line was refused (exit status 2): nothing was changed.'),
	event(
		'fatal',
		{message: text, report: text.optional().meta({description: "The file in the state folder that holds the defect's details (its stack)."})},
		'A defect of dsmn-resync stopped the program (exit status 1): its details are in the file named by "report", if it could be written; the journal, if any, still allows --resume or --rollback.',
	),
	event(
		'failed',
		{message: text, hint: text.optional(), exit: z.number().int()},
		'A known failure ended the command (a journal altered by hand, a backup that changed while it was bound, a service that would not stop): what happened, what to do next, and the exit status. A journal, if any, says what was done.',
	),
	event('command', {command: text}, 'A command the tool runs (net, sc, smbclient…), shown as it starts; never with a password.'),
	event('stopping', {signal: text}, 'A signal arrived: the run stops at the next safe point.'),
	event(
		'found-run',
		{
			journal: text,
			flow: z.enum(['restore', 'reconstruct', 'repair']),
			state: z.enum(['interrupted', 'failed', 'awaiting-manual', 'unfinished']).meta({
				description: 'How the run was left: cut off (a signal, a crash, the admin left), a step failed, a step waits for the admin, or none of these recorded.',
			}),
			started: text.meta({description: 'When the run began.', format: 'date-time'}),
			backup: text.optional().meta({description: 'A restore run: the backup folder it restores.'}),
			during: text.nullable().meta({description: 'The step that was under way when it stopped, if any.'}),
			next: text.nullable().meta({description: 'The step to do next, or null if every step had finished.'}),
			step: text.optional().meta({description: 'State failed or awaiting-manual: the step that failed, or that waits for the admin.'}),
			message: text.optional().meta({description: 'State failed: why the step failed, as journaled.'}),
			title: text.optional().meta({description: 'The title of the step the state is about (failed, waiting, or under way when cut off).'}),
			nextTitle: text.optional().meta({description: 'The title of the step to do next.'}),
		},
		'--resume or --rollback found an unfinished run in the journal.',
	),
	event(
		'refused',
		{
			reason: z.enum(['busy', 'preflight', 'invalid backup', 'bdc', 'allow4x', 'supervisor']).meta({
				description:
					'busy: another process holds the target; preflight: a check failed; invalid backup: the backup set is not valid; bdc: the server reports itself as a BDC; allow4x: a NetWare 4.x server is to be reconstructed and the target reports Allow4X not set on the PDC; supervisor: --supervisor no, the admin has no Supervisor login on some server to reconstruct.',
			}),
			message: text.optional(),
			hint: text.optional().meta({description: 'reason "busy": what to do.'}),
			advice: text.optional().meta({description: 'reasons "bdc", "allow4x" and "supervisor": what to do.'}),
			holder: z
				.strictObject({pid: z.number().int(), since: text.meta({format: 'date-time'}), what: text})
				.optional()
				.meta({description: 'reason "busy": the process that holds the target.'}),
		},
		'The run did not begin: nothing was changed.',
	),
	event(
		'server-locked',
		{
			message: text.meta({description: 'Who holds the lock, since when, and why it is believed gone when it is.'}),
			advice: text.meta({
				description: "What to do: wait, or resume or roll back the holder's run where it ran, or --break-lock when no one works on the server.",
			}),
			holder: z
				.strictObject({
					machine: text,
					user: text,
					pid: z.number().int(),
					since: text.meta({format: 'date-time'}),
					refreshed: text.meta({format: 'date-time'}),
					runId: text,
					journal: text.meta({description: "The holder's journal, on the holder's machine."}),
					what: text,
				})
				.nullable()
				.meta({description: "The lock's holder file (null when the lock names no holder)."}),
			gone: text.nullable().meta({
				description:
					'Why the holder is believed gone (its process ended, its run ended in its journal, or no refresh for a stated time); null while it may still work.',
			}),
			lockFolder: text.meta({description: "The lock's folder beside SYNCAGNT."}),
			journal: text.meta({description: "This run's journal."}),
		},
		"The server's writer lock is held by another dsmn-resync (another machine, state folder or spelling of the host): this run changed nothing and exits with status 1. Printed before any step line; a new run refused so is closed as nothing-changed.",
	),
	event('journal', {path: text}, 'A run began; its journal is here.'),
	event(
		'check',
		{
			name: text,
			ok: z.boolean(),
			detail: text,
			fix: text.optional(),
			state: serviceState.optional(),
			warning: z.boolean().optional().meta({description: 'Not a refusal: something to acknowledge (unknown free space on a share, say).'}),
		},
		'One pre-flight check of the target.',
	),
	event('warning', {
		message: text,
		repair: z.literal('dsmpack').optional().meta({description: 'The warning offers this repair instead of the restore asked for (--repair dsmpack).'}),
	}),
	event('error', {message: text}),
	event('validated', {folder: text, warnings: count}, 'The backup set is valid; warnings were acknowledged by --yes.'),
	event('step-started', {step: text, title: text, index: z.number().int().min(1), total: count}, 'A step begins: the index-th of total.'),
	event(
		'progress',
		{
			label: text.optional(),
			server: text.optional(),
			file: text.optional().meta({description: 'The copy: the file being copied (done and total are then the bytes of every file).'}),
			fileDone: count.optional(),
			fileTotal: count.optional(),
			done: count,
			total: count.optional(),
		},
		"At most one a second: a count (files, users), the bytes copied, or a server's accounts propagated so far.",
	),
	event('service-state', {state: serviceState}, 'At most one a second: the state MSSYNC reports while a step waits for it to stop or start.'),
	event(
		'sync-plan',
		{servers: z.array(z.strictObject({name: text, total: count}))},
		'Synchronize all servers begins: the servers it sends the accounts to, each with its count.',
	),
	event('server-started', {server: text}, 'Synchronization of this server began.'),
	event('server-finished', {server: text, done: count}),
	event('server-failed', {server: text, reason: text, advice: text.optional()}),
	event('step-finished', {step: text, title: text, summary: text}),
	event('step-failed', {step: text, title: text, message: text, advice: text}),
	event(
		'manual-step',
		{step: text, title: text, instructions: z.array(text)},
		'A person must do this step (exit status 3 follows); run again with --resume once it is done.',
	),
	event(
		'instruction',
		{text, step: text.optional().meta({description: 'The manual step this line is an instruction of; none: a check to make after the run.'})},
		'One line of what to do: of a manual step, or a check after the run (DSMDUMP, DSMCHK, Event 8005).',
	),
	event('waiting', {journal: text}, 'The last line of a run stopped at a manual step (exit status 3).'),
	event(
		'interrupted',
		{
			before: text.optional().meta({description: 'Stopped between steps: the step not begun.'}),
			step: text.optional().meta({description: 'Stopped within a step, at its safe point.'}),
			title: text.optional().meta({description: 'The title of that step.'}),
			message: text.optional().meta({description: 'Stopped within a step: what the step says of where it stopped.'}),
			journal: text.optional(),
			rollback: z.boolean().optional().meta({description: 'Whether --rollback can undo the run.'}),
			resume: z.literal(false).optional().meta({description: 'Present when the run cannot be resumed (a roll back of it began): only --rollback finishes it.'}),
			...stayed,
		},
		'The last line of a run stopped by a signal at a safe point (exit status 130); --resume continues it (--rollback when a roll back of it began).',
	),
	event(
		'stopped',
		{
			journal: text,
			step: text.optional(),
			rollback: z.boolean().optional().meta({description: 'Whether --rollback can undo the run.'}),
			resume: z.literal(false).optional().meta({description: 'Present when the run cannot be resumed (a roll back of it began): only --rollback finishes it.'}),
			...stayed,
		},
		'The last line of a run whose step failed (exit status 1); the run stays in the journal for --resume (or --rollback).',
	),
	event(
		'completed',
		{
			journal: text,
			kept: z.array(text).optional().meta({description: 'Where the run kept things (the replaced files, the passwords file, the journal), in words.'}),
			result: z
				.discriminatedUnion('flow', [
					z.strictObject({
						flow: z.literal('restore'),
						backup: text.meta({description: 'The backup folder restored from.'}),
						syncagnt: text.meta({description: 'Where it was restored (SYNCAGNT, or the folder a restore onto a new PDC fills).'}),
						synchronize: z.enum(['normal', 'full']).optional().meta({description: 'The synchronize the run was begun with.'}),
					}),
					z.strictObject({flow: z.literal('reconstruct'), servers: z.array(text).meta({description: 'The servers reconstructed.'})}),
					z.strictObject({flow: z.literal('repair'), syncagnt: text.meta({description: 'Where dsmpack /r repaired MSSYNC.MDB.'})}),
				])
				.optional()
				.meta({description: "What the run did, as the wizard's summary says it."}),
			red: z.array(text).optional().meta({
				description:
					"The practice lab only: the servers that still show a red X (empty: every server shows a blue check). A real server's marks are not seen by the tool.",
			}),
			outOfStep: z
				.strictObject({
					because: z.enum(['event-8005', 'backup-age']).meta({
						description:
							"event-8005: MSSYNC logged Event 8005 since the run began (the practice lab's Application log): the servers are out of step. backup-age: the backup is older than the change log is trusted to reach and the run chose the plain synchronize (a real server's log is not read by the tool).",
					}),
					at: text.optional().meta({description: 'event-8005: when MSSYNC logged it.'}),
					age: text.optional().meta({description: "backup-age: the backup's age, in words."}),
					lines: z.array(text).meta({description: 'What was found and what to do next, as the text says it.'}),
				})
				.optional()
				.meta({
					description:
						'A restore ended by "Synchronize all servers" whose servers are out of step (Event 8005 seen) or not known to be in step: a full synchronize is the next step.',
				}),
		},
		'The last line of a run that finished every step: exit status 0, or 1 when servers still show a red X or Event 8005 was seen (outOfStep.because "event-8005").',
	),
	event(
		'rolled-back',
		{ok: z.boolean(), journal: text, kept: z.array(text).optional()},
		'The last line of --rollback: ok true (exit status 0) when SYNCAGNT and MSSYNC are as they were before the run.',
	),
	event(
		'sync-finished',
		{synchronized: z.array(text), failed: z.array(text)},
		'The last line of lab sync: which servers now show a blue check; exit status 1 if any failed.',
	),
	event(
		'validation-report',
		{
			folder: text,
			valid: z.boolean(),
			taken: text.optional(),
			pagesVerified: count.optional(),
			/** JET 200-format databases whose verdict depends on the server's NT version, which was not given (--nt 3.51|4.0). */
			needsNt: z.array(text).optional(),
			errors: z.array(text),
			warnings: z.array(text),
			files: z.array(
				z.strictObject({
					name: text,
					size: count,
					mtime: text,
					kind: z.enum(['database', 'log', 'checkpoint', 'reserve-log', 'patch', 'other']),
					status: z.enum(['ok', 'warning', 'error']),
					messages: z.array(text),
					restored: z.boolean(),
				}),
			),
		},
		'check --json: the one line, the verdict on a backup set.',
	),
	event(
		'lab-status',
		{
			lab: text,
			seed: z.number().int(),
			pace: z.number().int(),
			accounts: z.number().int(),
			service: z.strictObject({name: z.literal('MSSYNC'), state: serviceState, lastError: text.optional(), refusedAt: text.optional()}),
			database: z.strictObject({present: z.boolean(), readable: z.boolean()}),
			backup: z.boolean(),
			servers: z.array(
				z.strictObject({
					name: text,
					synchronized: z.boolean(),
					syncAgent: z.boolean(),
					managed: z.boolean(),
					users: count,
					online: z.boolean(),
					problem: text.optional(),
					staleAccounts: z.array(text).optional().meta({
						description:
							"Accounts whose NetWare copy on this server differs from the domain's: changed since the backup and not yet sent (lab create --backup-age).",
					}),
				}),
			),
			events: z
				.array(z.strictObject({id: z.number().int(), source: text, type: text, at: text, text}))
				.optional()
				.meta({description: 'The Application log entries MSSYNC wrote, oldest first (e.g. Event 8005).'}),
			fault: z
				.enum(['stop-refused', 'stop-hangs', 'start-refused', 'access-denied', 'gateway-stopped', 'stop-says-2184'])
				.optional()
				.meta({description: 'A fault staged with `lab fault`, while it is active.'}),
		},
		"lab status --json: the one line, what Synchronization Manager and the lab's NetWare servers would show.",
	),
	event(
		'closed',
		{reason: z.literal('nothing-changed'), journal: text, step: text.optional()},
		'The last line of a run whose step failed before anything changed: the run is closed as such (exit status 1) and never blocks the next one.',
	),
	event(
		'other-run',
		{
			journal: text,
			target: z.strictObject({kind: z.enum(['lab', 'windows', 'remote']), description: text, location: text}),
			syncagnt: text,
			flow: z.enum(['restore', 'reconstruct', 'repair']),
			resume: text.meta({description: 'The command that resumes it (shown, never run).'}),
			rollback: text.optional().meta({description: 'A restore: the command that rolls it back.'}),
		},
		'An unfinished run of another target that shares this journal folder: named, never touched.',
	),
] as const;

export const Event = z.discriminatedUnion('event', EVENTS);
/** One thing dsmn-resync reports: what both renderers (text, JSON lines) take. */
export type Event = z.infer<typeof Event>;
export type EventName = Event['event'];
/** What a run reports (a scripted run, and the wizard's run driver): the union less the lines of other commands and of a command's end. */
export type RunEvent = Exclude<Event, {event: 'usage-error' | 'fatal' | 'failed' | 'validation-report' | 'lab-status' | 'sync-finished'}>;
/** What a step reports while it runs and as it ends: what both front ends render (the scripted text and JSON lines, the wizard's running screen). */
export type StepEvent = Extract<
	RunEvent,
	{
		event:
			| 'step-started'
			| 'command'
			| 'progress'
			| 'service-state'
			| 'sync-plan'
			| 'server-started'
			| 'server-finished'
			| 'server-failed'
			| 'step-finished'
			| 'step-failed';
	}
>;
