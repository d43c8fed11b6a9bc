/**
 * What the admin does about a failed file operation, by its cause (the errno code): advice that matches
 * the cause, or, for a cause not known here, says so and gives the code.
 */
const ADVICE: Record<string, string> = {
	ENOSPC:
		'the disk is full: free some space on that volume, then retry (files already in place are kept; moving the originals aside is a rename and needs no space)',
	EDQUOT: 'the disk quota of this account is used up: free some space or raise the quota, then retry',
	EACCES: 'permission denied: run as an administrator of that server (or check the share and file permissions), then retry',
	EPERM: 'the operation is not permitted: run as an administrator of that server, check that no file is read-only, then retry',
	EBUSY: 'a file is in use: make sure MSSYNC is stopped and nothing else holds files in SYNCAGNT open, then retry',
	EIO: 'the disk reported an I/O error: check it before going further; roll back if in doubt',
	ENOENT: 'a file disappeared while the step ran: check the backup folder and SYNCAGNT, then retry',
	ENAMETOOLONG: 'a path is too long for this system: move the backup set to a folder with a shorter path (or shorten the folder names), then retry',
	EROFS: 'the volume is mounted read-only: remount it read-write (a mounted ADMIN$ share: check its mount options), then retry',
	EEXIST: 'a file the step creates is already there: look at it (it may be from an earlier run), move it aside, then retry',
	ENOTDIR: 'a part of the path is a file, not a folder: check the backup folder and SYNCAGNT paths, then retry',
	EISDIR: 'a folder stands where a file was expected: check the backup folder and SYNCAGNT, then retry',
	EMFILE: 'too many files are open in this process: retry; if it happens again, raise the limit (ulimit -n)',
	ENFILE: 'the system has too many files open: close other programs, then retry',
	ETIMEDOUT: 'the server or share did not answer in time: check the network and the mount, then retry',
	EHOSTDOWN: 'the server is down or unreachable: check it and the network, then retry',
	EHOSTUNREACH: 'the server cannot be reached: check the network, then retry',
	ECONNRESET: 'the connection to the server was reset: check the network and the mount, then retry',
	ESTALE: 'the mounted share went stale: unmount and mount it again, then retry',
	ECONNREFUSED: 'nothing answers at the server any more: check that it is on and reachable, then retry (or resume)',
	ECONNABORTED: 'the server or the network went away mid-operation: check that the server answers, then resume (a step goes on from where it stopped)',
};

/**
 * SMB's NT_STATUS codes (as smbclient prints them) by what they mean here: the errno-like code the run
 * reasons with, and the advice of the same table as the errnos (one table for the steps, the preflight and
 * the roll back). Where the cause is the server's (a sharing violation, a read-only share), the advice says so.
 */
export const NT_STATUS: Record<string, {code: string; advice?: string}> = {
	NT_STATUS_SHARING_VIOLATION: {
		code: 'EBUSY',
		advice:
			"another program has that file open on the server: close it, or find it in the server's Computer Management ▸ Shared Folders ▸ Open Files and close it there, then retry",
	},
	NT_STATUS_FILE_LOCK_CONFLICT: {code: 'EBUSY'},
	NT_STATUS_MEDIA_WRITE_PROTECTED: {
		code: 'EROFS',
		advice: "the share or its volume is read-only: make it writable on the server (the share's permissions), then retry",
	},
	NT_STATUS_DISK_FULL: {code: 'ENOSPC'},
	NT_STATUS_CONNECTION_DISCONNECTED: {code: 'ECONNABORTED'},
	NT_STATUS_CONNECTION_RESET: {code: 'ECONNABORTED'},
	NT_STATUS_CONNECTION_ABORTED: {code: 'ECONNABORTED'},
	NT_STATUS_PIPE_BROKEN: {code: 'ECONNABORTED'},
	NT_STATUS_END_OF_FILE: {code: 'ECONNABORTED'},
	NT_STATUS_IO_TIMEOUT: {code: 'ETIMEDOUT'},
	NT_STATUS_CONNECTION_REFUSED: {code: 'ECONNREFUSED'},
	NT_STATUS_HOST_UNREACHABLE: {code: 'EHOSTUNREACH'},
	NT_STATUS_NETWORK_UNREACHABLE: {code: 'EHOSTUNREACH'},
};

/** The table's advice for an errno code, or undefined when the cause is not one it knows (the preflight's findings read it too). */
export function knownAdvice(code: string | undefined): string | undefined {
	return code ? ADVICE[code] : undefined;
}

export function adviceForErrno(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	const status = (error as {status?: unknown} | undefined)?.status;
	const smb = typeof status === 'string' ? NT_STATUS[status] : undefined;
	if (smb?.advice) return smb.advice;
	if (code && ADVICE[code]) return ADVICE[code];
	const cause = code ? `the cause (${code}) is not one dsmn-resync knows` : 'the cause is not known';
	return `${cause}: read the message above, fix what it names, then retry (the failure screen says whether a roll back is possible)`;
}
