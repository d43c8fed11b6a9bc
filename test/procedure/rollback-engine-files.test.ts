/**
 * A roll back after the run started MSSYNC on the restored database (issue 27, item 5): what DSMN's engine
 * made meanwhile — a log generation beyond the backup's (one of them at a name an original had), its
 * checkpoint and reserve logs — belongs to the restored database. It goes aside with the restored files
 * (kept, never deleted) and the summary says so; SYNCAGNT is then exactly the originals. Before, a new
 * generation was left beside the originals, and one at an original's name stopped the roll back as a stranger.
 */
import {readdir, readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {findUnfinishedRun} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {RestoreRun} from '../../source/procedure/restore-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {tempDir} from '../helpers/run-cli.js';

const fast = {serviceTimeoutMs: 3000, pollIntervalMs: 20};

async function restoredAndStarted() {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0});
	const paths = labPaths(dir);
	const target = labTarget(dir);
	const originals = await hashFolder(paths.syncagnt);
	const run = await RestoreRun.begin(target, paths.backup, {timings: fast});
	for (const step of ['stop-service', 'move-aside', 'copy-backup', 'start-service'] as const) expect(await run.execute(step)).toMatchObject({status: 'done'});
	return {paths, target, originals};
}

describe('a roll back after MSSYNC ran on the restored database', {timeout: 120_000}, () => {
	it('moves aside the log generations, checkpoint and reserve logs DSMN made, says so, and leaves exactly the originals', async () => {
		const {paths, target, originals} = await restoredAndStarted();
		// The backup's logs end at JET00003.LOG; DSMN went on to generations 4 and 6 (an original JET00004.LOG is in the snapshot).
		const made = {
			'JET00004.LOG': 'generation 4 by DSMN',
			'JET00006.LOG': 'generation 6 by DSMN',
			'JET.CHK': 'checkpoint by DSMN',
			'RES1.LOG': 'reserve by DSMN',
		};
		for (const [name, text] of Object.entries(made)) await writeFile(join(paths.syncagnt, name), text);
		await writeFile(join(paths.syncagnt, 'NOTES.TXT'), 'the admin’s own file');

		const outcome = await (await RestoreRun.resume(target, (await findUnfinishedRun(target.journalDir))!, fast)).rollback();
		expect(outcome).toMatchObject({status: 'done'});
		const summary = outcome.status === 'done' ? outcome.summary : '';
		expect(summary).toContain('JET.CHK, JET00004.LOG, JET00006.LOG, RES1.LOG, made by DSMN on the restored database after MSSYNC started, moved there too');

		const {NOTES: _notes, ...inSyncagnt} = Object.fromEntries(Object.entries(await hashFolder(paths.syncagnt)).map(([k, v]) => [k.replace('.TXT', ''), v]));
		expect(inSyncagnt).toEqual(originals);
		expect(await readdir(paths.syncagnt)).toContain('NOTES.TXT'); // not a name DSMN's engine makes: left as it is
		const system32 = join(paths.systemRoot, 'SYSTEM32');
		const aside = (await readdir(system32)).find(n => n.startsWith('SYNCAGNT.rolled-back'))!;
		for (const [name, text] of Object.entries(made)) expect(await readFile(join(system32, aside, name), 'utf8')).toBe(text);
	});

	it('with nothing made by DSMN, says nothing of it and leaves exactly the originals', async () => {
		const {paths, target, originals} = await restoredAndStarted();
		const outcome = await (await RestoreRun.resume(target, (await findUnfinishedRun(target.journalDir))!, fast)).rollback();
		expect(outcome).toMatchObject({status: 'done'});
		expect(outcome.status === 'done' && outcome.summary).not.toContain('made by DSMN');
		expect(await hashFolder(paths.syncagnt)).toEqual(originals);
	});
});
