import path, {basename, dirname, join} from 'node:path';
import {rename} from 'node:fs/promises';
import {describe, expect, it} from 'vitest';
import {readJournal} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {RestoreRun} from '../../source/procedure/restore-run.js';
import {snapshotName} from '../../source/procedure/snapshot-name.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {tempDir} from '../helpers/run-cli.js';

describe('the snapshot of the current database is named after its folder', () => {
	it('on Windows (path.win32): --syncagnt C:\\some\\folder gives folder.before-restore-…', () => {
		expect(snapshotName('C:\\some\\folder', '20261129-190000', path.win32)).toBe('folder.before-restore-20261129-190000');
		expect(snapshotName('C:\\some\\folder\\', '20261129-190000', path.win32)).toBe('folder.before-restore-20261129-190000');
		expect(snapshotName('\\\\NTPDC1\\ADMIN$\\SYSTEM32\\SYNCAGNT', '20261129-190000', path.win32)).toBe('SYNCAGNT.before-restore-20261129-190000');
	});

	it('a restore run on a database folder not called SYNCAGNT journals a snapshot named after it, beside it', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0});
		const paths = labPaths(dir);
		const folder = join(dirname(paths.syncagnt), 'dsmn-db');
		await rename(paths.syncagnt, folder);
		const lab = labTarget(dir);
		const run = await RestoreRun.begin({...lab, database: {...lab.database, syncagnt: folder, snapshotParent: dirname(folder)}}, paths.backup);
		const start = (await readJournal(run.journalPath))[0]!;
		const snapshot = 'snapshot' in start ? String(start.snapshot) : '';
		expect(dirname(snapshot)).toBe(dirname(folder));
		expect(basename(snapshot)).toMatch(/^dsmn-db\.before-restore-\d{8}-\d{6}$/);
	});
});
