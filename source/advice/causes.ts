/**
 * The one table of causes: what went wrong, in plain words, and what the admin does about it, for every
 * cause the tool can tell apart, whichever program or call reported it (an errno of node:fs, an NT_STATUS
 * of smbclient or Samba's net, a NET HELPMSG or Win32 number of net.exe and sc.exe, a WERR_ of net rpc).
 * The steps, the preflight and the roll back all read it ("Errors and exit codes" in ARCHITECTURE.md);
 * `parse-cause.ts` turns each program's words into a `Cause`. Where the advice depends on who asks (the
 * server's name, the service, an account typed or read from a file), the context says it.
 */

/** Where the account came from: typed in the wizard, or read from --credentials-file (this path). */
export type AccountSource = {typed: true} | {typed: false; file: string};

export type AdviceContext = {host?: string; service?: string; account?: AccountSource; verb?: 'status' | 'start' | 'stop'};

type Text = string | ((context: Required<Pick<AdviceContext, 'host' | 'service'>> & AdviceContext) => string);

type Entry = {
	/** The errno-like code a run reasons with (node:fs's codes; EIO where none fits). */
	errno: string;
	meaning: Text;
	advice: Text;
};

const NT1 = 'NT 4.0 speaks only SMB1 with NTLMv1: see the README, "A remote NT server", for the Samba client settings';
const WENT_AWAY = 'check that the server answers, then resume (a step goes on from where it stopped)';

