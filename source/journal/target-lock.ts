/**
 * One run per target at a time: an exclusive lock held for the whole run and released by the operating
 * system when the process ends, however it ends (a SIGKILL never leaves it stuck). It is a listening local
 * socket named after the target: on Linux in the abstract namespace (no file at all), on Windows a named
 * pipe; elsewhere a socket file beside the journals, whose stale copy (no one answers) is replaced. A second
 * process connects to it and reads who holds it. ARCHITECTURE.md, "The run and its journal".
 */
import {createHash} from 'node:crypto';
import {mkdir, rm} from 'node:fs/promises';
import {createConnection, createServer, type Server} from 'node:net';
import {join} from 'node:path';
import {HintedError} from '../errors/hinted-error.js';

export type LockHolder = {pid: number; since: string; what: string};

export class TargetBusyError extends HintedError {
	declare readonly hint: string;
	constructor(
		readonly holder: LockHolder | undefined,
		description: string,
	) {
		super(
			holder
				? `another dsmn-resync (process ${holder.pid}, since ${holder.since.slice(0, 19).replace('T', ' ')} UTC) is working on ${description}: ${holder.what}`
				: `another dsmn-resync is working on ${description}`,
			'wait for it to finish, or leave it at a safe point (q, or Ctrl+C) first; two runs on one database would undo each other. Nothing was changed.',
		);
	}
}

function lockAddress(key: string, journalDir: string, platform: NodeJS.Platform = process.platform): string {
	const hash = createHash('sha256').update(key).digest('hex').slice(0, 24);
	if (platform === 'win32') return `\\\\.\\pipe\\dsmn-resync-${hash}`;
	if (platform === 'linux') return `\0dsmn-resync-${hash}`;
	return join(journalDir, `.lock-${hash}.sock`);
}

function listen(server: Server, address: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(address, () => {
			server.off('error', reject);
			resolve();
		});
	});
}

/** Who holds the lock, or undefined when no one answers (its holder is gone). */
function askHolder(address: string): Promise<LockHolder | 'held' | undefined> {
	return new Promise(resolve => {
		const socket = createConnection(address);
		let text = '';
		const timer = setTimeout(() => {
			socket.destroy();
			resolve('held');
		}, 2000);
		socket.on('data', chunk => {
			text += String(chunk);
		});
		socket.on('end', () => {
			clearTimeout(timer);
			try {
				resolve(JSON.parse(text) as LockHolder);
			} catch {
				resolve('held');
			}
		});
		socket.on('error', () => {
			clearTimeout(timer);
			resolve(undefined);
		});
	});
}

export class TargetLock {
	private constructor(private readonly server: Server) {}

	/** Takes the lock of this target, or throws TargetBusyError naming the process that holds it. */
	static async acquire(key: string, journalDir: string, description: string, what: string): Promise<TargetLock> {
		const address = lockAddress(key, journalDir);
		// Where the lock is a socket file (neither Linux nor Windows), it lives beside the journals: make the folder first.
		if (address.startsWith(journalDir)) await mkdir(journalDir, {recursive: true});
		const holder: LockHolder = {pid: process.pid, since: new Date().toISOString(), what};
		for (let attempt = 0; ; attempt++) {
			const server = createServer(socket => socket.end(JSON.stringify(holder)));
			try {
				await listen(server, address);
				server.unref(); // the lock never keeps the process alive
				return new TargetLock(server);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt > 2) throw error;
			}
			const answer = await askHolder(address);
			if (answer !== undefined) throw new TargetBusyError(answer === 'held' ? undefined : answer, description);
			// A socket file whose holder is gone (only where sockets are files): replace it.
			if (!address.startsWith('\0') && !address.startsWith('\\\\.\\pipe\\')) await rm(address, {force: true});
		}
	}

	release(): Promise<void> {
		return new Promise(resolve => this.server.close(() => resolve()));
	}
}
