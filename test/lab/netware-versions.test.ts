/** NetWare 4.x servers in the lab (lab create --netware FS2=4.x [--allow4x]): DSMN refuses them without Allow4X (KB Q145589). */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {exists} from '../../source/fs/exists.js';
import {addServerToDomain, deleteSyncAgent} from '../../source/lab/netware-ops.js';
import {labPaths} from '../../source/lab/state.js';
import {parseNetWareVersions} from '../../source/procedure/reconstruct-texts.js';
import {runCli, tempDir} from '../helpers/run-cli.js';

async function lab(...extra: string[]) {
	const dir = join(await tempDir(), 'lab');
	const created = await runCli(['lab', 'create', dir, '--pace', '0', '--servers', '2', '--accounts', '10', '--netware', 'FS2=4.x', ...extra]);
	expect(created.exitCode, created.stderr).toBe(0);
	return dir;
}

describe('--netware FS1=3.x,FS2=4.x', () => {
	it('reads versions per server; anything else is refused with an example', () => {
		expect(parseNetWareVersions('fs1=3.x, FS2=4.x')).toEqual({ok: true, versions: {FS1: '3.x', FS2: '4.x'}});
		expect(parseNetWareVersions('FS2=5.x')).toMatchObject({ok: false, reason: expect.stringMatching(/not SERVER=VERSION with a version of 2\.x, 3\.x, 4\.x/)});
		expect(parseNetWareVersions('FS2')).toMatchObject({ok: false});
	});

	it('a lab server that does not exist is refused', async () => {
		const refused = await runCli(['lab', 'create', join(await tempDir(), 'lab'), '--servers', '2', '--netware', 'FS9=4.x']);
		expect(refused.exitCode).toBe(2);
		expect(refused.stderr).toMatch(/--netware FS9=4\.x: the lab has no server of that name/);
	});
});

describe('a NetWare 4.x server in the lab', () => {
	it('has no BINDFIX backup, and without Allow4X "Add Server to Manage" says what Q145589 quotes', async () => {
		const dir = await lab();
		const system = labPaths(dir).serverSystem('FS2');
		expect(await exists(join(system, 'NET$OBJ.OLD'))).toBe(false);
		expect(await exists(join(labPaths(dir).serverSystem('FS1'), 'NET$OBJ.OLD'))).toBe(true);
		await deleteSyncAgent(system);
		await expect(addServerToDomain(dir, 'FS2')).rejects.toThrow('FS2 is a Netware 4.X server. It cannot be added to the Domain.');
		// Its advice can be followed on this lab: leave the run (it holds the lab), lab allow4x (the registry value and the restart), then resume and retry.
		await expect(addServerToDomain(dir, 'FS2')).rejects.toMatchObject({
			hint: expect.stringContaining(`leave this run, run dsmn-resync lab allow4x ${dir} (it does both, once no run holds the lab), then resume the run`),
		});
		expect((await runCli(['lab', 'allow4x', dir])).exitCode).toBe(0);
		await expect(addServerToDomain(dir, 'FS2')).resolves.toMatchObject({pdc: 'NTPDC'});
	});

	it("names the lab's folder as it must be typed: quoted when it holds a space", async () => {
		const dir = join(await tempDir(), 'my lab');
		expect((await runCli(['lab', 'create', dir, '--pace', '0', '--servers', '2', '--accounts', '10', '--netware', 'FS2=4.x'])).exitCode).toBe(0);
		await deleteSyncAgent(labPaths(dir).serverSystem('FS2'));
		await expect(addServerToDomain(dir, 'FS2')).rejects.toMatchObject({hint: expect.stringContaining(`dsmn-resync lab allow4x "${dir}" (it does both`)});
	});

	it('with --allow4x it is added', async () => {
		const dir = await lab('--allow4x');
		await deleteSyncAgent(labPaths(dir).serverSystem('FS2'));
		await expect(addServerToDomain(dir, 'FS2')).resolves.toMatchObject({pdc: 'NTPDC'});
	});
});
