/**
 * SYNCAGNT on a server's ADMIN$ share, reached through Samba's smbclient: no mount, no root on this
 * machine. Paths are written //HOST/ADMIN$/SYSTEM32/SYNCAGNT/NAME. Each operation is a few smbclient calls
 * (arguments as an array, never a shell; the password only in the -A file; SMB1 allowed for the call),
 * its command given with -c, every name quoted for smbclient's own parser — and a name that parser
 * cannot carry safely (a quote, a ";", a wildcard, a control character) is refused, never sent.
 */
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {basename, join} from 'node:path';
import {CopyVerifyError, SourceChangedError, temporaryName} from '../../fs/copy-verified.js';
import type {CopyInOptions, DatabaseFiles, FileDigest, FileFacts} from '../capabilities.js';
import type {CommandOutput} from '../../services/parse-service-output.js';
import {CommandNotFoundError, runCommand, type CommandSpec} from '../run-command.js';
import {HintedError} from '../../errors/hinted-error.js';
import {adviceOf, errnoOf} from '../../advice/causes.js';
import {causeOfSmbclient} from '../../advice/parse-cause.js';
import {safeText} from '../../text/sanitize.js';
import {connectionArgs, type SambaConnection} from './samba-connection.js';
import {copyHashing} from './local-hashing.js';
import {readHashing} from './smb-stream.js';
import {parseDu, parseLs, type LsEntry} from './smb-listing.js';
import {PRIVATE_PREFIX, removeDeadPrivateFolders} from './private-folders.js';

export {parseDu, parseLs} from './smb-listing.js';
export {removeDeadPrivateFolders} from './private-folders.js';

/** What smbclient said went wrong, as an error the run can explain (`code` like node:fs's, `hint` what to do). */
class SmbError extends HintedError {
	declare readonly hint: string;
	constructor(
		message: string,
		readonly code: string,
		hint: string,
		readonly status?: string,
	) {
		super(message, hint);
	}
}

const NOT_THERE = new Set(['NT_STATUS_NO_SUCH_FILE', 'NT_STATUS_OBJECT_NAME_NOT_FOUND', 'NT_STATUS_OBJECT_PATH_NOT_FOUND', 'NT_STATUS_NOT_FOUND']);

