/** The gateway check (NwcWorkstation, which MSSYNC depends on) on the real targets: which service is queried, and a real smbd's answers. */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {gatewayServiceName} from '../../../source/targets/real/gateway-name.js';
import {realTarget} from '../../../source/targets/real/real-target.js';
import {preflight} from '../../../source/targets/preflight.js';
import {sambaReason, startSambaServer, type SambaServer} from '../../helpers/samba-server.js';

describe('the gateway service a real target queries', () => {
	it('NwcWorkstation for MSSYNC; none for a stand-in of MSSYNC unless named; DSMN_RESYNC_GATEWAY names another, or none when empty', () => {
		expect(gatewayServiceName({}, 'MSSYNC')).toBe('NwcWorkstation');
		expect(gatewayServiceName({}, 'Spooler')).toBeUndefined();
		expect(gatewayServiceName({DSMN_RESYNC_GATEWAY: 'Spooler'}, 'Spooler')).toBe('Spooler');
		expect(gatewayServiceName({DSMN_RESYNC_GATEWAY: ''}, 'MSSYNC')).toBeUndefined();
		expect(() => gatewayServiceName({DSMN_RESYNC_GATEWAY: 'a b'}, 'MSSYNC')).toThrow(/is not a service name/);
	});

	it('this machine and a remote server reached with sc \\\\HOST both have it', async () => {
		const windows = await realTarget({kind: 'windows'}, {SystemRoot: 'C:\\WINNT'}, 'win32');
		expect(windows.gateway?.serviceName).toBe('NwcWorkstation');
		expect(windows.gateway?.describe('query')).toBe('sc query NwcWorkstation');
		const remote = await realTarget({kind: 'remote', host: 'NTPDC1'}, {}, 'win32');
		expect(remote.gateway?.describe('query')).toBe('sc \\\\NTPDC1 query NwcWorkstation');
	});
});

const {skip} = sambaReason();
describe.skipIf(skip)('the gateway check against a real smbd (net rpc service status)', () => {
	let server: SambaServer;
	beforeAll(async () => {
		server = await startSambaServer();
	}, 120_000);
	afterAll(async () => {
		await server?.stop();
	});

	const target = (gateway: string) =>
		realTarget({kind: 'remote', host: server.name, credentialsFile: server.auth.admin}, {...process.env, ...server.env, DSMN_RESYNC_GATEWAY: gateway}, 'linux');

	it('a service the server has (Spooler standing in) answers RUNNING: the check passes', {timeout: 60_000}, async () => {
		const checks = await preflight(await target('Spooler'));
		expect(checks.find(c => c.name === 'gateway')).toMatchObject({ok: true, detail: expect.stringMatching(/Spooler .* answers: RUNNING/)});
	});

	it('NwcWorkstation, which Samba does not have: "not installed, and MSSYNC depends on it", refused', {timeout: 60_000}, async () => {
		const checks = await preflight(await target('NwcWorkstation'));
		expect(checks.find(c => c.name === 'gateway')).toMatchObject({
			ok: false,
			detail: expect.stringMatching(/NwcWorkstation \(Gateway Service for NetWare\) is not installed, and MSSYNC depends on it/),
		});
	});
});
