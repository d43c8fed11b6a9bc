/**
 * The NT version an NT server reports through `rpcclient -A AUTHFILE -c srvinfo HOST` (Samba's smbclient
 * package): its "os version" line says whether a JET 200-format database can be used there (NT 3.51: yes;
 * NT 4.0: Jet 500 refuses it, ARCHITECTURE.md "Validation rules"). The answer is parsed once, by
 * `server-role.ts` (`parseSrvinfo`, which also says PDC or BDC); here only what its version means.
 *
 * A real smbd (Samba 4.17) answers, for example:
 *
 *   \tNTPDCE909      Wk Sv PrQ Unx NT SNT Samba 4.17.12-Debian
 *   \tplatform_id     :\t500
 *   \tos version      :\t6.1
 *   \tserver type     :\t0x809a03
 */
import type {ServerInfo} from './server-role.js';

export {parseSrvinfo, type ServerInfo} from './server-role.js';

/** The NT version the validator asks about, when the server is one of the two DSMN ran on; undefined for any other. */
export function ntVersionOf(info: ServerInfo): '3.51' | '4.0' | undefined {
	if (info.osVersion === '4.0') return '4.0';
	if (info.osVersion === '3.51') return '3.51';
	return undefined;
}
