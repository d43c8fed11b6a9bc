/** The server's NT version (ARCHITECTURE.md, "Targets"): asked of the server, else what the admin said; checked against a real smbd. */
import {mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {realTarget} from '../../source/targets/real/real-target.js';
import {askSrvinfo, knownNtVersion, ServerVersionSource, thisMachineVersion} from '../../source/targets/server-version.js';
import {tempDir} from '../helpers/run-cli.js';
import {sambaReason, startSambaServer, type SambaServer} from '../helpers/samba-server.js';

const node = (script: string) => ({file: process.execPath, prefix: ['-e', script, '--'], display: 'rpcclient'});
const answers = (version: string) =>
	node(`process.stdout.write("\\tNTPDC  Wk Sv PDC NT\\n\\tplatform_id     :\\t500\\n\\tos version      :\\t${version}\\n\\tserver type     :\\t0x100b\\n")`);

describe('ServerVersionSource', () => {
	it("the server's answer is used, and wins over what was given", async () => {
		const asked = await askSrvinfo(answers('4.0'), [], 'NTPDC', 10_000);
		expect(asked).toMatchObject({nt: '4.0', how: 'the server reports Windows NT 4.0 (rpcclient srvinfo)', info: {role: 'pdc'}});
		const source = new ServerVersionSource(async () => asked, '3.51');
		expect(await source.learn()).toMatchObject({nt: '4.0', how: 'the server reports Windows NT 4.0 (rpcclient srvinfo); the NT 3.51 you gave is not used'});
	});

	it("where the server cannot tell, --nt is used and the reason stays; the wizard's answer comes before --nt", async () => {
		const refused = node('process.stderr.write("Cannot connect to server.  Error was NT_STATUS_LOGON_FAILURE\\n"); process.exit(1)');
		const asked = await askSrvinfo(refused, [], 'NTPDC', 10_000);
		expect(asked).toEqual({
			nt: undefined,
			how: 'the server did not say its version (rpcclient srvinfo: Cannot connect to server.  Error was NT_STATUS_LOGON_FAILURE)',
		});
		const source = new ServerVersionSource(async () => asked, '4.0');
		expect((await source.learn()).nt).toBe('4.0');
		expect((await source.learn()).how).toMatch(/^--nt 4\.0 \(the server did not say its version/);
		source.answer('3.51');
		expect(await source.learn()).toMatchObject({nt: '3.51', how: expect.stringMatching(/^your answer \(/)});
		expect(await knownNtVersion({serverVersion: new ServerVersionSource('from Windows the tool does not ask the server its version')})).toBeUndefined();
		expect(await knownNtVersion({})).toBeUndefined();
	});

	it('a server that is neither NT 3.51 nor NT 4.0, a program that is missing: not known, and said why', async () => {
		expect(await askSrvinfo(answers('5.0'), [], 'NTPDC', 10_000)).toMatchObject({
			nt: undefined,
			how: 'the server reports OS version 5.0, neither NT 3.51 nor NT 4.0 (rpcclient srvinfo)',
		});
		const missing = await askSrvinfo({file: '/nonexistent/rpcclient', prefix: [], display: 'rpcclient'}, [], 'NTPDC', 10_000);
		expect(missing.nt).toBeUndefined();
		expect(missing.how).toMatch(/^the server could not be asked: rpcclient -c srvinfo NTPDC could not be run/);
	});

	it("this machine (--target windows): only a machine that reports 3.51 or 4.0 tells; Node 20's Windows does not", () => {
		expect(thisMachineVersion('4.0').nt).toBe('4.0');
		expect(thisMachineVersion('10.0.20348')).toEqual({
			nt: undefined,
			how: "this machine runs Windows 10.0.20348, not the NT 3.51 or 4.0 DSMN runs on, so it cannot tell the server's version",
		});
	});
});

describe("the lab's server (lab create --nt)", {timeout: 60_000}, () => {
	it('answers srvinfo with the version it was made with, NT 4.0 by default, through the same parser', async () => {
		const root = await tempDir();
		for (const nt of [undefined, '3.51', '4.0'] as const) {
			const dir = join(root, nt ?? 'default');
			await mkdir(dir);
			await createLab(dir, {...LAB_DEFAULTS, pace: 0, ...(nt ? {nt} : {})});
			const version = await labTarget(dir).serverVersion!.learn();
			expect(version).toMatchObject({nt: nt ?? '4.0', how: `the server reports Windows NT ${nt ?? '4.0'} (rpcclient srvinfo)`, info: {role: 'pdc'}});
		}
	});
});

const {skip} = sambaReason();

describe.skipIf(skip)('a remote target asks a real smbd', {timeout: 120_000}, () => {
	let server: SambaServer;
	beforeAll(async () => {
		server = await startSambaServer();
	}, 120_000);
	afterAll(async () => server?.stop());

	it('with rpcclient -A AUTHFILE -c srvinfo: Samba reports 6.1, so --nt decides; a refused logon is said as such', async () => {
		const env = {...process.env, ...server.env};
		const target = await realTarget({kind: 'remote', host: server.name, credentialsFile: server.auth.admin, nt: '4.0'}, env, 'linux');
		const version = await target.serverVersion!.learn();
		expect(version.nt).toBe('4.0');
		expect(version.how).toMatch(/^--nt 4\.0 \(the server reports OS version \d+\.\d+, neither NT 3\.51 nor NT 4\.0 \(rpcclient srvinfo\)\)$/);
		expect(version.info).toMatchObject({role: 'neither', platformId: 500});

		const refused = await realTarget({kind: 'remote', host: server.name, credentialsFile: server.auth.wrongPassword}, env, 'linux');
		const unknown = await refused.serverVersion!.learn();
		expect(unknown.nt).toBeUndefined();
		expect(unknown.how).toMatch(/^the server did not say its version \(rpcclient srvinfo: .*NT_STATUS_LOGON_FAILURE/);
	});
});
