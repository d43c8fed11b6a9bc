/**
 * Each program's words for what went wrong, turned into a `Cause` of the one table (causes.ts): node:fs's
 * errno codes, the NT_STATUS codes smbclient and Samba's net print, the NET HELPMSG and Win32 (System
 * error, sc's FAILED) numbers of net.exe and sc.exe, and net rpc's WERR_ codes. Undefined where the words
 * name no cause the table knows: the caller then shows them as they are.
 */
import {adviceOf, unknownCauseAdvice, type AdviceContext, type Cause} from './causes.js';

const ERRNO: Record<string, Cause> = {
	ENOSPC: 'disk-full',
	EDQUOT: 'quota-used-up',
	EACCES: 'permission-denied',
	EPERM: 'not-permitted',
	EBUSY: 'file-in-use',
	EIO: 'io-error',
	ENOENT: 'vanished',
	ENAMETOOLONG: 'path-too-long',
	EROFS: 'read-only-volume',
	EEXIST: 'already-there',
	ENOTDIR: 'not-a-folder',
	EISDIR: 'not-a-file',
	EMFILE: 'too-many-open',
	ENFILE: 'system-too-many-open',
	ETIMEDOUT: 'timed-out',
	EHOSTDOWN: 'host-down',
	EHOSTUNREACH: 'unreachable',
	ECONNRESET: 'connection-lost',
	ESTALE: 'stale-mount',
	ECONNREFUSED: 'connection-refused',
	ECONNABORTED: 'connection-lost',
};

/** NT_STATUS codes by cause, whatever the operation (a connection's set-up has its own: `causeOfConnectStatus`). */
const NT_STATUS: Record<string, Cause> = {
	NT_STATUS_SHARING_VIOLATION: 'sharing-violation',
	NT_STATUS_FILE_LOCK_CONFLICT: 'file-locked',
	NT_STATUS_LOCK_NOT_GRANTED: 'file-locked',
	NT_STATUS_MEDIA_WRITE_PROTECTED: 'read-only-share',
	NT_STATUS_DISK_FULL: 'disk-full',
	NT_STATUS_CONNECTION_DISCONNECTED: 'connection-lost',
	NT_STATUS_CONNECTION_RESET: 'connection-lost',
	NT_STATUS_CONNECTION_ABORTED: 'connection-lost',
	NT_STATUS_PIPE_BROKEN: 'connection-lost',
	NT_STATUS_END_OF_FILE: 'connection-lost',
	NT_STATUS_INVALID_NETWORK_RESPONSE: 'connection-lost',
	NT_STATUS_IO_TIMEOUT: 'timed-out',
	NT_STATUS_CONNECTION_REFUSED: 'connection-refused',
	NT_STATUS_HOST_UNREACHABLE: 'unreachable',
	NT_STATUS_NETWORK_UNREACHABLE: 'unreachable',
	NT_STATUS_LOGON_FAILURE: 'logon-failure',
	NT_STATUS_WRONG_PASSWORD: 'logon-failure',
	NT_STATUS_NO_SUCH_USER: 'logon-failure',
	NT_STATUS_ACCOUNT_DISABLED: 'account-refused',
	NT_STATUS_ACCOUNT_LOCKED_OUT: 'account-refused',
	NT_STATUS_PASSWORD_EXPIRED: 'account-refused',
	NT_STATUS_PASSWORD_MUST_CHANGE: 'account-refused',
	NT_STATUS_BAD_NETWORK_NAME: 'share-denied',
	NT_STATUS_ACCESS_DENIED: 'write-denied',
	NT_STATUS_NETWORK_ACCESS_DENIED: 'write-denied',
	NT_STATUS_OBJECT_NAME_COLLISION: 'already-there',
	NT_STATUS_NO_SUCH_FILE: 'not-there',
	NT_STATUS_OBJECT_NAME_NOT_FOUND: 'not-there',
	NT_STATUS_OBJECT_PATH_NOT_FOUND: 'not-there',
	NT_STATUS_NOT_FOUND: 'not-there',
};

/** NET HELPMSG numbers (net.exe), and the Win32 numbers net prints as "System error n". */
const NET_HELPMSG: Record<number, Cause> = {
	2182: 'service-running',
	2184: 'service-not-started-after-stop',
	2185: 'service-missing',
	2186: 'service-not-responding',
	2189: 'service-pending',
	2191: 'service-refused-stop',
	3521: 'service-not-running',
	3523: 'service-could-not-start',
	3528: 'service-could-not-stop',
	3534: 'service-stopped-at-once',
	3547: 'service-own-error',
};

