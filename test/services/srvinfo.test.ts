import {spawnSync} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ntVersionOf, parseSrvinfo} from '../../source/services/srvinfo.js';
import {sambaReason, startSambaServer, type SambaServer} from '../helpers/samba-server.js';

describe("rpcclient's srvinfo", () => {
	it.each([
		['4.0', 0x900b, 'pdc', '4.0'],
		['4.0', 0x9013, 'bdc', '4.0'],
		['3.51', 0x900b, 'pdc', '3.51'],
		['5.0', 0x9003, 'neither', undefined],
	] as const)('os version %s, server type %i: role %s, NT %s', (version, type, role, nt) => {
		const text = `\tNTPDC          Wk Sv NT PDC\n\tplatform_id     :\t500\n\tos version      :\t${version}\n\tserver type     :\t0x${type.toString(16)}\n`;
		const info = parseSrvinfo(text)!;
		expect(info).toEqual({osVersion: version, serverType: type, role, platformId: 500});
		expect(ntVersionOf(info)).toBe(nt);
	});

	it('is undefined for anything else (a refused logon)', () => {
		expect(parseSrvinfo('Cannot connect to server.  Error was NT_STATUS_LOGON_FAILURE\n')).toBeUndefined();
	});
});

const {skip} = sambaReason();

describe.skipIf(skip)('srvinfo from a real smbd', {timeout: 60_000}, () => {
	let server: SambaServer;
	beforeAll(async () => {
		server = await startSambaServer();
	}, 60_000);
	afterAll(async () => server?.stop());

	it('is read as the real rpcclient prints it (Samba: os version 6.1, neither PDC nor BDC), with the query-only account too', () => {
		for (const auth of [server.auth.admin, server.auth.operator]) {
			const result = spawnSync('rpcclient', ['-A', auth, '-p', String(server.port), '-c', 'srvinfo', server.name], {encoding: 'utf8'});
			expect(result.status).toBe(0);
			const info = parseSrvinfo(result.stdout);
			expect(info).toMatchObject({osVersion: expect.stringMatching(/^\d+\.\d+$/), role: 'neither'});
			expect(ntVersionOf(info!)).toBeUndefined();
		}
	});
});
