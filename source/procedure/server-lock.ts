/**
 * One writer per server, wherever the second one runs from: a folder made beside SYNCAGNT through the
 * run's own channel (the local disk, a mounted share, smbclient), holding who holds it and refreshed
 * while the run works. Making a folder fails when it exists, on NTFS and over SMB alike, so two processes
 * on two machines, with two state folders or two spellings of the host, cannot both take it. A lock whose
 * holder is believed gone is never broken silently: the refusal says why, and only an explicit request
 * (--break-lock, or the wizard's typed confirmation) breaks it. ARCHITECTURE.md, "The run and its journal".
 */
import {randomBytes} from 'node:crypto';
import {hostname, userInfo} from 'node:os';
import {HintedError} from '../errors/hinted-error.js';
import {readJournal} from '../journal/journal.js';
import type {DatabaseFolder} from '../targets/capabilities.js';

/** Who holds a server's writer lock, as written in its holder file. */
export type LockHolder = {
	machine: string;
	user: string;
	pid: number;
	/** When the lock was taken, and when its holder last said it still works (ISO times, the holder's clock). */
	since: string;
	refreshed: string;
	runId: string;
	/** The run's journal, on the holder's machine. */
	journal: string;
	what: string;
};

export type LockTimings = {refreshMs: number; staleMs: number};

/** Refreshed every 30 s; believed gone after 5 minutes without a refresh (DSMN_RESYNC_LOCK_STALE_SECONDS for tests). */
export function defaultLockTimings(env: NodeJS.ProcessEnv = process.env): LockTimings {
	const seconds = Number(env['DSMN_RESYNC_LOCK_STALE_SECONDS']);
	const staleMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 5 * 60_000;
	return {refreshMs: Math.min(30_000, Math.max(100, Math.floor(staleMs / 10))), staleMs};
}

const HOLDER_FILE = 'HOLDER.JSON';

/** The lock's folder: beside SYNCAGNT, named after it ("SYNCAGNT.dsmn-resync-lock"). */
export function lockFolder(database: DatabaseFolder): string {
	const name = database.syncagnt.split(/[\\/]/).filter(Boolean).pop() ?? 'SYNCAGNT';
	return database.files.join(database.snapshotParent, `${name}.dsmn-resync-lock`);
}

function utc(iso: string): string {
	return `${iso.slice(0, 19).replace('T', ' ')} UTC`;
}

function minutes(ms: number): string {
	const m = Math.floor(ms / 60_000);
	return m >= 1 ? `${m} minute${m === 1 ? '' : 's'}` : `${Math.max(1, Math.round(ms / 1000))} s`;
}

/** Why the server's writer lock was refused: who holds it, why the holder is believed gone (when it is), the lock's folder, what to do. */
export type ServerRefusal = {holder?: LockHolder; gone?: string; folder: string; message: string; advice: string};

/** Another run holds the server: nothing was changed. `gone` says why its holder is believed gone, when it is. */
export class ServerBusyError extends HintedError {
	declare readonly hint: string;
	constructor(
		readonly holder: LockHolder | undefined,
		readonly gone: string | undefined,
		readonly folder: string,
	) {
		const who = holder
			? `run ${holder.runId} of ${holder.user} on ${holder.machine} (process ${holder.pid}), since ${utc(holder.since)}, last refreshed ${utc(holder.refreshed)}: ${holder.what}`
			: `a dsmn-resync whose lock names no holder (${folder})`;
		super(
			`another dsmn-resync holds this server's writer lock: ${who}${gone ? `. It is believed gone: ${gone}` : ''}`,
			gone
				? `if that run is only unfinished, resume or roll it back where it ran${holder ? ` (${holder.machine}, journal ${holder.journal})` : ''}; if you are sure no one is working on this server, start dsmn-resync again with --break-lock. Nothing was changed.`
				: 'wait for it to finish, or ask whoever runs it to leave it at a safe point first; two runs on one database would undo each other. Nothing was changed.',
		);
	}

	get refusal(): ServerRefusal {
		return {
			...(this.holder ? {holder: this.holder} : {}),
			...(this.gone ? {gone: this.gone} : {}),
			folder: this.folder,
			message: this.message,
			advice: this.hint,
		};
	}
}

function processGone(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
}

function parseHolder(text: string | undefined): LockHolder | undefined {
	if (text === undefined) return undefined;
	try {
		const value = JSON.parse(text) as Partial<LockHolder>;
		return typeof value.runId === 'string' && typeof value.machine === 'string' && typeof value.refreshed === 'string' ? (value as LockHolder) : undefined;
	} catch {
		return undefined;
	}
}

/** Why the holder is believed gone, or undefined while it may still work. */
async function whyGone(holder: LockHolder, timings: LockTimings, now: number): Promise<string | undefined> {
	if (holder.machine === hostname()) {
		if (holder.pid !== process.pid && processGone(holder.pid)) return `its process ${holder.pid} on this machine is no longer running`;
		const entries = await readJournal(holder.journal).catch(() => undefined);
		const ended = entries?.find(e => e.type === 'run-ended');
		if (ended?.type === 'run-ended') return `its run ended (${ended.outcome}) in its journal ${holder.journal}`;
	}
	const silent = now - Date.parse(holder.refreshed);
	if (silent > timings.staleMs)
		return `no refresh for ${minutes(silent)} by this machine's clock (a working run refreshes it every ${Math.round(timings.refreshMs / 1000)} s)`;
	return undefined;
}