const TABLE = {
	// The file system, local or a mounted share (errno).
	'disk-full': {
		errno: 'ENOSPC',
		meaning: 'the disk is full',
		advice:
			'the disk is full: free some space on that volume, then retry (files already in place are kept; moving the originals aside is a rename and needs no space)',
	},
	'quota-used-up': {
		errno: 'EDQUOT',
		meaning: 'the disk quota of this account is used up',
		advice: 'the disk quota of this account is used up: free some space or raise the quota, then retry',
	},
	'permission-denied': {
		errno: 'EACCES',
		meaning: 'permission denied',
		advice: 'permission denied: run as an administrator of that server (or check the share and file permissions), then retry',
	},
	'not-permitted': {
		errno: 'EPERM',
		meaning: 'the operation is not permitted',
		advice: 'the operation is not permitted: run as an administrator of that server, check that no file is read-only, then retry',
	},
	'file-in-use': {
		errno: 'EBUSY',
		meaning: 'a file is in use',
		advice: 'a file is in use: make sure MSSYNC is stopped and nothing else holds files in SYNCAGNT open, then retry',
	},
	'io-error': {
		errno: 'EIO',
		meaning: 'the disk reported an I/O error',
		advice: 'the disk reported an I/O error: check it before going further; roll back if in doubt',
	},
	vanished: {
		errno: 'ENOENT',
		meaning: 'a file disappeared while the step ran',
		advice: 'a file disappeared while the step ran: check the backup folder and SYNCAGNT, then retry',
	},
	'path-too-long': {
		errno: 'ENAMETOOLONG',
		meaning: 'a path is too long for this system',
		advice: 'a path is too long for this system: move the backup set to a folder with a shorter path (or shorten the folder names), then retry',
	},
	'read-only-volume': {
		errno: 'EROFS',
		meaning: 'the volume is mounted read-only',
		advice: 'the volume is mounted read-only: remount it read-write (a mounted ADMIN$ share: check its mount options), then retry',
	},
	'already-there': {
		errno: 'EEXIST',
		meaning: 'a file the step creates is already there',
		advice: 'a file the step creates is already there: look at it (it may be from an earlier run), move it aside, then retry',
	},
	'not-a-folder': {
		errno: 'ENOTDIR',
		meaning: 'a part of the path is a file, not a folder',
		advice: 'a part of the path is a file, not a folder: check the backup folder and SYNCAGNT paths, then retry',
	},
	'not-a-file': {
		errno: 'EISDIR',
		meaning: 'a folder stands where a file was expected',
		advice: 'a folder stands where a file was expected: check the backup folder and SYNCAGNT, then retry',
	},
	'too-many-open': {
		errno: 'EMFILE',
		meaning: 'too many files are open in this process',
		advice: 'too many files are open in this process: retry; if it happens again, raise the limit (ulimit -n)',
	},
	'system-too-many-open': {
		errno: 'ENFILE',
		meaning: 'the system has too many files open',
		advice: 'the system has too many files open: close other programs, then retry',
	},
	'stale-mount': {errno: 'ESTALE', meaning: 'the mounted share went stale', advice: 'the mounted share went stale: unmount and mount it again, then retry'},
	// The server and the network (errno, NT_STATUS).
	'timed-out': {
		errno: 'ETIMEDOUT',
		meaning: c => `${c.host} did not answer`,
		advice:
			'the server or share did not answer in time: check that the server is on and that the network between you works (a mounted share: its mount), then retry',
	},
	'host-down': {
		errno: 'EHOSTDOWN',
		meaning: c => `${c.host} is down or unreachable`,
		advice: 'the server is down or unreachable: check it and the network, then retry',
	},
	unreachable: {errno: 'EHOSTUNREACH', meaning: c => `${c.host} cannot be reached`, advice: 'the server cannot be reached: check the network, then retry'},
	'connection-refused': {
		errno: 'ECONNREFUSED',
		meaning: c => `${c.host} refused the connection: nothing answers SMB there`,
		advice: 'nothing answers SMB at the server: check the name or address, that the server is on and its Server service runs, then retry (or resume)',
	},
	'connection-lost': {
		errno: 'ECONNABORTED',
		meaning: c => `the connection to ${c.host} was lost mid-operation`,
		advice: `the server or the network went away mid-operation: ${WENT_AWAY}`,
	},
	'dialect-refused': {
		errno: 'ECONNABORTED',
		meaning: c => `${c.host} dropped the connection while this client and it chose a dialect`,
		advice: NT1,
	},
	'name-not-found': {
		errno: 'ENOENT',
		meaning: c => `the name ${c.host} did not resolve to an address`,
		advice: c =>
			`check the name; or give the server's IPv4 address with --host, or add a line "ADDRESS ${c.host}" to Samba's lmhosts file (/etc/samba/lmhosts)`,
	},
	// SMB: what the server refused (NT_STATUS).
	'sharing-violation': {
		errno: 'EBUSY',
		meaning: 'another program has that file open on the server',
		advice:
			"another program has that file open on the server: close it, or find it in the server's Computer Management ▸ Shared Folders ▸ Open Files and close it there, then retry",
	},
	'file-locked': {
		errno: 'EBUSY',
		meaning: 'another program holds a lock on part of that file',
		advice:
			"another program holds a lock on that file on the server: close it, or find it in the server's Computer Management ▸ Shared Folders ▸ Open Files and close it there, then retry",
	},
	'read-only-share': {
		errno: 'EROFS',
		meaning: 'the share or its volume is read-only',
		advice: "the share or its volume is read-only: make it writable on the server (the share's permissions), then retry",
	},
	'write-denied': {
		errno: 'EACCES',
		meaning: c => `${c.host} refused to let this account write there`,
		advice: c =>
			`the share may be read-only, the file may have the read-only attribute, or the folder's permissions may not let this account write: check the share's and SYNCAGNT's permissions on ${c.host} (Explorer ▸ Properties ▸ Security, Server Manager ▸ Shared Directories); ADMIN$ is for the Administrators group of its domain only`,
	},
	'share-denied': {
		errno: 'ENOENT',
		meaning: c => `${c.host} has no ADMIN$ share for this account`,
		advice: c => `use an account of the Administrators group of ${c.host}'s domain: ADMIN$ is theirs only`,
	},
	'logon-failure': {
		errno: 'EACCES',
		meaning: c => `${c.host} refused the user name or password`,
		advice: c =>
			c.account?.typed === false
				? `check the username, password and domain lines in ${c.account.file}; ${NT1}`
				: `the password (or the user name or domain) typed may be wrong: go back (Esc) and type them again, or start again; ${NT1}`,
	},
	// The same account worked earlier in this run: not the client settings, and not a mistyped password.
	'logon-changed': {
		errno: 'EACCES',
		meaning: c => `${c.host} refused the user name or password it had accepted earlier`,
		advice: c =>
			c.account?.typed === false
				? `the account's password was changed, or the account was locked or disabled, since it was accepted earlier: check it in User Manager for Domains on ${c.host}, put its current password in ${c.account.file}, then run again (a run already begun goes on with --resume)`
				: `the account's password was changed, or the account was locked or disabled, since it was accepted earlier: check it in User Manager for Domains on ${c.host}, then start again, typing the current password (a run already begun goes on from its journal)`,
	},
	'account-refused': {
		errno: 'EACCES',
		meaning: c => `${c.host} refused the account`,
		advice: 'use another administrator account, or fix this one in User Manager for Domains',
	},
	'not-there': {errno: 'ENOENT', meaning: 'the folder or file is not where it was', advice: c => `look on ${c.host}: the folder or file is not where it was`},
	// The service controller (NET HELPMSG, Win32, WERR_).
	'service-running': {errno: 'EEXIST', meaning: 'the service is already running', advice: 'nothing to do: it is running'},
	'service-not-running': {errno: 'ENOENT', meaning: 'the service is not running', advice: 'nothing to do: it is already stopped'},
	'service-not-started-after-stop': {
		errno: 'EIO',
		meaning: 'NET says the service has not been started; NET HELPMSG 2184 after a stop can come from a stop that succeeded (KB Q171882)',
		advice: 'query the state (sc query MSSYNC) before anything else: STOPPED means the stop worked',
	},
	'service-missing': {
		errno: 'ENOENT',
		meaning: c => (c.host === DEFAULTS.host ? `there is no service named ${c.service} on that machine` : `there is no service named ${c.service} on ${c.host}`),
		advice: c =>
			c.host === DEFAULTS.host
				? 'check that DSMN is installed on this server: it runs only on the PDC of the domain'
				: 'check that DSMN is installed there: it runs only on the PDC',
	},
	'service-not-responding': {
		errno: 'ETIMEDOUT',
		meaning: 'the service did not answer the start or stop in time',
		advice:
			"query its state (sc query MSSYNC): it may still finish (Control Panel's Start and Stop cannot end a start or stop already under way); if it stays pending, restart the server",
	},
	'service-pending': {errno: 'EBUSY', meaning: 'the service is in the middle of starting or stopping', advice: 'wait a few seconds and try again'},
	'service-refused-stop': {
		errno: 'EBUSY',
		meaning: 'the service refused to stop',
		advice: 'wait a minute and try again; if it still refuses, stop it from Control Panel ▸ Services, then run again',
	},
	'service-could-not-start': {
		errno: 'EIO',
		meaning: 'Windows could not start the service',
		advice: "look in Event Viewer's System and Application logs for MSSYNC's reason",
	},
	'service-could-not-stop': {
		errno: 'EIO',
		meaning: 'Windows could not stop the service',
		advice: 'wait a minute and try again; if it still runs, stop it from Control Panel ▸ Services',
	},
	'service-stopped-at-once': {
		errno: 'EIO',
		meaning: 'the service started and then stopped at once',
		advice: "this usually means JET refused the database: look in Event Viewer's Application log for the Jet error, and check the files in SYNCAGNT",
	},
	'service-terminated': {
		errno: 'EIO',
		meaning: 'the service started and then stopped at once',
		advice: "look in the Event Viewer's Application log for MSSYNC's reason (a Jet error means the database or its logs); retry, or roll back",
	},
	'service-own-error': {
		errno: 'EIO',
		meaning: 'the service reported an error of its own',
		advice: "look in Event Viewer's Application log for MSSYNC's reason",
	},
	'service-disabled': {
		errno: 'EPERM',
		meaning: c => `${c.service} is disabled on ${c.host}`,
		advice: c => `set its startup to Automatic in Control Panel ▸ Services on ${c.host}, then retry`,
	},
	'service-timeout': {
		errno: 'ETIMEDOUT',
		meaning: c => `${c.service} did not answer ${c.host}'s service manager in time`,
		advice: c => `look at ${c.service} in Control Panel ▸ Services on ${c.host}, and in its Event Viewer`,
	},
	'services-denied': {
		errno: 'EACCES',
		meaning: c =>
			c.host === DEFAULTS.host
				? 'this account may not control services there'
				: c.verb === 'status'
					? `the account may not query ${c.service} on ${c.host}`
					: `the account may not ${c.verb ?? 'control'} ${c.service} on ${c.host}`,
		advice: c =>
			c.host === DEFAULTS.host
				? 'run as a member of the Administrators (or Server Operators) group of the domain'
				: `use an account of the Administrators group of ${c.host}'s domain`,
	},
	'service-start-refused': {
		errno: 'EACCES',
		meaning: c => `${c.host} refused to start ${c.service} and gave no reason but "access denied" (the account was allowed to open ${c.service} for starting)`,
		advice: c =>
			`start ${c.service} on ${c.host} itself (Control Panel ▸ Services) to see its own message, and look in its Event Viewer; then retry, or roll back`,
	},
	'service-control-refused': {
		errno: 'EACCES',
		meaning: c =>
			c.verb === 'stop'
				? `${c.host} refused to stop ${c.service} ("access denied"; the account was allowed to open ${c.service} for stopping)`
				: `${c.host} refused to report ${c.service}'s state ("access denied")`,
		advice: c =>
			`look at ${c.service} in Control Panel ▸ Services on ${c.host}, and in its Event Viewer; the account needs to be in the Administrators group of ${c.host}'s domain`,
	},
	'network-path-not-found': {
		errno: 'ENOENT',
		meaning: 'the server did not answer by that name',
		advice: 'check the name, that the server is on, and that SMB1 is allowed (see the README)',
	},
	'rpc-unavailable': {
		errno: 'ECONNREFUSED',
		meaning: 'the server did not answer',
		advice: 'check the name, that the server is on, and that the network between you works',
	},
	'dependency-failed': {
		errno: 'EIO',
		meaning: 'a service MSSYNC depends on did not start: MSSYNC depends on NwcWorkstation, Gateway Service for NetWare (KB Q154706)',
		advice:
			"start Gateway Service for NetWare first (net start NwcWorkstation, or Control Panel ▸ Services), read its own error in Event Viewer's System log if it fails, then start MSSYNC again",
	},
	'dependency-missing': {
		errno: 'ENOENT',
		meaning: 'NwcWorkstation, the Gateway Service for NetWare that MSSYNC depends on, is not installed: it was removed while DSMN was installed (KB Q154706)',
		advice: 'install Gateway Service for NetWare again (Control Panel ▸ Network ▸ Services), restart the server, then start MSSYNC',
	},
} satisfies Record<string, Entry>;

export type Cause = keyof typeof TABLE;

const DEFAULTS = {host: 'the server', service: 'MSSYNC'};

function text(value: Text, context: AdviceContext): string {
	return typeof value === 'string' ? value : value({...DEFAULTS, ...context});
}

/** What a cause means, for this context. */
export function meaningOf(cause: Cause, context: AdviceContext = {}): string {
	return text(TABLE[cause].meaning, context);
}

/** What the admin does about a cause, for this context. */
export function adviceOf(cause: Cause, context: AdviceContext = {}): string {
	return text(TABLE[cause].advice, context);
}

/** The errno-like code a run reasons with for a cause (EEXIST, ENOENT…). */
export function errnoOf(cause: Cause): string {
	return TABLE[cause].errno;
}

/** Advice for a cause not in the table: says so, naming what was reported, and sends the admin to the words shown. */
export function unknownCauseAdvice(code: string | undefined): string {
	const cause = code ? `the cause (${code}) is not one dsmn-resync knows` : 'the cause is not known';
	return `${cause}: read the message above, fix what it names, then retry (the failure screen says whether a roll back is possible)`;
}
