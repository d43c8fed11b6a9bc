/**
 * Samba's authentication file (`-A FILE`): "username = …", "password = …", "domain = …". It must be
 * readable by its owner only: a password never goes in argv, and never in a file others can read.
 */
import {randomBytes} from 'node:crypto';
import {constants} from 'node:fs';
import {mkdtemp, open, readFile, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {UsageError} from '../../errors/hinted-error.js';

export async function checkCredentialsFile(path: string): Promise<void> {
	let info;
	try {
		info = await stat(path);
	} catch {
		throw new UsageError(
			`--credentials-file ${path} does not exist`,
			'write one with the lines "username = …", "password = …", "domain = …", then chmod 600 it',
		);
	}
	if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
		throw new UsageError(
			`--credentials-file ${path} can be read by others (mode ${(info.mode & 0o777).toString(8)})`,
			`make it private first: chmod 600 ${path}`,
		);
	}
	const text = await readFile(path, 'utf8');
	for (const key of ['username', 'password']) {
		if (!new RegExp(`^\\s*${key}\\s*=`, 'm').test(text))
			throw new UsageError(`--credentials-file ${path} has no "${key} = …" line`, 'see the README, section "A remote NT server"');
	}
}

/** A private authentication file for this run (mode 0600, in a private folder); remove it with the returned function. */
export async function temporaryCredentialsFile(credentials: {
	username: string;
	password: string;
	domain?: string;
}): Promise<{path: string; remove: () => Promise<void>}> {
	const folder = await mkdtemp(join(tmpdir(), `dsmn-resync-auth-${randomBytes(3).toString('hex')}-`));
	const path = join(folder, 'auth');
	const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
	try {
		await handle.writeFile(
			`username = ${credentials.username}\npassword = ${credentials.password}\n${credentials.domain ? `domain = ${credentials.domain}\n` : ''}`,
		);
	} finally {
		await handle.close();
	}
	return {path, remove: () => rm(folder, {recursive: true, force: true})};
}
