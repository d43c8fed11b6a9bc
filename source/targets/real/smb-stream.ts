/**
 * A file on the share read straight into its SHA-256, with no copy on this machine's disk: smbclient's
 * `get NAME -` writes the file's bytes to its stdout, and `-E` sends every message of its own to stderr
 * (Samba 4.17 checked: the bytes arrive alone, "getting file … of size N as -" on stderr). What was read
 * counts only when smbclient exits 0 and the bytes number exactly what it announced ("of size N"); the
 * caller also checks them against the size it expects. A transfer cut short (the server's process killed,
 * the network gone, smbclient ended by a signal) is therefore a failure, never the digest of a partial file.
 */
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import type {FileDigest} from '../capabilities.js';
import {CommandNotFoundError, type CommandSpec} from '../run-command.js';

export type StreamedRead = {
	/** SHA-256 and count of the bytes smbclient wrote to stdout (the whole file only when `complete`). */
	digest: FileDigest;
	/** Exit code, or undefined when smbclient was ended by a signal. */
	exitCode: number | undefined;
	/** The signal that ended it (SIGPIPE: the server's side went away while it wrote). */
	signal: string | undefined;
	/** What it printed on stderr (its messages), and stdout's first bytes (a message when it failed before any byte). */
	stderr: string;
	stdoutStart: string;
	/** The size smbclient announced for the file, if it did. */
	announced: number | undefined;
	timedOut: boolean;
	/** Exit 0, and exactly the announced number of bytes. */
	complete: boolean;
};

const MESSAGE_BYTES = 4096;

/** Runs smbclient with `get "NAME" -` (and -E) in `args`, feeding its stdout to SHA-256 (and `onChunk`) as it arrives. */
export function readHashing(
	smbclient: CommandSpec,
	args: readonly string[],
	/** `idleMs`: how long smbclient may go without a byte or a message before it is stopped (a hung server), however long the file. */
	options: {idleMs: number; signal?: AbortSignal | undefined; onChunk?: ((chunk: Uint8Array) => void) | undefined},
): Promise<StreamedRead> {
	const command = [smbclient.display, ...args].join(' ');
	return new Promise<StreamedRead>((resolve, reject) => {
		if (options.signal?.aborted) {
			reject(new CommandNotFoundError(command, 'it was cancelled'));
			return;
		}
		const child = spawn(smbclient.file, [...smbclient.prefix, ...args], {
			stdio: ['ignore', 'pipe', 'pipe'],
			windowsHide: true,
			...(smbclient.env ? {env: smbclient.env} : {}),
		});
		const hash = createHash('sha256');
		let size = 0;
		let start = Buffer.alloc(0);
		let stderr = '';
		let timedOut = false;
		let failed: unknown;
		const stop = (why: unknown) => {
			failed ??= why;
			child.kill('SIGKILL');
		};
		// One timer for the whole read, re-armed only when it fires: a chunk just notes the time.
		let last = Date.now();
		const alive = () => {
			last = Date.now();
		};
		const check = () => {
			const quiet = Date.now() - last;
			if (quiet < options.idleMs) {
				timer = setTimeout(check, options.idleMs - quiet);
				return;
			}
			timedOut = true;
			child.kill('SIGKILL');
		};
		let timer = setTimeout(check, options.idleMs);
		const onAbort = () => stop(new CommandNotFoundError(command, 'it was cancelled'));
		options.signal?.addEventListener('abort', onAbort, {once: true});
		child.stdout.on('data', (chunk: Buffer) => {
			if (failed !== undefined) return;
			alive();
			hash.update(chunk);
			size += chunk.length;
			if (start.length < MESSAGE_BYTES) start = Buffer.concat([start, chunk.subarray(0, MESSAGE_BYTES - start.length)]);
			try {
				options.onChunk?.(chunk);
			} catch (error) {
				stop(error); // the caller refused what it read (a bad database page): no point reading on
			}
		});
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (text: string) => {
			alive();
			if (stderr.length < 64 * 1024) stderr += text;
		});
		child.once('error', error => {
			clearTimeout(timer);
			options.signal?.removeEventListener('abort', onAbort);
			reject(new CommandNotFoundError(command, error.message));
		});
		child.once('close', (code, signal) => {
			clearTimeout(timer);
			options.signal?.removeEventListener('abort', onAbort);
			if (failed !== undefined) {
				reject(failed instanceof Error ? failed : new Error('smbclient was stopped'));
				return;
			}
			const announced = /of size (\d+) as -/.exec(stderr)?.[1];
			const exitCode = code ?? undefined;
			resolve({
				digest: {size, sha256: hash.digest('hex')},
				exitCode,
				signal: signal ?? undefined,
				stderr,
				stdoutStart: start.toString('latin1'),
				announced: announced === undefined ? undefined : Number(announced),
				timedOut,
				complete: !timedOut && exitCode === 0 && announced !== undefined && Number(announced) === size,
			});
		});
	});
}
