/**
 * Allow4X read from a real server's registry (`net rpc registry getvalue` against a real smbd on 127.0.0.1,
 * test/helpers/samba-server.ts), and what a reconstruct with a NetWare 4.x server does with it: not set →
 * refused before anything changes, as in the lab; set → it proceeds, FS2's delete step saying what was read
 * and that the restart cannot be; not readable (an account without the rights) → it proceeds, the delete
 * step saying the check could not be made and why, in net's own words.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {allow4xRefusal} from '../../../source/procedure/allow4x-check.js';
import {ReconstructRun} from '../../../source/procedure/reconstruct-run.js';
import {realTarget} from '../../../source/targets/real/real-target.js';
import {readAllow4xWithNet} from '../../../source/targets/real/allow4x-registry.js';
import {hashFolder} from '../../helpers/hash-folder.js';
import {runCli} from '../../helpers/run-cli.js';
import {sambaReason, setAllow4x, startSambaServer, type SambaServer} from '../../helpers/samba-server.js';

const {skip} = sambaReason();

let server: SambaServer | undefined;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

function target(s: SambaServer, auth = s.auth.admin) {
	return realTarget({kind: 'remote', host: s.name, credentialsFile: auth, select: ['FS1', 'FS2']}, {...process.env, ...s.env}, 'linux');
}

function reconstruct(s: SambaServer, extra: string[] = []) {
	return runCli(
		[
			'--target',
			'remote',
			'--host',
			s.name,
			'--credentials-file',
			s.auth.admin,
			'--flow',
			'reconstruct',
			'--select',
			'FS2',
			'--netware',
			'FS2=4.x',
			'--supervisor',
			'yes',
			'--yes',
			...extra,
		],
		{env: s.env},
	);
}

describe.skipIf(skip)('Allow4X on a real server (net rpc registry)', {timeout: 300_000}, () => {
	it('reads the key missing, the value missing, 0 and 1 as the registry holds them', async () => {
		const s = (server = await startSambaServer());
		const t = await target(s);
		expect(await t.servers.allow4x!()).toMatchObject({
			state: 'unset',
			why: expect.stringMatching(/^the key HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSSYNC\\Parameters is not there/),
		});
		setAllow4x(s, undefined);
		expect(await t.servers.allow4x!()).toMatchObject({state: 'unset', why: expect.stringMatching(/^the value Allow4X is not there/)});
		setAllow4x(s, 0);
		expect(await t.servers.allow4x!()).toEqual({state: 'unset', why: 'Allow4X is REG_DWORD 0, not REG_DWORD 1'});
		setAllow4x(s, 1);
		expect(await t.servers.allow4x!()).toEqual({state: 'set', how: 'REG_DWORD 1'});
		// An account without the rights to read it: not read, in net's words (never "not set").
		expect(await (await target(s, s.auth.operator)).servers.allow4x!()).toMatchObject({state: 'unread', why: expect.stringMatching(/NT_STATUS_/)});
	});

	it('not set: the scripted reconstruct is refused before anything changes; once set, it proceeds to FS2’s delete step, which says what was read', async () => {
		const s = (server = await startSambaServer());
		const before = await hashFolder(s.syncagnt);
		const refused = await reconstruct(s, ['--json']);
		expect(refused.exitCode, refused.stdout + refused.stderr).toBe(1);
		const event = refused.stdout
			.split('\n')
			.filter(Boolean)
			.map(line => JSON.parse(line) as {event: string; reason?: string; message?: string; advice?: string})
			.find(e => e.event === 'refused');
		expect(event).toMatchObject({
			reason: 'allow4x',
			message: expect.stringMatching(/FS2 runs NetWare 4\.x, and Allow4X is not set on the PDC \(the key .* is not there/),
		});
		expect(event?.message).toMatch(/Nothing was changed\.$/);
		expect(event?.advice).toMatch(/restart the NT server \(the tool cannot see whether it was restarted/);
		// A real PDC has no lab command to offer.
		expect(event?.advice).not.toMatch(/lab allow4x/);
		expect(refused.stdout).not.toMatch(/"event":"journal"/);
		expect(await hashFolder(s.syncagnt)).toEqual(before);

		setAllow4x(s, 1);
		const proceeds = await reconstruct(s);
		expect(proceeds.exitCode, proceeds.stdout + proceeds.stderr).toBe(3);
		expect(proceeds.stdout).toContain('▸ Your turn: Delete WINNT_SYNC_AGENT from FS2');
		expect(proceeds.stdout).toMatch(
			/Allow4X is set on the PDC \(read from its registry just now: REG_DWORD 1\)\. Whether the NT server was restarted since it was set cannot be read: if it was not, stop here, restart the NT server, and come back\./,
		);
	});

	it('not readable: the reconstruct is not refused, and FS2’s delete step says the check could not be made, and why', async () => {
		const s = (server = await startSambaServer());
		const t = await target(s);
		const operator = {host: s.name, authFile: s.auth.operator, port: s.port, account: {typed: false as const, file: s.auth.operator}};
		// The run's own account controls the service; the registry is read with one that may not read it.
		const unreadable = {
			...t,
			servers: Object.assign(Object.create(t.servers) as typeof t.servers, {
				allow4x: () => readAllow4xWithNet({file: 'net', prefix: [], display: 'net'}, operator, 10_000),
			}),
		};
		expect(await allow4xRefusal(unreadable, ['FS2'], {FS2: '4.x'})).toBeUndefined();
		const run = await ReconstructRun.begin(unreadable, {servers: ['FS2'], restoreBindery: [], passwordPolicy: 'random', netware: {FS2: '4.x'}});
		const first = (await run.describeChanges('delete-agent:FS2'))[0]!;
		expect(first).toMatch(
			/^The tool could not read Allow4X on the PDC \(registry_openkey failed: NT_STATUS_\w+\), so check it yourself before you delete anything/,
		);
		expect(first).not.toMatch(/Freed frame/);
		await run.end('abandoned');
	});
});
