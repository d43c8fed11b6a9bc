/** The end of a finished run (source/app/finish-run.ts): the doubt after the plain synchronize says only what the journal records. */
import {readdir, utimes} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {beginRestore} from '../../source/app/begin-run.js';
import {finishRun} from '../../source/app/finish-run.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {tempDir} from '../helpers/run-cli.js';

/** A lab whose backup is 40 days old, reached as a real server would be: the tool does not read its Application log. */
async function oldBackupOnRealServer() {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 1, accounts: 10});
	const {backup} = labPaths(dir);
	const old = new Date(Date.now() - 40 * 86_400_000);
	for (const name of await readdir(backup)) await utimes(join(backup, name), old, old);
	return {backup, target: {...labTarget(dir), kind: 'windows' as const}};
}

describe('finishRun after an old backup', () => {
	it('the plain synchronize recorded: the doubt says this run chose it', async () => {
		const {backup, target} = await oldBackupOnRealServer();
		const done = await finishRun(await beginRestore(target, {backup, synchronize: 'normal'}), target);
		expect(done.outOfStep).toMatchObject({because: 'backup-age'});
		expect(done.outOfStep!.lines[0]).toMatch(/and this run chose Synchronize all servers:/);
	});

	it('a journal of an older version, with no synchronize recorded: the doubt does not claim the choice', async () => {
		const {backup, target} = await oldBackupOnRealServer();
		const done = await finishRun(await beginRestore(target, {backup}), target);
		expect(done.outOfStep).toMatchObject({because: 'backup-age'});
		expect(done.outOfStep!.lines[0]).not.toMatch(/this run chose/);
		expect(done.outOfStep!.lines[0]).toMatch(/does not record whether it chose Synchronize all servers or the full one/);
	});
});
