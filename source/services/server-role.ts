/**
 * Which role an NT server plays in its domain, from `rpcclient -c srvinfo`'s "server type" (the SV_TYPE_*
 * bits of NetServerGetInfo): 0x8 a primary domain controller, 0x10 a backup one. DSMN runs only on the
 * PDC; after the PDC was lost, a BDC is promoted and becomes the one (ARCHITECTURE.md, "Targets").
 */
export type ServerRole = 'pdc' | 'bdc' | 'neither';

export const SV_TYPE_DOMAIN_CTRL = 0x0000_0008;
export const SV_TYPE_DOMAIN_BAKCTRL = 0x0000_0010;

export type ServerInfo = {role: ServerRole; serverType: number; osVersion?: string; platformId?: number};

/** The srvinfo answer, or undefined when the text holds no "server type" line (an error, another program). */
export function parseSrvinfo(text: string): ServerInfo | undefined {
	const type = /^\s*server type\s*:\s*0x([0-9a-f]+)\s*$/im.exec(text);
	if (!type) return undefined;
	const serverType = parseInt(type[1]!, 16);
	const os = /^\s*os version\s*:\s*(\S+)\s*$/im.exec(text);
	const platform = /^\s*platform_id\s*:\s*(\d+)\s*$/im.exec(text);
	const role: ServerRole = serverType & SV_TYPE_DOMAIN_CTRL ? 'pdc' : serverType & SV_TYPE_DOMAIN_BAKCTRL ? 'bdc' : 'neither';
	return {role, serverType, ...(os ? {osVersion: os[1]!} : {}), ...(platform ? {platformId: Number(platform[1])} : {})};
}

/** What the role means for the recovery, in one sentence. */
export function roleAdvice(info: ServerInfo): string {
	switch (info.role) {
		case 'pdc':
			return `This server reports itself as the domain's PDC (server type 0x${info.serverType.toString(16)}): DSMN runs here.`;
		case 'bdc':
			return `This server reports itself as a BDC (server type 0x${info.serverType.toString(16)}): DSMN runs only on the PDC. Promote it to PDC in Server Manager first if the PDC was lost, or point the tool at the PDC.`;
		default:
			return `This server reports no domain controller role (server type 0x${info.serverType.toString(16)}): DSMN needs the domain's PDC.`;
	}
}