/** The characters smbclient's -c parser cannot carry inside a quoted name, and those a share path cannot hold. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /["\\;*?<>|:\u0000-\u001f\u007f]/;

export class SmbFiles implements DatabaseFiles {
	readonly verification = 'read back from the server over SMB and compared by SHA-256 (the server may answer from its cache)';
	/** //HOST/ADMIN$ */
	readonly root: string;
	readonly access: string;
	private cleaned = false;
	/** An smbclient call of this run has succeeded: the client settings work, so a later disconnect is a lost connection. */
	private answered = false;

	constructor(
		private readonly smbclient: CommandSpec,
		private readonly connection: SambaConnection,
		private readonly timeoutMs = 90_000,
	) {
		this.root = `//${connection.host}/ADMIN$`;
		this.access = `through smbclient on ${this.root}, no mount`;
	}

	join(folder: string, name: string): string {
		return name === '' ? `${folder.replace(/\/+$/, '')}/` : `${folder.replace(/\/+$/, '')}/${name}`;
	}

	/** The path inside the share, each name checked: "SYSTEM32/SYNCAGNT/MSSYNC.MDB". */
	private inShare(path: string): string {
		if (path !== this.root && !path.startsWith(`${this.root}/`)) throw new Error(`${path} is not on ${this.root}`);
		const names = path.slice(this.root.length).split('/').filter(Boolean);
		for (const name of names) {
			if (UNSAFE.test(name) || name.trim() !== name || name === '.' || name === '..') {
				throw new SmbError(
					`the name "${safeText(name)}" cannot be given to smbclient safely: it was not touched`,
					'EINVAL',
					'rename it on the server (without " ; * ? \\ or control characters), then retry',
				);
			}
		}
		return names.join('/');
	}

	/** A local path of ours (a private temporary folder) in an smbclient command. */
	private local(path: string): string {
		// eslint-disable-next-line no-control-regex -- a path holding control characters cannot be quoted for smbclient
		if (/["';\u0000-\u001f]/.test(path))
			throw new Error(`the temporary folder ${safeText(path)} cannot be given to smbclient safely: set TMPDIR to a plain folder`);
		return `"${path}"`;
	}

	private async smb(command: string, options: {signal?: AbortSignal; timeoutMs?: number} = {}): Promise<CommandOutput> {
		const args = [`${this.root}`, ...connectionArgs(this.connection), '-c', command];
		try {
			const output = await runCommand(this.smbclient, args, {
				timeoutMs: options.timeoutMs ?? this.timeoutMs,
				...(options.signal ? {signal: options.signal} : {}),
			});
			if (output.exitCode === 0) this.answered = true;
			return output;
		} catch (error) {
			if (error instanceof CommandNotFoundError && error.timedOut) {
				throw new SmbError(
					`smbclient did not finish within ${Math.round((options.timeoutMs ?? this.timeoutMs) / 1000)} s (${command.split(' ')[0]})`,
					'ETIMEDOUT',
					`check that ${this.connection.host} is on and reachable; on a slow link set DSMN_RESYNC_SERVICE_TIMEOUT to more seconds`,
				);
			}
			throw error;
		}
	}

	/** The NT_STATUS smbclient printed, if any (some failures, like mkdir's, exit 0). */
	private status(output: CommandOutput): string | undefined {
		return /NT_STATUS_\w+/.exec(`${output.stdout}\n${output.stderr}`)?.[0];
	}

	/** smbclient's failure as an error: its own words, what it means, what to do. */
	private failure(what: string, output: CommandOutput): SmbError {
		const status = this.status(output);
		const said = safeText(
			`${output.stdout}\n${output.stderr}`
				.split(/\r?\n/)
				.map(l => l.trim())
				.filter(Boolean)
				.join(' / '),
		).slice(0, 400);
		const host = this.connection.host;
		// The one table of causes (advice/causes.ts): a sharing violation, a dropped connection, a read-only share, a wrong password…
		const cause = causeOfSmbclient(`${output.stdout}\n${output.stderr}`, {answeredBefore: this.answered});
		const [code, hint] = cause
			? [errnoOf(cause), adviceOf(cause, {host, account: this.connection.account})]
			: ['EIO', 'read what smbclient said; fix that, then retry, or roll back'];
		return new SmbError(`${what} on ${host} failed: smbclient said "${said}" (exit code ${output.exitCode})`, code, hint, status);
	}

	private async lsEntries(pattern: string): Promise<LsEntry[] | undefined> {
		const output = await this.smb(`ls "${pattern}"`);
		const status = this.status(output);
		if (status && NOT_THERE.has(status)) return undefined;
		if (status || output.exitCode !== 0) throw this.failure(`listing ${pattern}`, output);
		return parseLs(output.stdout);
	}

	async list(folder: string): Promise<string[]> {
		const inShare = this.inShare(folder);
		const entries = await this.lsEntries(inShare === '' ? '*' : `${inShare}/*`);
		if (!entries) throw new SmbError(`${folder} does not exist`, 'ENOENT', `look on ${this.connection.host}: is DSMN installed there?`);
		return entries.map(e => e.name);
	}

	async stat(path: string): Promise<FileFacts | undefined> {
		const inShare = this.inShare(path);
		if (inShare === '') return {size: 0, mtimeMs: 0};
		const entries = await this.lsEntries(inShare);
		const name = basename(inShare).toUpperCase();
		const entry = entries?.find(e => e.name.toUpperCase() === name);
		return entry ? {size: entry.size, mtimeMs: entry.mtimeMs} : undefined;
	}

	async mkdir(folder: string): Promise<void> {
		if (await this.stat(folder)) return;
		const names = this.inShare(folder).split('/');
		const commands = names.map((_, i) => `mkdir "${names.slice(0, i + 1).join('/')}"`);
		// smbclient's mkdir exits 0 even when it fails: whether the folder is there now is what counts.
		const output = await this.smb(commands.join('; '));
		if (!(await this.stat(folder))) throw this.failure(`making ${folder}`, output);
	}

	async createFolder(folder: string): Promise<void> {
		// One SMB create of a directory: the server refuses it when the name is taken (smbclient exits 0 either way).
		const output = await this.smb(`mkdir "${this.inShare(folder)}"`);
		const status = this.status(output);
		if (status === 'NT_STATUS_OBJECT_NAME_COLLISION') throw new SmbError(`${folder} already exists`, 'EEXIST', 'look on the server, then retry', status);
		if (status || output.exitCode !== 0) throw this.failure(`making ${folder}`, output);
	}

	async removeFolder(folder: string): Promise<void> {
		const output = await this.smb(`rmdir "${this.inShare(folder)}"`);
		const status = this.status(output);
		if (status && NOT_THERE.has(status)) return;
		if (status || output.exitCode !== 0) throw this.failure(`removing the folder ${folder}`, output);
	}

	async writeText(path: string, text: string): Promise<void> {
		const inShare = this.inShare(path);
		await this.withPrivateFolder(async folder => {
			const local = join(folder, 'text');
			await writeFile(local, text, {mode: 0o600});
			const output = await this.smb(`put ${this.local(local)} "${inShare}"`);
			if (this.status(output) || output.exitCode !== 0) throw this.failure(`writing ${path}`, output);
		});
	}

	async readText(path: string): Promise<string | undefined> {
		const inShare = this.inShare(path);
		return this.withPrivateFolder(async folder => {
			const local = join(folder, 'text');
			const output = await this.smb(`get "${inShare}" ${this.local(local)}`);
			const status = this.status(output);
			if (status && NOT_THERE.has(status)) return undefined;
			if (status || output.exitCode !== 0) throw this.failure(`reading ${path}`, output);
			return readFile(local, 'utf8');
		});
	}

	async rename(from: string, to: string): Promise<void> {
		const source = this.inShare(from);
		const destination = this.inShare(to);
		if (await this.stat(to)) throw new SmbError(`${to} already exists: refusing to replace it`, 'EEXIST', 'look on the server, then retry');
		// An SMB1 rename never replaces: a name taken meanwhile fails with NT_STATUS_OBJECT_NAME_COLLISION.
		const output = await this.smb(`rename "${source}" "${destination}"`);
		if (this.status(output) || output.exitCode !== 0) throw this.failure(`renaming ${from} to ${to}`, output);
	}

	async remove(path: string): Promise<void> {
		const output = await this.smb(`del "${this.inShare(path)}"`);
		const status = this.status(output);
		if (status && NOT_THERE.has(status)) return;
		if (status || output.exitCode !== 0) throw this.failure(`removing ${path}`, output);
	}

	/** A private folder of ours for the bytes going to and coming from the server, removed after; named with this process's id. */
	private async withPrivateFolder<T>(work: (folder: string) => Promise<T>): Promise<T> {
		if (!this.cleaned) {
			this.cleaned = true;
			await removeDeadPrivateFolders(tmpdir());
		}
		const folder = await mkdtemp(join(tmpdir(), `${PRIVATE_PREFIX}${process.pid}-`));
		try {
			return await work(folder);
		} finally {
			await rm(folder, {recursive: true, force: true});
		}
	}

	/** Time for a transfer: the base timeout, plus a second for each 64 KiB (a slow WAN link). */
	private transferTimeout(bytes: number): number {
		return this.timeoutMs + Math.ceil(bytes / 65_536) * 1000;
	}

	/**
	 * The SHA-256 of a file on the share, streamed from smbclient (smb-stream.ts): one smbclient call, the
	 * whole file as smbclient announced it (and of `size` bytes when the caller knows), or a failure that
	 * says how much came and why it stopped. A server that sends nothing for the base timeout is given up on.
	 */
	private async readDigest(path: string, size: number | undefined, signal?: AbortSignal, onChunk?: (chunk: Uint8Array) => void): Promise<FileDigest> {
		const inShare = this.inShare(path);
		const read = await readHashing(this.smbclient, [this.root, ...connectionArgs(this.connection), '-E', '-c', `get "${inShare}" -`], {
			idleMs: this.timeoutMs,
			signal,
			onChunk,
		});
		const expected = size ?? read.announced;
		const of = expected === undefined ? '' : ` of ${expected}`;
		if (read.timedOut) {
			throw new SmbError(
				`smbclient stopped sending ${path} for ${Math.round(this.timeoutMs / 1000)} s (${read.digest.size}${of} bytes came)`,
				'ETIMEDOUT',
				`check that ${this.connection.host} is on and reachable; on a slow link set DSMN_RESYNC_SERVICE_TIMEOUT to more seconds`,
			);
		}
		const said = read.digest.size < 4096 && /NT_STATUS_/.test(read.stdoutStart) ? read.stdoutStart : '';
		if (read.signal) {
			// Ended by a signal, not by its own error: SIGPIPE when the server's side of the connection went away while it wrote.
			const words = safeText(read.stderr.trim()).slice(0, 400);
			throw new SmbError(
				`reading ${path} on ${this.connection.host} failed: ${read.digest.size}${of} bytes came, then smbclient was ended by ${read.signal}${words ? ` (it said "${words}")` : ''}`,
				'ECONNABORTED',
				adviceOf('connection-lost'),
			);
		}
		if (read.exitCode !== 0) {
			const came = read.digest.size > 0 ? ` (${read.digest.size}${of} bytes came)` : '';
			throw this.failure(`reading ${path}${came}`, {exitCode: read.exitCode ?? -1, stdout: said, stderr: read.stderr});
		}
		if (read.complete) this.answered = true;
		if (!read.complete || read.digest.size !== expected) {
			throw new SmbError(
				`reading ${path} on ${this.connection.host} gave ${read.digest.size} bytes, where ${read.announced === undefined ? 'smbclient announced no size' : `smbclient announced ${read.announced}`}${size === undefined ? '' : ` and ${size} were expected`}: the file changed, or the transfer was cut short`,
				'EIO',
				'retry; if it happens again, check the network and the server, or roll back',
			);
		}
		return read.digest;
	}

	async digest(path: string, signal?: AbortSignal): Promise<FileDigest> {
		// No listing first: a missing file is smbclient's NT_STATUS_OBJECT_NAME_NOT_FOUND (ENOENT), and its announced size is checked.
		return this.readDigest(path, undefined, signal);
	}

	async copyIn(localSource: string, destination: string, options: CopyInOptions = {}): Promise<FileDigest> {
		this.inShare(destination);
		// The same temporary name as on a local disk (".NAME.dsmn-copy"), so a roll back finds a partial copy either way.
		const slash = destination.lastIndexOf('/');
		const temporary = this.join(destination.slice(0, slash), temporaryName(destination.slice(slash + 1)));
		return this.withPrivateFolder(async folder => {
			// The bytes sent are the bytes hashed: the source is copied here first, then checked against what was validated.
			const staged = join(folder, 'outgoing');
			const sent = await copyHashing(localSource, staged, options.signal);
			if (options.expect && (options.expect.sha256 !== sent.sha256 || options.expect.size !== sent.size)) {
				throw new SourceChangedError(basename(localSource), options.expect, sent);
			}
			if (await this.stat(destination)) throw new SmbError(`${destination} already exists: refusing to replace it`, 'EEXIST', 'look on the server, then retry');
			await this.remove(temporary);
			const put = await this.smb(`put ${this.local(staged)} "${this.inShare(temporary)}"`, {
				timeoutMs: this.transferTimeout(sent.size),
				...(options.signal ? {signal: options.signal} : {}),
			});
			if (this.status(put) || put.exitCode !== 0) {
				await this.remove(temporary).catch(() => {});
				throw this.failure(`copying ${basename(localSource)} to ${destination}`, put);
			}
			options.onProgress?.(sent.size);
			let read: FileDigest;
			try {
				read = await this.readDigest(temporary, sent.size, options.signal, options.readBack);
			} catch (error) {
				await this.remove(temporary).catch(() => {});
				throw error;
			}
			if (read.sha256 !== sent.sha256 || read.size !== sent.size) {
				await this.remove(temporary);
				throw new CopyVerifyError(
					`the copy of ${basename(localSource)} read back from ${this.connection.host} different from what was sent (SHA-256 differs): the network, the server's disk or its memory may be failing`,
				);
			}
			try {
				await options.beforeRename?.();
				await this.rename(temporary, destination);
			} catch (error) {
				await this.remove(temporary).catch(() => {});
				throw error;
			}
			return sent;
		});
	}

	async touch(path: string): Promise<void> {
		if (await this.stat(path)) throw new SmbError(`${path} already exists`, 'EEXIST', 'look on the server, then retry');
		await this.withPrivateFolder(async folder => {
			const empty = join(folder, 'empty');
			await writeFile(empty, '');
			const output = await this.smb(`put ${this.local(empty)} "${this.inShare(path)}"`);
			if (this.status(output) || output.exitCode !== 0) throw this.failure(`writing ${path}`, output);
		});
	}

	async freeBytes(folder: string): Promise<number | undefined> {
		const output = await this.smb(`du "${this.inShare(folder)}"`);
		if (this.status(output) || output.exitCode !== 0) return undefined;
		return parseDu(output.stdout);
	}

	async flush(): Promise<void> {
		// Nothing to do over SMB: each smbclient call closes its files, and the server writes them; there is no fsync to ask for.
	}

	async sameVolume(a: string, b: string): Promise<boolean | undefined> {
		// Within one share a rename is the server's; across shares it cannot be one. Where the share's folders
		// live on the server's disks cannot be seen from here: a rename across volumes fails there, plainly.
		return this.shareOf(a) === this.shareOf(b) ? undefined : false;
	}

	private shareOf(path: string): string {
		return path.replace(/\\/g, '/').split('/').filter(Boolean).slice(0, 2).join('/').toUpperCase();
	}
}
