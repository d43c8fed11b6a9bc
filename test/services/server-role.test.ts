/** PDC or BDC from `rpcclient -c srvinfo`: the parser, checked against a real smbd's answer. */
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parseSrvinfo, roleAdvice} from '../../source/services/server-role.js';
import {sambaReason, startSambaServer, type SambaServer} from '../helpers/samba-server.js';

/** What NT 4.0 answers, in the layout rpcclient prints (a PDC: workstation, server, domain controller, NT). */
const NT4_PDC = '\tNTPDC          Wk Sv PDC Tim NT \n\tplatform_id     :\t500\n\tos version      :\t4.0\n\tserver type     :\t0x1102b\n';
const NT4_BDC = '\tNTBDC          Wk Sv BDC Tim NT \n\tplatform_id     :\t500\n\tos version      :\t4.0\n\tserver type     :\t0x1113\n';

describe('parseSrvinfo', () => {
	it('a PDC (SV_TYPE_DOMAIN_CTRL, 0x8) and a BDC (SV_TYPE_DOMAIN_BAKCTRL, 0x10)', () => {
		expect(parseSrvinfo(NT4_PDC)).toEqual({role: 'pdc', serverType: 0x1102b, osVersion: '4.0', platformId: 500});
		expect(parseSrvinfo(NT4_BDC)).toMatchObject({role: 'bdc', serverType: 0x1113});
		expect(roleAdvice(parseSrvinfo(NT4_BDC)!)).toMatch(/DSMN runs only on the PDC\. Promote it to PDC/);
	});

	it("Samba 4.17's real answers in each role (test/fixtures/samba): standalone neither, classic PDC a PDC, classic BDC a BDC", () => {
		const text = readFileSync(new URL('../fixtures/samba/rpcclient-srvinfo-roles.txt', import.meta.url), 'utf8');
		const answers = Object.fromEntries(
			text
				.split(/^### /m)
				.slice(1)
				.map(part => [part.slice(0, part.indexOf('\n')).trim(), parseSrvinfo(part.slice(part.indexOf('\n')))]),
		);
		expect(answers).toEqual({
			standalone: {role: 'neither', serverType: 0x809a03, osVersion: '6.1', platformId: 500},
			'classic-pdc': {role: 'pdc', serverType: 0x809a0b, osVersion: '6.1', platformId: 500},
			'classic-bdc': {role: 'bdc', serverType: 0x809a13, osVersion: '6.1', platformId: 500},
		});
		expect(roleAdvice(answers['classic-bdc']!)).toBe(
			'This server reports itself as a BDC (server type 0x809a13): DSMN runs only on the PDC. Promote it to PDC in Server Manager first if the PDC was lost, or point the tool at the PDC.',
		);
	});

	it('no server type line: no answer, never a guess', () => {
		expect(parseSrvinfo('Cannot connect to server.  Error was NT_STATUS_LOGON_FAILURE\n')).toBeUndefined();
	});
});

const {skip} = sambaReason();
describe.skipIf(skip)("a real smbd's srvinfo", () => {
	let server: SambaServer;
	beforeAll(async () => {
		server = await startSambaServer();
	}, 120_000);
	afterAll(async () => {
		await server?.stop();
	});

	it('parses, and a standalone Samba server is neither PDC nor BDC', () => {
		const run = spawnSync('rpcclient', ['-p', String(server.port), '-A', server.auth.admin, '-c', 'srvinfo', '127.0.0.1'], {encoding: 'utf8', timeout: 30_000});
		expect(run.status, run.stderr).toBe(0);
		const info = parseSrvinfo(run.stdout);
		expect(info, run.stdout).toBeDefined();
		expect(info!.role).toBe('neither');
		expect(info!.platformId).toBe(500);
	});
});
