/**
 * How Samba's clients (net, smbclient) reach an NT 4.0 server: its name, the private authentication
 * file (`-A`, so no password is ever in argv), SMB1 allowed for these calls only, and a port when one
 * is set (a test server, a tunnel). The same for every call, so net and smbclient never disagree.
 */
import type {SambaContext} from './samba-output.js';

export type SambaConnection = {
	host: string;
	authFile: string;
	/** DSMN_RESYNC_SMB_PORT: a server listening elsewhere than 445/139 (a test server, an SSH tunnel). */
	port?: number;
	/** Where the account came from, for advice that fits (a typed password, or a file to check). */
	account: SambaContext['account'];
};

/** The options every call takes: -A AUTHFILE, SMB1 allowed, and -p PORT when set. */
export function connectionArgs(connection: SambaConnection): string[] {
	return ['-A', connection.authFile, '--option=client min protocol=NT1', ...(connection.port ? ['-p', String(connection.port)] : [])];
}

/** DSMN_RESYNC_SMB_PORT, checked: undefined when unset. */
export function smbPort(env: NodeJS.ProcessEnv): number | undefined {
	const value = env['DSMN_RESYNC_SMB_PORT'];
	if (value === undefined || value === '') return undefined;
	const port = Number(value);
	if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new RangeError(`DSMN_RESYNC_SMB_PORT must be a port number (1 to 65535), not "${value}"`);
	return port;
}
