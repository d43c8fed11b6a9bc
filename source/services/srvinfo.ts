/**
 * What `rpcclient -A AUTHFILE -c srvinfo HOST` (Samba's smbclient package) says about an NT server: its
 * OS version and server type, which tell whether a JET 200-format database can be used there (NT 3.51:
 * yes; NT 4.0: Jet 500 refuses it, ARCHITECTURE.md "Validation rules") and whether it is the PDC or a
 * BDC. The output, as a real smbd answered it (Samba 4.17):
 *
 *   \tNTPDCE909      Wk Sv PrQ Unx NT SNT Samba 4.17.12-Debian
 *   \tplatform_id     :\t500
 *   \tos version      :\t6.1
 *   \tserver type     :\t0x809a03
 *
 * The server type's bits are lmserver.h's `SV_TYPE_*`: `SV_TYPE_DOMAIN_CTRL` 0x8 (primary domain
 * controller), `SV_TYPE_DOMAIN_BAKCTRL` 0x10 (backup domain controller).
 */
export type ServerInfo = {
	/** "4.0", "3.51", "6.1" — as the server reports it. */
	osVersion: string;
	serverType: number;
	role: 'pdc' | 'bdc' | 'other';
};

const SV_TYPE_DOMAIN_CTRL = 0x8;
const SV_TYPE_DOMAIN_BAKCTRL = 0x10;

/** The server's facts, or undefined when the text is not srvinfo's answer. */
export function parseSrvinfo(text: string): ServerInfo | undefined {
	const version = /^\s*os version\s*:\s*(\d+\.\d+)\s*$/m.exec(text)?.[1];
	const type = /^\s*server type\s*:\s*0x([0-9a-f]+)\s*$/im.exec(text)?.[1];
	if (version === undefined || type === undefined) return undefined;
	const serverType = Number.parseInt(type, 16);
	const role = serverType & SV_TYPE_DOMAIN_CTRL ? 'pdc' : serverType & SV_TYPE_DOMAIN_BAKCTRL ? 'bdc' : 'other';
	return {osVersion: version, serverType, role};
}

/** The NT version the validator asks about, when the server is one of the two DSMN ran on. */
export function ntVersionOf(info: ServerInfo): '3.51' | '4.0' | undefined {
	if (info.osVersion === '4.0') return '4.0';
	if (info.osVersion === '3.51') return '3.51';
	return undefined;
}
