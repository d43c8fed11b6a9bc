/**
 * The one-line answers the wizard asks for a real target: the server's name, the account to reach it
 * with, and the NetWare servers' names. Pure: what each asks, and
 * what makes an answer unusable.
 */
import {hostNameProblem} from '../targets/real/host-name.js';

export type FieldName = 'host' | 'username' | 'domain' | 'password' | 'servers';

export type FieldSpec = {
	question: string;
	hint: string;
	/** Never drawn: only its length is, as dots. */
	secret: boolean;
	/** Tab completes a path. */
	completes: boolean;
};

export const FIELDS: Record<FieldName, FieldSpec> = {
	host: {
		question: 'The NT server running DSMN (its NetBIOS name or IPv4 address)',
		hint: 'for example NTPDC1 · Enter',
		secret: false,
		completes: false,
	},
	username: {
		question: 'An administrator account on that server (user name)',
		hint: 'It goes only into a private temporary file for Samba (mode 0600), removed when you leave · Enter',
		secret: false,
		completes: false,
	},
	domain: {
		question: "The account's domain",
		hint: "Enter alone for the server's own accounts",
		secret: false,
		completes: false,
	},
	password: {
		question: "The account's password",
		hint: 'Not shown, not journaled, never on a command line · Enter',
		secret: true,
		completes: false,
	},
	servers: {
		question: 'Which NetWare servers do you want to reconstruct? (names, separated by commas)',
		hint: 'As Synchronization Manager lists them, for example FS1, FS2 · Enter',
		secret: false,
		completes: false,
	},
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why this answer cannot be used, or undefined when it can. */
export function fieldProblem(field: FieldName, value: string): string | undefined {
	if (CONTROL.test(value)) return 'it cannot hold control characters or line breaks';
	switch (field) {
		case 'host':
			return hostNameProblem(value.trim());
		case 'username':
			return value.trim() === ''
				? 'type the account name'
				: /[\\@]/.test(value)
					? 'give the domain on the next line, not as DOMAIN\\user or user@domain'
					: undefined;
		case 'domain':
			return value.trim() !== '' && hostNameProblem(value.trim()) ? 'a domain name has at most 15 characters, without spaces or \\ / : * ? " < > |' : undefined;
		case 'password':
			return value === '' ? 'type the password' : undefined;
		case 'servers': {
			const names = serverNames(value);
			if (names.length === 0) return 'name at least one server';
			const bad = names.find(name => !NETWARE_NAME.test(name));
			return bad === undefined ? undefined : `"${bad}" is not a NetWare server name (2 to 47 letters, digits, - or _)`;
		}
	}
}

const NETWARE_NAME = /^[A-Z0-9_-]{2,47}$/;

/** "fs1, FS2 fs3" → ["FS1", "FS2", "FS3"], each once. */
export function serverNames(value: string): string[] {
	return [
		...new Set(
			value
				.split(/[\s,;]+/)
				.filter(Boolean)
				.map(name => name.toUpperCase()),
		),
	];
}
