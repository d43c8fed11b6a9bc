/**
 * Which servers of a reconstruct count as NetWare 4.x for the Allow4X refusal (KB Q145589): DSMN decides on the
 * server, so one the target knows to run 3.x or 2.x is added back whatever was answered, and one it knows to run
 * 4.x is refused whatever was answered; where the target knows nothing, the answer counts.
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {allow4xAdvice, allow4xRefusal, effectiveVersions} from '../../source/procedure/allow4x-check.js';
import type {Target} from '../../source/targets/capabilities.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {tempDir} from '../helpers/run-cli.js';

/** A lab whose PDC has no Allow4X: FS1 and FS2 run 3.x, FS3 4.x. */
async function lab(): Promise<Target> {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 3, accounts: 10, netware: {FS3: '4.x'}});
	return labTarget(dir);
}

describe('allow4xRefusal: the servers DSMN would refuse without Allow4X', () => {
	it('a server the target knows to run 3.x or 2.x is not refused for a 4.x answer', async () => {
		const target = await lab();
		expect(await allow4xRefusal(target, ['FS1', 'FS2'], {FS1: '4.x', FS2: '4.x'})).toBeUndefined();
		// The lab has no NetWare 2.x binderies: a target that knows FS1 runs 2.x, its Allow4X read from the lab.
		const twoX: Target = {
			...target,
			servers: {
				...target.servers,
				list: target.servers.list.bind(target.servers),
				allow4x: target.servers.allow4x!.bind(target.servers),
				netwareVersions: async () => ({FS1: '2.x'}),
			},
		};
		expect(await allow4xRefusal(twoX, ['FS1'], {FS1: '4.x'})).toBeUndefined();
	});

	it('a server the target knows to run 4.x is refused whatever was answered, and only it is named', async () => {
		const target = await lab();
		const refused = await allow4xRefusal(target, ['FS2', 'FS3'], {FS2: '4.x', FS3: '3.x'});
		expect(refused?.servers).toEqual(['FS3']);
		expect(refused?.message).toMatch(/^FS3 runs NetWare 4\.x, and Allow4X is not set on the PDC/);
	});

	it('where the target knows no version, the answer counts', async () => {
		const lab3 = await lab();
		const unknown: Target = {
			...lab3,
			// The lab's Allow4X, but no versions known (as a real PDC, where they are asked).
			servers: {list: lab3.servers.list.bind(lab3.servers), allow4x: lab3.servers.allow4x!.bind(lab3.servers)},
		};
		expect((await allow4xRefusal(unknown, ['FS2'], {FS2: '4.x'}))?.servers).toEqual(['FS2']);
		expect(await allow4xRefusal(unknown, ['FS2'], {})).toBeUndefined();
		expect(await effectiveVersions(unknown, ['FS2'])).toEqual({FS2: '3.x'});
	});
});

describe('allow4xAdvice', () => {
	it("in the lab, names lab allow4x with the lab's folder as it must be typed; on a real PDC, no lab command", () => {
		expect(allow4xAdvice({kind: 'lab', location: '/tmp/my lab'})).toMatch(/; in the lab, dsmn-resync lab allow4x "\/tmp\/my lab" does both$/);
		const real = allow4xAdvice({kind: 'remote', location: 'NTPDC1'});
		expect(real).toMatch(
			/^on the PDC, set Allow4X \(REG_DWORD, 1\) under HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSSYNC\\Parameters, restart the NT server/,
		);
		expect(real).not.toMatch(/lab allow4x/);
	});
});
