/**
 * New passwords for the propagated users (KB Q148678: "Set a new password for each propagated user").
 * Generated from the operating system's CSPRNG; written only to a file the admin names, created with
 * mode 0600 and never overwritten; never to the screen, the journal, a log or any argv.
 */
import {randomBytes, randomInt} from 'node:crypto';
import {constants} from 'node:fs';
import {link, lstat, open, readdir, realpath, rename, rm} from 'node:fs/promises';
import {basename, dirname, isAbsolute, join, relative, resolve, sep} from 'node:path';
import {syncFolder} from '../fs/atomic-write.js';
import {restrictToOwner, type OwnerOnly} from '../fs/owner-only.js';

// No look-alikes (0/O, 1/l/I): the admin may have to read them out over the phone.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '#%+=?@';
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;

/** 14 characters — the longest an NT 4.0 password can be while LAN Manager compatibility is on — of all four kinds. */
export function generatePassword(length = 14): string {
	const pick = (set: string) => set[randomInt(set.length)]!;
	const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
	while (chars.length < length) chars.push(pick(ALL));
	for (let i = chars.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[chars[i], chars[j]] = [chars[j]!, chars[i]!];
	}
	return chars.join('');
}

/** Why an initial password typed by the admin cannot be used, or undefined. */
export function initialPasswordProblem(password: string): string | undefined {
	if (password.length < 8) return 'it must have at least 8 characters';
	if (password.length > 14) return 'it must have at most 14 characters (NT 4.0 with LAN Manager compatibility)';
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(password)) return 'it must not hold control characters';
	return undefined;
}

/** Why `path` cannot receive the passwords, or undefined. `forbidden` are folders others may read (the lab, SYNCAGNT). */
export async function passwordsFileProblem(path: string, forbidden: readonly string[]): Promise<string | undefined> {
	if (path.trim() === '') return 'give a file name';
	const absolute = resolve(path);
	let folder: string;
	try {
		folder = await realpath(dirname(absolute));
	} catch {
		return `the folder ${dirname(absolute)} does not exist`;
	}
	for (const root of forbidden) {
		let real: string;
		try {
			real = await realpath(root);
		} catch {
			real = resolve(root);
		}
		const rel = relative(real, folder);
		// "..x" is a folder inside; only ".." itself, or ".." and a separator, leave it.
		const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
		if (!outside) return `it is inside ${root}, which others can read: choose a private folder (your home folder)`;
	}
	// Only looked at, never read: a device or a pipe given as the name must not be read from (or block).
	try {
		await lstat(absolute);
		return 'something already exists under that name: it is never overwritten; choose a new name';
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return `it cannot be used: ${(error as Error).message}`;
	}
	return undefined;
}

/** The most a passwords file of ours can hold (2,000 users' lines are under 100 KiB). */
const PASSWORDS_FILE_MAX_BYTES = 16 * 1024 * 1024;

/** A passwords file read back: a regular file of bounded size only, never a device or a pipe. */
async function readOwnFile(path: string): Promise<string> {
	const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
	try {
		const info = await handle.stat();
		if (!info.isFile()) throw new Error(`${path} is not a regular file: it cannot be the passwords file this run wrote`);
		if (info.size > PASSWORDS_FILE_MAX_BYTES) throw new Error(`${path} is ${info.size} bytes: too large to be the passwords file this run wrote`);
		return await handle.readFile('utf8');
	} finally {
		await handle.close();
	}
}

export type PasswordLine = {name: string; password?: string; mustChange: boolean};

/**
 * Writes the file whole or not at all: a private temporary file beside it (O_EXCL, 0600), restricted to its
 * owner before a password is in it (mode 0600; on Windows an access list for the user alone), flushed, then
 * linked to its name — link() never replaces a file, so an existing one is refused, atomically — and the
 * temporary name removed. A process killed midway leaves no partial list under the name the admin gave.
 * Returns what the restriction did, to be said as it is (on Windows it can fail: then the file is written
 * all the same and the caller says what to do).
 */
export async function writePasswordsFile(
	path: string,
	lines: readonly PasswordLine[],
	when: Date,
	runId = '',
	protect: (file: string) => Promise<OwnerOnly> = restrictToOwner,
): Promise<OwnerOnly> {
	const temporary = join(dirname(path), `${TEMP_PREFIX(path)}${randomBytes(4).toString('hex')}`);
	const handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
	let access: OwnerOnly;
	try {
		access = await protect(temporary); // mode 0600 whatever the umask; an access list on Windows
		const initial = lines.some(l => l.password === undefined);
		const body = [
			`# dsmn-resync${runId ? ` run ${runId}` : ''}, ${when.toISOString()}: new passwords for the NetWare users DSMN propagates (KB Q148678).`,
			initial
				? '# Every user gets the initial password you typed (it is not written here) and must change it at next logon.'
				: '# Give each user their password. Keep this file private and delete it once they have them.',
			...lines.map(l => `${l.name}\t${l.password ?? '(the initial password)'}${l.mustChange ? '\tmust change at next logon' : ''}`),
			'',
		].join('\n');
		await handle.writeFile(body);
		await handle.sync();
	} finally {
		await handle.close();
	}
	try {
		await link(temporary, path);
	} catch (error) {
		// A filesystem without hard links (FAT, some shares): rename, after checking nothing is there.
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EEXIST' || !['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(code ?? '')) throw error;
		if (
			await lstat(path).then(
				() => true,
				(e: NodeJS.ErrnoException) => e.code !== 'ENOENT',
			)
		)
			throw Object.assign(new Error(`EEXIST: file already exists, ${path}`), {code: 'EEXIST'});
		await rename(temporary, path);
	} finally {
		await rm(temporary, {force: true});
	}
	await syncFolder(dirname(path));
	// The note names the file by the name the admin gave, not the temporary one.
	return {...access, note: access.note.split(temporary).join(path), ...(access.advice ? {advice: access.advice.split(temporary).join(path)} : {})};
}

const TEMP_PREFIX = (path: string) => `.${basename(path)}.dsmn-tmp-`;

/** Temporary passwords files of ours left by a process killed while writing one: partial, never used, removed. */
export async function removePartialPasswordsFiles(path: string): Promise<void> {
	const prefix = TEMP_PREFIX(path);
	for (const name of await readdir(dirname(path)).catch(() => [] as string[])) if (name.startsWith(prefix)) await rm(join(dirname(path), name), {force: true});
}

/** The run that wrote this passwords file, from its first line ('' when it names none). */
export async function passwordsFileRun(path: string): Promise<string> {
	const first = (await readOwnFile(path)).split('\n', 1)[0] ?? '';
	return /^# dsmn-resync run (\S+),/.exec(first)?.[1] ?? '';
}

/** Reads back a passwords file this run wrote (a retry after a crash applies the same passwords). */
export async function readPasswordsFile(path: string): Promise<PasswordLine[]> {
	const text = await readOwnFile(path);
	return text
		.split('\n')
		.filter(line => line && !line.startsWith('#'))
		.map(line => {
			const [name = '', password = '', flag] = line.split('\t');
			return password === '(the initial password)' ? {name, mustChange: flag !== undefined} : {name, password, mustChange: flag !== undefined};
		});
}
