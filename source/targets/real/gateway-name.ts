/**
 * The service MSSYNC depends on, which the preflight queries on a real server: NwcWorkstation, the
 * Gateway Service for NetWare (ARCHITECTURE.md, "Targets"). DSMN_RESYNC_GATEWAY names another (a
 * rehearsal server's stand-in) or, empty, none; when DSMN_RESYNC_SERVICE names a stand-in for MSSYNC, the
 * stand-in has no such dependency, so no gateway is queried unless DSMN_RESYNC_GATEWAY names one.
 */
import {UsageError} from '../../errors/hinted-error.js';

export const GATEWAY_SERVICE = 'NwcWorkstation';

/** The gateway's service name, or undefined when none is to be queried. */
export function gatewayServiceName(env: NodeJS.ProcessEnv, serviceName: string): string | undefined {
	const named = env['DSMN_RESYNC_GATEWAY'];
	if (named === undefined) return serviceName.toUpperCase() === 'MSSYNC' ? GATEWAY_SERVICE : undefined;
	if (named === '') return undefined;
	if (!/^[\w$.-]{1,256}$/.test(named))
		throw new UsageError(`DSMN_RESYNC_GATEWAY ${JSON.stringify(named)} is not a service name`, `leave it unset for ${GATEWAY_SERVICE}`);
	return named;
}
