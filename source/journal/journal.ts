/**
 * The run journal (ARCHITECTURE.md, "The run and its journal"): one JSON-lines file per run, appended and flushed before and after
 * every step, so that a run cut off anywhere can be resumed or rolled back. A last line cut by a crash
 * is ignored; any other line that does not match the schema makes the journal refused, naming the line.
 */
import {mkdir, open, readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {BUILD_INFO} from '../build-info.js';
import {HintedError} from '../errors/hinted-error.js';
import {describeZodError} from '../text/zod-message.js';
import {syncFolder} from '../fs/atomic-write.js';
import {journalEntrySchema, type JournalEntry, type RunStarted} from './entries.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewEntry = DistributiveOmit<JournalEntry, 'at'>;

/** A journal that cannot be read or written as a journal (a line altered by hand, a run already ended): the admin can act on it. */
export class JournalError extends HintedError {
	constructor(
		message: string,
		hint = 'move that journal out of the journal folder to start afresh (its run is then forgotten), or put the line back as it was',
	) {
		super(message, hint);
	}
}

/**
 * A run's journal file. It holds no file open between entries: each entry is appended, flushed and the
 * file closed again, so a run that is left without an end (dropped after a resume, cut off by a failed
 * step) leaves no handle behind for the garbage collector to close.
 */
export class Journal {
	private ended = false;

	private constructor(
		readonly path: string,
		private readonly clock: () => Date,
	) {}

	static async create(dir: string, name: string, clock: () => Date = () => new Date()): Promise<Journal> {
		await mkdir(dir, {recursive: true});
		// Two runs in the same second (a retry right after a crash) get "-2", "-3"…: a journal is never reused.
		for (let n = 1; ; n++) {
			const path = join(dir, n === 1 ? name : name.replace(/\.jsonl$/, `-${n}.jsonl`));
			try {
				await (await open(path, 'wx', 0o600)).close();
				await syncFolder(dir);
				return new Journal(path, clock);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n > 100) throw error;
			}
		}
	}

	/** The journal of an unfinished run, to be continued; refused (as open refuses it) when it cannot be appended to. */
	static async reopen(path: string, clock: () => Date = () => new Date()): Promise<Journal> {
		await (await open(path, 'a', 0o600)).close();
		return new Journal(path, clock);
	}

	/** Appends one entry and flushes it to disk before returning. A run's first entry says which dsmn-resync wrote it. */
	async append(entry: NewEntry): Promise<void> {
		if (this.ended) throw new JournalError(`${this.path} is closed: its run has ended`, 'start a new run: this one is over');
		const stamped = entry.type === 'run-started' ? {...entry, program: entry.program ?? BUILD_INFO} : entry;
		const line = journalEntrySchema.parse({...stamped, at: this.clock().toISOString()});
		const handle = await open(this.path, 'a', 0o600);
		try {
			await handle.appendFile(`${JSON.stringify(line)}\n`);
			await handle.sync();
		} finally {
			await handle.close();
		}
	}

	/** No entry follows: the run has ended. */
	close(): Promise<void> {
		this.ended = true;
		return Promise.resolve();
	}
}

export function parseJournal(text: string, path: string): JournalEntry[] {
	// Every entry ends with a newline: whatever follows the last one was cut off by a crash.
	const complete = text.split('\n').slice(0, -1);
	const entries: JournalEntry[] = [];
	for (const [index, line] of complete.entries()) {
		if (line.trim() === '') continue;
		let json: unknown;
		try {
			json = JSON.parse(line);
		} catch {
			throw new JournalError(`${path} line ${index + 1} is not JSON: the journal was altered`);
		}
		const parsed = journalEntrySchema.safeParse(json);
		if (!parsed.success) throw new JournalError(`${path} line ${index + 1}: ${describeZodError(parsed.error)}`);
		entries.push(parsed.data);
	}
	return entries;
}

export async function readJournal(path: string): Promise<JournalEntry[]> {
	return parseJournal(await readFile(path, 'utf8'), path);
}

export type UnfinishedRun = {path: string; start: RunStarted; entries: JournalEntry[]};

/** Which target a run belongs to: its kind, where it is (a lab's folder, a host) and its SYNCAGNT. */
export type RunOwner = {kind: RunStarted['target']['kind']; location: string; syncagnt: string};

/** Hosts and Windows paths compare without case (and with either slash); a lab's folder exactly. */
function sameName(kind: RunOwner['kind'], a: string, b: string): boolean {
	if (kind === 'lab') return a === b;
	const fold = (s: string) => s.replace(/\\/g, '/').replace(/\/+$/, '').toUpperCase();
	return fold(a) === fold(b);
}

export function belongsTo(start: RunStarted, owner: RunOwner): boolean {
	return (
		start.target.kind === owner.kind && sameName(owner.kind, start.target.location, owner.location) && sameName(owner.kind, start.syncagnt, owner.syncagnt)
	);
}

/** Every run in `dir` that has no end (a crash, a closed session, Ctrl+C, a failed step), newest first. */
export async function findUnfinishedRuns(dir: string): Promise<UnfinishedRun[]> {
	let names: string[];
	try {
		names = (await readdir(dir))
			.filter(n => n.endsWith('.jsonl'))
			.sort()
			.reverse();
	} catch {
		return [];
	}
	const runs: UnfinishedRun[] = [];
	for (const name of names) {
		const path = join(dir, name);
		const entries = await readJournal(path);
		const start = entries[0];
		if (start?.type !== 'run-started') continue;
		if (!entries.some(e => e.type === 'run-ended')) runs.push({path, start, entries});
	}
	return runs;
}

/**
 * The newest unfinished run of this target. Journals of several real targets share one folder: a run
 * of another target is never returned (ARCHITECTURE.md, "The run and its journal").
 */
export async function findUnfinishedRun(dir: string, owner?: RunOwner): Promise<UnfinishedRun | undefined> {
	return (await findUnfinishedRuns(dir)).find(run => !owner || belongsTo(run.start, owner));
}

/** "NTPDC-20261124-221530.jsonl": one file per run, named by host and time. */
export function journalName(host: string, at: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	const stamp = `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}-${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
	return `${host.replace(/[^A-Za-z0-9_-]/g, '_')}-${stamp}.jsonl`;
}
