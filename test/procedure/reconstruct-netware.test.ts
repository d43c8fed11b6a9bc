/** A reconstruct that knows each server's NetWare version (--netware FS2=4.x): journaled, and a 4.x server gets no 3.x tools. */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {findUnfinishedRun} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {ReconstructRun} from '../../source/procedure/reconstruct-run.js';
import type {Target} from '../../source/targets/capabilities.js';
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
