/**
 * A NetWare server's version as the reconstruct distinguishes them (2.x, 3.x, 4.x), and the `--netware`
 * answer that names them. A module of its own, importing nothing, so that the argument parser reads it
 * without the reconstruct's texts and their claims table (ARCHITECTURE.md, "The command line and the front
 * ends": a usage error loads only what it prints).
 */
export type NetWareVersion = '2.x' | '3.x' | '4.x';

export const NETWARE_VERSIONS: readonly NetWareVersion[] = ['2.x', '3.x', '4.x'];

/** `FS1=3.x,FS2=4.x` (the `--netware` answer) as versions by server, or the reason it cannot be read. */
export function parseNetWareVersions(text: string): {ok: true; versions: Record<string, NetWareVersion>} | {ok: false; reason: string} {
	const versions: Record<string, NetWareVersion> = {};
	for (const part of text
		.split(',')
		.map(p => p.trim())
		.filter(Boolean)) {
		const match = /^([^=\s]+)=(\d)\.x$/i.exec(part);
		const version = match ? (`${match[2]}.x` as NetWareVersion) : undefined;
		if (!match || !version || !NETWARE_VERSIONS.includes(version))
			return {ok: false, reason: `"${part}" is not SERVER=VERSION with a version of ${NETWARE_VERSIONS.join(', ')} (for example FS1=3.x,FS2=4.x)`};
		versions[match[1]!.toUpperCase()] = version;
	}
	return {ok: true, versions};
}
