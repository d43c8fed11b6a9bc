/**
 * A finding of the validator: an error blocks the restore, a warning is shown and acknowledged, a note
 * ('ok') is only said. ARCHITECTURE.md, "Validation rules".
 */
import type {FileStatus} from './report.js';

export type Finding = {status: FileStatus; message: string};

export const ERR = (message: string): Finding => ({status: 'error', message});
export const WARN = (message: string): Finding => ({status: 'warning', message});
export const NOTE = (message: string): Finding => ({status: 'ok', message});

/** A file's status: its worst finding. */
export function worst(findings: Finding[]): FileStatus {
	if (findings.some(f => f.status === 'error')) return 'error';
	if (findings.some(f => f.status === 'warning')) return 'warning';
	return 'ok';
}

/** Why a file or folder cannot be read, in words the administrator can act on. */
export function errnoText(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'EACCES':
		case 'EPERM':
			return 'permission denied: run as a user who may read it, or copy the backup somewhere readable';
		case 'ELOOP':
			return 'it is a symbolic link that loops back on itself: point it at the real file';
		case 'ENOENT':
			return 'it is a symbolic link to nothing: point it at the real file';
		case 'EIO':
			return 'the disk reported an I/O error: the medium may be failing; copy what you can elsewhere first';
		default:
			return (error as Error).message;
	}
}
