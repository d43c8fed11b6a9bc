/**
 * Before a reconstruct changes anything (ARCHITECTURE.md, "The run and its journal"): a NetWare 4.x server is added back
 * to the domain only once Allow4X is set on the PDC and the NT server restarted (the claims table,
 * `netware-4x`). Deleting its WINNT_SYNC_AGENT first would leave it unmanaged with no way back, so where the
 * target reads Allow4X as not set (the lab's registry; a real PDC's, through net rpc registry or reg query) the
 * reconstruct is refused before its first step. Where the reading could not be made, the 4.x server's delete
 * step says so and why, and asks the admin to check by hand. Whether the NT server was restarted since the
 * value was set cannot be read anywhere: the advice says to restart, then run.
 * A server the target knows to run 4.x is 4.x whatever the answer: DSMN sees the server, not the answer.
 * Otherwise the answer given counts, then what the target knows, then 3.x.
 */
import type {Target} from '../targets/capabilities.js';
import {shellWord} from '../text/shell-word.js';
import {cite} from './claims.js';
import {ALLOW_4X_VALUE} from './reconstruct-texts.js';
import type {NetWareVersions} from './reconstruct-texts.js';

export type Allow4xRefusal = {servers: string[]; message: string; advice: string};

/** The servers' versions: 4.x where the target knows it, else the answer given, else what the target knows, else 3.x. */
export async function effectiveVersions(target: Target, servers: readonly string[], answered: NetWareVersions = {}): Promise<NetWareVersions> {
	const known = (await target.servers.netwareVersions?.()) ?? {};
	return Object.fromEntries(servers.map(s => [s, known[s] === '4.x' ? '4.x' : (answered[s] ?? known[s] ?? '3.x')] as const));
}

/** What the admin does when Allow4X is not set: on a real PDC by hand; in the lab, `lab allow4x` does both (printed as the lab's folder must be typed). */
export function allow4xAdvice(target: Pick<Target, 'kind' | 'location'>): string {
	return `on the PDC, set ${ALLOW_4X_VALUE}, restart the NT server (the tool cannot see whether it was restarted: restart it after setting the value), then begin the reconstruct again${target.kind === 'lab' ? `; in the lab, dsmn-resync lab allow4x ${shellWord(target.location)} does both` : ''}`;
}

/** Why a reconstruct of these servers must not begin on this target, or undefined (none is 4.x, Allow4X is set, or it could not be read). */
export async function allow4xRefusal(target: Target, servers: readonly string[], answered: NetWareVersions = {}): Promise<Allow4xRefusal | undefined> {
	const versions = await effectiveVersions(target, servers, answered);
	// DSMN decides on the server: one the target knows to run 3.x or 2.x is added back whatever was answered.
	const known = (await target.servers.netwareVersions?.()) ?? {};
	const fourX = servers.filter(s => (known[s] ?? versions[s]) === '4.x');
	if (fourX.length === 0) return undefined;
	const reading = await target.servers.allow4x?.();
	if (reading?.state !== 'unset') return undefined;
	const names = fourX.join(', ');
	const one = fourX.length === 1;
	return {
		servers: fourX,
		message: `${names} ${one ? 'runs' : 'run'} NetWare 4.x, and Allow4X is not set on the PDC (${reading.why}): DSMN would refuse to add ${one ? 'it' : 'them'} back ("${fourX[0]} is a Netware 4.X server. It cannot be added to the Domain.") after WINNT_SYNC_AGENT had been deleted (${cite('netware-4x')}). Nothing was changed.`,
		advice: allow4xAdvice(target),
	};
}
