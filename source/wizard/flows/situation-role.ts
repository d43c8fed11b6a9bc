/**
 * What the server says of its own role, checked against the PDC answer (ARCHITECTURE.md, "The wizard"):
 * DSMN runs only on the PDC, so neither the restore (KB Q148678) nor the restore onto a new PDC (KB
 * Q154761) is begun on a server that reports itself as a BDC. The server can tell a PDC from a BDC (its
 * srvinfo, `services/server-role.ts`), never whether it ran DSMN all along: that stays the admin's
 * answer, and a PDC fits both (a BDC promoted after the PDC was lost is the PDC now).
 */
import {EXIT} from '../../errors/exit-codes.js';
import {cite} from '../../procedure/claims.js';
import type {PdcSituation} from '../../procedure/new-pdc.js';
import {roleAdvice, type ServerInfo} from '../../services/server-role.js';
import type {Target} from '../../targets/capabilities.js';
import type {Summary} from '../summary.js';

/** What the server said of itself, where the target can ask it (the lab, or rpcclient from Linux); undefined where it cannot or did not answer. */
export async function learnRole(target: Pick<Target, 'serverVersion'>): Promise<ServerInfo | undefined> {
	const learned = await target.serverVersion?.learn().catch(() => undefined);
	return learned?.info;
}

/** The PDC question's lines: what the server said, and what that means for the answer. */
export function roleLines(role: ServerInfo | undefined): string[] {
	if (!role) return ['The tool cannot ask this server its role from here: your answer decides.'];
	if (role.role === 'pdc')
		return [roleAdvice(role), 'Either answer fits a PDC: a BDC promoted after the PDC was lost is the PDC now. Only you know which this one is.'];
	if (role.role === 'bdc') return [roleAdvice(role), 'Nothing is restored on a BDC: answer, and the tool says what to do first.'];
	return [roleAdvice(role)];
}

/** The end for a server that reports itself as a BDC: nothing was changed, what to do for either answer, and Esc to change it. */
export function bdcRefusal(role: ServerInfo, pdc: PdcSituation, again: string): Summary {
	const promote = `Promote this BDC to PDC in Server Manager (Computer ▸ Promote to Primary Domain Controller), install DSMN on it if that is not done, then start again (${again}) and answer that the PDC was lost (${cite('new-pdc')}).`;
	const onPdc = `Run the tool on the PDC that ran DSMN instead (--host with its name): its database is the one to restore.`;
	return {
		name: 'summary',
		title: 'This server is a BDC: nothing was changed',
		ok: false,
		exit: EXIT.failed,
		lines: [
			`It reports itself as a BDC (server type 0x${role.serverType.toString(16)}, rpcclient srvinfo). DSMN runs only on the PDC, so its database is restored there, never on a BDC (${cite('new-pdc')}).`,
			...(pdc === 'new' ? [`What to do: ${promote}`] : [`What to do: ${onPdc}`, `If that PDC was lost: ${promote}`]),
			'Esc goes back to change an answer.',
		],
		back: true,
	};
}
