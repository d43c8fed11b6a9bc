import {readdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {LocalFiles} from '../../source/targets/local-files.js';
import {preflight, removeStaleProbes} from '../../source/targets/preflight.js';
import {tempDir} from '../helpers/run-cli.js';

describe('the preflight', () => {
	it('says what works, needs no space it does not have, and leaves SYNCAGNT as it found it', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0});
		const {syncagnt} = labPaths(dir);
		const before = (await readdir(syncagnt)).sort();
		const checks = await preflight(labTarget(dir), {bytesNeeded: 1024});
		expect(checks.map(c => [c.name, c.ok])).toEqual([
			['service', true],
			['gateway', true],
			['folder', true],
			['space', true],
		]);
		const tooMuch = await preflight(labTarget(dir), {bytesNeeded: 2 ** 60});
		expect(tooMuch.at(-1)).toMatchObject({name: 'space', ok: false, fix: expect.stringContaining('free some space')});
		expect((await readdir(syncagnt)).sort()).toEqual(before);
	});

	it('takes free space that cannot be measured as a warning, not a refusal', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0});
		const lab = labTarget(dir);
		const files = new LocalFiles();
		files.freeBytes = async () => undefined;
		const checks = await preflight({...lab, database: {...lab.database, files}}, {bytesNeeded: 5 * 1024 * 1024});
		expect(checks.at(-1)).toMatchObject({
			name: 'space',
			ok: true,
			warning: true,
			detail: expect.stringContaining('is unknown (the share reports no size); the copy needs 5.0 MiB'),
		});
		expect(checks.every(c => c.ok)).toBe(true);
	});

	it('compares exact bytes and says the margin, so that its text never contradicts its verdict (issue 27, finding 5)', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0});
		const lab = labTarget(dir);
		const files = new LocalFiles();
		const MiB = 1024 * 1024;
		files.freeBytes = async () => 4.5 * MiB;
		const enough = await preflight({...lab, database: {...lab.database, files}}, {bytesNeeded: Math.round(4.15 * MiB)});
		expect(enough.at(-1)).toMatchObject({name: 'space', ok: true, detail: '4.5 MiB free, 4.1 MiB needed for the copy: 358 KiB to spare'});
		const short = await preflight({...lab, database: {...lab.database, files}}, {bytesNeeded: 4.5 * MiB + 1});
		expect(short.at(-1)).toMatchObject({name: 'space', ok: false, detail: '4.5 MiB free, 4.5 MiB needed for the copy: 1 B short'});
	});

	it('removes a write probe left by a run killed between making and removing it, and nothing else', async () => {
		const folder = await tempDir();
		await writeFile(join(folder, '.dsmn-resync-write-test-0a1b2c3d'), '');
		await writeFile(join(folder, 'MSSYNC.MDB'), 'x');
		await writeFile(join(folder, '.dsmn-resync-other'), 'x');
		await removeStaleProbes({syncagnt: folder, files: new LocalFiles()});
		expect((await readdir(folder)).sort()).toEqual(['.dsmn-resync-other', 'MSSYNC.MDB']);
		await removeStaleProbes({syncagnt: join(folder, 'does-not-exist'), files: new LocalFiles()}); // says nothing: the preflight reports it
	});
});
