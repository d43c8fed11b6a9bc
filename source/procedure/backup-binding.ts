/**
 * The backup's bytes bound to a restore run when it begins: validated, every file it restores hashed,
 * validated again, and nothing changed in between. The run journals the result (`backup-validated`) and
 * its copy step puts in place only those bytes. ARCHITECTURE.md, "The run and its journal".
 */
import {stat} from 'node:fs/promises';
import {join} from 'node:path';
import {validateBackup} from '../backup/validate.js';
import {digestFile} from '../fs/copy-verified.js';
import type {ValidatedFile} from '../journal/entries.js';
import {HintedError} from '../errors/hinted-error.js';

/** The backup could not be bound to the run: nothing was changed. */
export class BackupBindingError extends HintedError {}

/** The backup as validated, with each restored file's bytes bound by size, time and SHA-256. */
export async function validateAndBind(backup: string, liveSyncagnt: string): Promise<ValidatedFile[]> {
	const first = await validateBackup(backup, {liveSyncagnt});
	if (!first.valid)
		throw new BackupBindingError(
			`the backup is not valid: ${first.errors[0]}`,
			'check the folder (dsmn-resync check FOLDER says what is wrong), or choose another backup',
		);
	const names = first.files.filter(f => f.restored).map(f => f.name);
	const bound: ValidatedFile[] = [];
	for (const name of names) {
		const path = join(first.folder, name);
		const digest = await digestFile(path);
		const facts = await digestFacts(path);
		bound.push({name, size: digest.size, mtimeMs: facts.mtimeMs, sha256: digest.sha256});
	}
	// Validated again after hashing, and nothing changed in between: the verdict is about these bytes.
	const second = await validateBackup(backup, {liveSyncagnt});
	const again = second.files.filter(f => f.restored).map(f => f.name);
	if (!second.valid || again.join('/') !== names.join('/'))
		throw new BackupBindingError(
			`the backup changed while it was being validated: ${second.errors[0] ?? 'its files differ'}`,
			'start again when nothing writes to the backup folder',
		);
	for (const file of bound) {
		const facts = await digestFacts(join(first.folder, file.name));
		if (facts.size !== file.size || facts.mtimeMs !== file.mtimeMs)
			throw new BackupBindingError(`${file.name} in the backup changed while it was being validated`, 'start again when nothing writes to the backup folder');
	}
	return bound;
}

/** A file's size and time, as bound: the copy step compares them again before a byte is written. */
export async function digestFacts(path: string): Promise<{size: number; mtimeMs: number}> {
	const info = await stat(path);
	return {size: info.size, mtimeMs: info.mtimeMs};
}