export type Claim = {
	runId: string;
	journal: string;
	what: string;
	/** This run was taking the lock when it was cut off (its journal says so). */ wasTaking?: boolean;
};
export type Acquired = {lock: ServerLock; broke?: {holder?: LockHolder; reason: string}};

export class ServerLock {
	private timer: NodeJS.Timeout | undefined;
	private refreshing = false;
	/** Someone broke this lock (its holder file names another run): the run stops before its next change. */
	lostTo: LockHolder | undefined;

	private constructor(
		private readonly database: DatabaseFolder,
		private holder: LockHolder,
	) {}

	get folder(): string {
		return lockFolder(this.database);
	}

	/**
	 * Takes the server's writer lock for this run, or throws ServerBusyError naming who holds it. A lock
	 * left by this same run (same run id and journal, on this machine: after a crash, a closed session) is
	 * this run's own and is taken back; two live processes on one journal are kept apart by the local lock
	 * (`journal/target-lock.ts`), which every front end takes first. Any other holder is refused, and
	 * broken only when `breakIfGone` and it is believed gone.
	 */
	static async acquire(
		database: DatabaseFolder,
		claim: Claim,
		options: {breakIfGone?: boolean; timings?: LockTimings; now?: () => Date} = {},
	): Promise<Acquired> {
		const {files} = database;
		const timings = options.timings ?? defaultLockTimings();
		const now = options.now ?? (() => new Date());
		const folder = lockFolder(database);
		const holderFile = files.join(folder, HOLDER_FILE);
		const at = now().toISOString();
		const mine: LockHolder = {
			machine: hostname(),
			user: userInfo().username,
			pid: process.pid,
			since: at,
			refreshed: at,
			runId: claim.runId,
			journal: claim.journal,
			what: claim.what,
		};
		let broke: Acquired['broke'];
		for (let attempt = 0; attempt < 3; attempt++) {
			try {
				await files.createFolder(folder);
				await files.writeText(holderFile, JSON.stringify(mine));
				return {lock: ServerLock.holding(database, mine, timings), ...(broke ? {broke} : {})};
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			}
			const holder = parseHolder(await files.readText(holderFile));
			const ownLeftover = holder
				? holder.runId === claim.runId && holder.journal === claim.journal && holder.machine === mine.machine
				: claim.wasTaking === true;
			if (ownLeftover) {
				const taken = {...mine, since: holder?.since ?? at};
				// The holder file already names this run: rewriting it (this process's id) may fail on a full disk, which must not block a roll back.
				await files.writeText(holderFile, JSON.stringify(taken)).catch(() => {});
				return {lock: ServerLock.holding(database, taken, timings)};
			}
			let gone: string | undefined;
			if (holder) gone = await whyGone(holder, timings, now().getTime());
			else {
				const made = await files.stat(folder);
				const age = made ? now().getTime() - made.mtimeMs : 0;
				if (age > timings.staleMs) gone = `it names no holder and was made ${minutes(age)} ago: its maker stopped before writing its name`;
			}
			if (!gone || !options.breakIfGone) throw new ServerBusyError(holder, gone, folder);
			// Broken on request only: the stale folder is renamed away first (one rename: two breakers cannot both win), then removed.
			const aside = `${folder}.broken-${randomBytes(4).toString('hex')}`;
			await files.rename(folder, aside);
			await files.remove(files.join(aside, HOLDER_FILE));
			await files.removeFolder(aside);
			broke = {...(holder ? {holder} : {}), reason: gone};
		}
		throw new ServerBusyError(undefined, undefined, folder);
	}

	private static holding(database: DatabaseFolder, holder: LockHolder, timings: LockTimings): ServerLock {
		const lock = new ServerLock(database, holder);
		lock.timer = setInterval(() => void lock.refresh(), timings.refreshMs);
		lock.timer.unref(); // the lock never keeps the process alive
		return lock;
	}

	/** Says the holder still works; finds out when someone broke the lock meanwhile. A failed refresh is tried again at the next tick. */
	async refresh(): Promise<void> {
		if (this.refreshing || this.lostTo) return;
		this.refreshing = true;
		try {
			const {files} = this.database;
			const path = files.join(this.folder, HOLDER_FILE);
			const found = parseHolder(await files.readText(path));
			if (found && (found.runId !== this.holder.runId || found.journal !== this.holder.journal)) {
				this.lostTo = found;
				return;
			}
			this.holder = {...this.holder, refreshed: new Date().toISOString()};
			await files.writeText(path, JSON.stringify(this.holder));
		} catch {
			// The server did not answer: the next tick tries again, and the run's own next operation says what is wrong.
		} finally {
			this.refreshing = false;
		}
	}

	/** Gives the lock up (the run or its roll back ended): only when the holder file still names this run. */
	async release(): Promise<void> {
		clearInterval(this.timer);
		const {files} = this.database;
		const path = files.join(this.folder, HOLDER_FILE);
		const found = parseHolder(await files.readText(path));
		if (found && (found.runId !== this.holder.runId || found.journal !== this.holder.journal)) return;
		await files.remove(path);
		await files.removeFolder(this.folder);
	}

	/** Stops refreshing without giving the lock up (the process leaves an unfinished run: the same run takes it back). */
	stop(): void {
		clearInterval(this.timer);
	}
}
