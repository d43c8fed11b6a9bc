import {cp, mkdir, symlink, utimes} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {discoverBackups} from '../../source/backup/discover.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {tempDir} from '../helpers/run-cli.js';

describe('discoverBackups', () => {
	it('finds backup sets newest first, marks the live folder, and survives symlink loops', async () => {
		const root = await tempDir();
		const lab = join(root, 'lab');
		await createLab(lab, LAB_DEFAULTS);
		const older = join(root, 'archive', '1998', 'sync');
		await mkdir(join(root, 'archive', '1998'), {recursive: true});
		await cp(labPaths(lab).backup, older, {recursive: true});
		const then = new Date('1998-06-01T12:00:00Z');
		await utimes(join(older, 'MSSYNC.MDB'), then, then);
		await symlink(root, join(root, 'archive', 'loop'));
		const found = await discoverBackups([root], {liveSyncagnt: labPaths(lab).syncagnt});
		// The live database was written just now, the lab's backup days ago, the archive in 1998.
		expect(found.map(f => f.folder)).toEqual([labPaths(lab).syncagnt, labPaths(lab).backup, older]);
		expect(found.find(f => f.folder === labPaths(lab).syncagnt)?.live).toBe(true);
		expect(found.find(f => f.folder === older)).toMatchObject({live: false, files: 7, modified: then});
	});

	it('lists a snapshot made by this tool after the backup sets, saying what it is', async () => {
		const root = await tempDir();
		const lab = join(root, 'lab');
		await createLab(lab, LAB_DEFAULTS);
		const snapshot = join(labPaths(lab).systemRoot, 'SYSTEM32', 'SYNCAGNT.before-restore-20261124-222558');
		await cp(labPaths(lab).syncagnt, snapshot, {recursive: true});
		const found = await discoverBackups([root], {liveSyncagnt: labPaths(lab).syncagnt});
		expect(found.map(f => f.folder)).toEqual([labPaths(lab).syncagnt, labPaths(lab).backup, snapshot]);
		expect(found.at(-1)?.madeByTool).toMatch(/^SYNCAGNT\.before-restore-20261124-222558 is a snapshot dsmn-resync made of the database a restore replaced/);
		expect(found[1]?.madeByTool).toBeUndefined();
	});

	it('returns nothing for a folder that does not exist', async () => {
		expect(await discoverBackups([join(await tempDir(), 'nope')])).toEqual([]);
	});
});
