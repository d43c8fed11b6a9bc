/** The lab's binderies: which users are a server's own, counted alike wherever the tool counts them. */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {BUILT_IN_USERS, ownUsers, readBindery} from '../../source/lab/bindery.js';
import {createLab} from '../../source/lab/create.js';
import {checkBinderyBackup, restoreBindery} from '../../source/lab/netware-ops.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {labStatus} from '../../source/lab/status.js';
import {tempDir} from '../helpers/run-cli.js';

describe('ownUsers', () => {
	it('leaves out SUPERVISOR, GUEST and WINNT_SYNC_AGENT, and every object that is not a user', () => {
		const objects = [
			{type: 0x0001, name: 'SUPERVISOR'},
			{type: 0x0001, name: 'GUEST'},
			{type: 0x0001, name: 'WINNT_SYNC_AGENT'},
			{type: 0x0001, name: 'JSMITH'},
			{type: 0x0002, name: 'EVERYONE'},
		];
		expect(ownUsers(objects)).toEqual(['JSMITH']);
		expect([...BUILT_IN_USERS].sort()).toEqual(['GUEST', 'SUPERVISOR', 'WINNT_SYNC_AGENT']);
	});
});

// Issue 29 (the second walker): the reconstruct offered FS4's bindery restore with "11 users", and after it
// `lab status` said 9: the offer counted SUPERVISOR and GUEST, the status did not.
describe("a bindery restore's count", () => {
	it('is the count lab status gives the server once its bindery is restored', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, backup: false});
		const paths = labPaths(dir);
		for (const server of ['FS2', 'FS4', 'FS5']) {
			const system = paths.serverSystem(server);
			const offered = await checkBinderyBackup(system);
			expect(offered.ok).toBe(true);
			expect(
				(await readBindery(system, 'OLD')).some(o => o.name === 'SUPERVISOR'),
				'the backup holds SUPERVISOR',
			).toBe(true);
			await restoreBindery(system, join(dir, `aside-${server}`));
			const after = (await labStatus(dir)).servers.find(s => s.name === server)!;
			expect(after.users, server).toBe(offered.usersInBackup);
		}
	});
});