/** Win32 error numbers (sc.exe's FAILED n, net.exe's System error n). */
const WIN32: Record<number, Cause> = {
	5: 'services-denied',
	53: 'network-path-not-found',
	1052: 'service-refused-stop',
	1053: 'service-timeout',
	1056: 'service-running',
	1058: 'service-disabled',
	1060: 'service-missing',
	1061: 'service-pending',
	1062: 'service-not-running',
	1067: 'service-terminated',
	1068: 'dependency-failed',
	1075: 'dependency-missing',
	1326: 'logon-failure',
	1722: 'rpc-unavailable',
};

/** Samba's net rpc service: its WERR_ codes (the request it failed tells an open refused from a control refused). */
const WERR: Record<string, Cause> = {
	WERR_SERVICE_ALREADY_RUNNING: 'service-running',
	WERR_SERVICE_NOT_ACTIVE: 'service-not-running',
	WERR_SERVICE_DOES_NOT_EXIST: 'service-missing',
	WERR_NO_SUCH_SERVICE: 'service-missing',
	WERR_SERVICE_DISABLED: 'service-disabled',
	WERR_SERVICE_CANNOT_ACCEPT_CTRL: 'service-pending',
	WERR_SERVICE_REQUEST_TIMEOUT: 'service-timeout',
};

export function causeOfErrno(code: string | undefined): Cause | undefined {
	return code ? ERRNO[code] : undefined;
}

export function causeOfNtStatus(status: string | undefined): Cause | undefined {
	return status ? NT_STATUS[status] : undefined;
}

/**
 * An NT_STATUS printed while a connection was being set up (net's "Connection failed:", smbclient's
 * "session setup failed:", "tree connect failed:", "Connection to … failed"): a disconnect there is the
 * server refusing this client's dialect, an access denied is the account refused the share.
 */
export function causeOfConnectStatus(status: string): Cause | undefined {
	if (['NT_STATUS_CONNECTION_DISCONNECTED', 'NT_STATUS_CONNECTION_RESET', 'NT_STATUS_INVALID_NETWORK_RESPONSE'].includes(status)) return 'dialect-refused';
	if (['NT_STATUS_INVALID_PARAMETER_MIX', 'NT_STATUS_NOT_SUPPORTED'].includes(status)) return 'dialect-refused';
	if (status === 'NT_STATUS_ACCESS_DENIED' || status === 'NT_STATUS_NETWORK_ACCESS_DENIED') return 'share-denied';
	return NT_STATUS[status];
}

/** A number net.exe printed (NET HELPMSG n, or System error n). */
export function causeOfNet(code: number): Cause | undefined {
	return NET_HELPMSG[code] ?? WIN32[code];
}

/** A Win32 error number (sc.exe's FAILED n). */
export function causeOfWin32(code: number): Cause | undefined {
	return WIN32[code];
}

/** A WERR_ code of Samba's net rpc service, with the request it answered. */
export function causeOfWerr(werr: string, request: string, verb: 'status' | 'start' | 'stop'): Cause | undefined {
	if (werr !== 'WERR_ACCESS_DENIED') return WERR[werr];
	if (request === 'Failed to open service' || request === 'Failed to open Service Control Manager') return 'services-denied';
	return verb === 'start' ? 'service-start-refused' : 'service-control-refused';
}

/**
 * The advice for a thrown error: an SMB status it carries (`status`) first, then its errno code; a cause
 * the table does not know is said to be unknown, naming the code.
 */
export function adviceForError(error: unknown, context: AdviceContext = {}): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	const status = (error as {status?: unknown} | undefined)?.status;
	const cause = causeOfNtStatus(typeof status === 'string' ? status : undefined) ?? causeOfErrno(code);
	return cause ? adviceOf(cause, context) : unknownCauseAdvice(code);
}

/**
 * What smbclient printed when a command failed: an NT_STATUS printed while connecting (`causeOfConnectStatus`)
 * or during the operation, or a connection that failed without one. Undefined when it names no known cause.
 * `answeredBefore`: this run already talked to the server with the same client settings, so a disconnect
 * while the next connection is set up is the server or the network going away, not a dialect refused, and a
 * logon refused is an account changed since (its password, a lockout), not the client settings.
 */
export function causeOfSmbclient(text: string, options: {answeredBefore?: boolean} = {}): Cause | undefined {
	const connecting = /(?:session setup failed|tree connect failed|protocol negotiation failed|Connection to \S+ failed)[^\n]*?(NT_STATUS_\w+)/.exec(text)?.[1];
	if (connecting) {
		const cause = causeOfConnectStatus(connecting);
		if (cause === 'logon-failure' && options.answeredBefore) return 'logon-changed';
		return cause === 'dialect-refused' && options.answeredBefore && /CONNECTION|NETWORK/.test(connecting) ? 'connection-lost' : cause;
	}
	const status = /NT_STATUS_\w+/.exec(text)?.[0];
	if (status) return causeOfNtStatus(status) ?? (/CONNECTION|NETWORK|PIPE/.test(status) ? 'connection-lost' : undefined);
	return /Connection to \S+ failed/.test(text) ? 'connection-refused' : undefined;
}
