/**
 * The lab's answer to `rpcclient -c srvinfo`: the server's name, platform, NT version (`lab create --nt`,
 * NT 4.0 when not given) and server type (a PDC, or a BDC with `--role bdc`), in the layout rpcclient prints, so that the lab target reads it
 * with the same parser as a real server's (`services/srvinfo.ts`; ARCHITECTURE.md, "The lab").
 */
import type {CommandOutput} from '../services/parse-service-output.js';
import {SV_TYPE_DOMAIN_BAKCTRL, SV_TYPE_DOMAIN_CTRL} from '../services/server-role.js';
import {loadLab} from './state.js';

/** lmserver.h: a workstation and a server, running Windows NT. */
const SV_TYPE_WORKSTATION = 0x1;
const SV_TYPE_SERVER = 0x2;
const SV_TYPE_NT = 0x1000;

export async function labSrvinfo(dir: string, args: readonly string[]): Promise<CommandOutput> {
	const command = args[args.indexOf('-c') + 1];
	if (!args.includes('-c') || command !== 'srvinfo') return {exitCode: 1, stdout: '', stderr: `the lab's rpcclient answers only -c srvinfo\n`};
	const state = await loadLab(dir);
	const bdc = state.role === 'bdc';
	const type = SV_TYPE_WORKSTATION | SV_TYPE_SERVER | (bdc ? SV_TYPE_DOMAIN_BAKCTRL : SV_TYPE_DOMAIN_CTRL) | SV_TYPE_NT;
	const name = state.pdc.padEnd(15);
	const stdout = `\t${name}Wk Sv ${bdc ? 'BDC' : 'PDC'} NT \n\tplatform_id     :\t500\n\tos version      :\t${state.nt ?? '4.0'}\n\tserver type     :\t0x${type.toString(16)}\n`;
	return {exitCode: 0, stdout, stderr: ''};
}
