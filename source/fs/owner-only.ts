/**
 * Makes a file readable by its owner alone, and says truthfully what was done. On POSIX that is mode 0600.
 * On Windows chmod only sets the read-only flag, so the file gets an access list granting the current user
 * alone (icacls FILE /inheritance:r /grant:r "%USERNAME%:F"), read back with icacls to confirm it.
 */
import {chmod} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';
import {safeText} from '../text/sanitize.js';

export type OwnerOnly = {
	/** Whether only the owner can read the file now, as confirmed. */
	restricted: boolean;
	/** What was done or found, for the admin: "mode 0600", or why it could not be restricted. */
	note: string;
	/** When not restricted: what the admin should do. */
	advice?: string;
};

export type IcaclsRun = (args: readonly string[]) => Promise<{exitCode: number; output: string}>;

export type OwnerOnlyOptions = {platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv; icacls?: IcaclsRun};

/** icacls.exe from the system folder (never from PATH), run without a shell, arguments as an array. */
function systemIcacls(env: NodeJS.ProcessEnv = process.env): IcaclsRun {
	const file = path.win32.join(env['SystemRoot'] ?? env['SYSTEMROOT'] ?? 'C:\\Windows', 'System32', 'icacls.exe');
	return async args => {
		const result = await execa(file, [...args], {reject: false, stdin: 'ignore', all: true, windowsHide: true, timeout: 30_000});
		if (result.exitCode === undefined) return {exitCode: -1, output: result.shortMessage ?? `${file} could not be run`};
		return {exitCode: result.exitCode, output: String(result.all ?? '')};
	};
}

export type AccessEntry = {principal: string; rights: string};

/**
 * icacls FILE's listing: "FILE DOMAIN\user:(F)", one more entry per indented line, a blank line, then
 * "Successfully processed 1 files; …". Only lines that read as entries count.
 */
export function parseIcaclsListing(output: string, file: string): AccessEntry[] {
	const entries: AccessEntry[] = [];
	for (const raw of output.split(/\r?\n/)) {
		if (raw.trim() === '') {
			if (entries.length) break;
			continue;
		}
		const line = (raw.toLowerCase().startsWith(file.toLowerCase()) ? raw.slice(file.length) : raw).trim();
		const entry = /^(.+?):((?:\([A-Z,]+\))+)$/.exec(line);
		if (entry) entries.push({principal: entry[1]!, rights: entry[2]!});
	}
	return entries;
}

function words(output: string): string {
	const text = safeText(
		output
			.split(/\r?\n/)
			.map(l => l.trim())
			.filter(Boolean)
			.join(' / '),
	);
	return text ? `"${text.length > 300 ? `${text.slice(0, 300)}…` : text}"` : 'nothing';
}

export async function restrictToOwner(file: string, options: OwnerOnlyOptions = {}): Promise<OwnerOnly> {
	const platform = options.platform ?? process.platform;
	if (platform !== 'win32') {
		await chmod(file, 0o600);
		return {restricted: true, note: 'mode 0600'};
	}
	const env = options.env ?? process.env;
	const user = env['USERNAME'];
	const advice = `before anyone else can read it, restrict it yourself in a console: icacls "${file}" /inheritance:r /grant:r "%USERNAME%:F" — or move it into a folder only you can read`;
	const notRestricted = (why: string): OwnerOnly => ({restricted: false, note: `NOT restricted to you: ${why}`, advice});
	if (!user) return notRestricted('USERNAME is not set, so icacls cannot name you');
	const icacls = options.icacls ?? systemIcacls(env);
	const grant = await icacls([file, '/inheritance:r', '/grant:r', `${user}:F`]);
	if (grant.exitCode !== 0) return notRestricted(`icacls failed (exit code ${grant.exitCode}) and said ${words(grant.output)}`);
	const listing = await icacls([file]);
	const entries = listing.exitCode === 0 ? parseIcaclsListing(listing.output, file) : [];
	if (entries.length === 0) {
		return notRestricted(
			`icacls reported success, but its listing of the file's access (exit code ${listing.exitCode}) said ${words(listing.output)}, so the restriction could not be confirmed`,
		);
	}
	const others = entries.filter(e => (e.principal.split('\\').at(-1) ?? '').toLowerCase() !== user.toLowerCase() || e.rights.includes('(I)'));
	if (others.length) return notRestricted(`its access list still lets ${others.map(e => safeText(`${e.principal}:${e.rights}`)).join(', ')} in`);
	return {restricted: true, note: `an access list granting only ${safeText(entries.map(e => e.principal).join(', '))}, set with icacls`};
}
