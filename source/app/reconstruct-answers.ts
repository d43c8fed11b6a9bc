/**
 * The reconstruct flow's answers, checked by the same rules whether the wizard asked them one screen at
 * a time or the command line gave them as flags (ARCHITECTURE.md, "The command line and the front ends").
 * Each front end says it in its own words: a screen's error line, or a usage error naming the flag.
 */
import type {NetWareServerInfo, Target} from '../targets/capabilities.js';

/** Where the passwords file must never be written: inside the practice lab, or in SYNCAGNT. */
function passwordsFileForbidden(target: Target): string[] {
	return target.kind === 'lab' ? [target.location] : [target.database.syncagnt];
}

/** Why the passwords file cannot go there, or undefined when it can. */
export async function passwordsFilePlaceProblem(target: Target, path: string): Promise<string | undefined> {
	// Loaded when asked: the passwords module brings execa, which the wizard's first frame does not need (ARCHITECTURE.md, "The command line and the front ends").
	const {passwordsFileProblem} = await import('../procedure/passwords.js');
	return passwordsFileProblem(path, passwordsFileForbidden(target));
}

/**
 * Why a server's bindery backup (NET$*.OLD) cannot be restored, or undefined when it can; undefined too
 * on a real server, where the admin restores it by hand with BINDREST and the tool cannot look.
 */
export async function binderyBackupProblem(target: Target, server: string): Promise<string | undefined> {
	const ops = target.servers.reconstruct;
	if (!ops) return undefined;
	const check = await ops.checkBinderyBackup(server);
	return check.ok ? undefined : `${server}'s bindery backup cannot be used: ${check.problems.join('; ')}`;
}

/** The servers a reconstruct takes when none are named: those with a red X. */
export function redServers(servers: readonly NetWareServerInfo[]): string[] {
	return servers.filter(s => !s.synchronized).map(s => s.name);
}

/** The named servers the domain does not manage (names compared as NetWare writes them, in capitals). */
export function unmanagedServers(named: readonly string[], servers: readonly NetWareServerInfo[]): string[] {
	const managed = new Set(servers.map(s => s.name.toUpperCase()));
	return named.filter(name => !managed.has(name.toUpperCase()));
}
