/** A reconstruct that knows each server's NetWare version (--netware FS2=4.x): journaled, and a 4.x server gets no 3.x tools. */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {findUnfinishedRun} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {ReconstructRun} from '../../source/procedure/reconstruct-run.js';
import {allow4xRefusal} from '../../source/procedure/allow4x-check.js';
import type {Allow4xReading, Target} from '../../source/targets/capabilities.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {tempDir} from '../helpers/run-cli.js';

/** The lab, but with the NetWare steps done by hand, as on a real server. */
function byHand(dir: string): Target {
	const lab = labTarget(dir);
	return new Proxy(lab, {
		get: (t, key) => (key === 'servers' ? {...t.servers, list: t.servers.list.bind(t.servers), reconstruct: undefined} : Reflect.get(t, key)),
	});
}

describe('reconstruct with NetWare versions', () => {
	it('the versions are journaled; after a resume a 4.x server still gets NWADMIN and Allow4X, never SYSCON', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, backup: false});
		const target = byHand(dir);
		const run = await ReconstructRun.begin(target, {servers: ['FS1', 'FS2'], restoreBindery: [], passwordPolicy: 'random', netware: {FS2: '4.x'}});
		expect(run.start.netware).toEqual({FS2: '4.x'});
		const resumed = await ReconstructRun.resume(target, (await findUnfinishedRun(target.journalDir))!);
		const deleteFs2 = (await resumed.describeChanges('delete-agent:FS2')).join(' ');
		expect(deleteFs2).toMatch(/NWADMIN or NETADMIN/);
		expect(deleteFs2).not.toMatch(/SYSCON/);
		// On a target that cannot read the registry, the delete step itself asks first for Allow4X (issue 28, item 1).
		expect(deleteFs2).toMatch(/^Before you delete anything: check on the PDC that Allow4X \(REG_DWORD, 1\) under HKLM\\SYSTEM.* is set/);
		expect((await resumed.describeChanges('delete-agent:FS1')).join(' ')).toMatch(/run SYSCON/);
		expect((await resumed.describeChanges('add-server:FS2')).join(' ')).toMatch(/Allow4X \(REG_DWORD, 1\)/);
		expect(resumed.steps().find(s => s.id === 'add-server:FS2')!.why).toMatch(/KB Q145589/);
		await resumed.end('abandoned');
	});
});

describe('Allow4X read just before a 4.x server loses its agent (a real PDC: net rpc registry or reg query)', () => {
	/** The lab with the NetWare steps by hand, and Allow4X read as given. */
	function reading(dir: string, read: Allow4xReading): Target {
		const t = byHand(dir);
		return {...t, servers: {...t.servers, allow4x: async () => read}};
	}

	it.each([
		[
			{state: 'set', how: 'REG_DWORD 1'},
			/^Allow4X is set on the PDC \(read from its registry just now: REG_DWORD 1\)\. Whether the NT server was restarted since it was set cannot be read/,
		],
		[
			{state: 'unset', why: 'the value Allow4X is not there'},
			/^Do not delete anything: Allow4X is not set on the PDC \(read from its registry just now: the value Allow4X is not there\)\..*Stop here, set Allow4X \(REG_DWORD, 1\)/,
		],
		[
			{state: 'unread', why: 'registry_openkey failed: NT_STATUS_ACCESS_DENIED'},
			/^The tool could not read Allow4X on the PDC \(registry_openkey failed: NT_STATUS_ACCESS_DENIED\), so check it yourself before you delete anything/,
		],
	] as const)('the delete step opens with what was read: %o', async (read, first) => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, backup: false});
		const run = await ReconstructRun.begin(reading(dir, read), {servers: ['FS2'], restoreBindery: [], passwordPolicy: 'random', netware: {FS2: '4.x'}});
		const lines = await run.describeChanges('delete-agent:FS2');
		expect(lines[0]).toMatch(first);
		expect(lines.join(' ')).toMatch(/KB Q145589/);
		await run.end('abandoned');
	});

	it('not read: the reconstruct is not refused (the delete step says so); read as not set: refused before it begins', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, backup: false});
		expect(await allow4xRefusal(reading(dir, {state: 'unread', why: 'no rights'}), ['FS2'], {FS2: '4.x'})).toBeUndefined();
		const refused = await allow4xRefusal(reading(dir, {state: 'unset', why: 'Allow4X is REG_DWORD 0, not REG_DWORD 1'}), ['FS2'], {FS2: '4.x'});
		expect(refused?.message).toMatch(/^FS2 runs NetWare 4\.x, and Allow4X is not set on the PDC \(Allow4X is REG_DWORD 0, not REG_DWORD 1\)/);
	});
});
