/**
 * A run begins by asking MSSYNC's state for its journal's first line. A query that cannot be run (it timed
 * out under load, the program went missing since the preflight) is a failed query: said as such with
 * advice, nothing changed, no journal. Found by the model test (issue 27, item 1): under load the lab's sc
 * took over 2 s and the error escaped as a defect ("sc query MSSYNC could not be run").
 */
import {readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {HintedError} from '../../source/errors/hinted-error.js';
import {adviceOf} from '../../source/advice/causes.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {RestoreRun} from '../../source/procedure/restore-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {CommandNotFoundError} from '../../source/targets/run-command.js';
import {tempDir} from '../helpers/run-cli.js';

describe('beginning a run when MSSYNC cannot be asked', () => {
	it('says the query failed, with the timeout advice; no journal is written', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0});
		const lab = labTarget(dir);
		const service = {
			...lab.service,
			serviceName: lab.service.serviceName,
			query: () => Promise.reject(new CommandNotFoundError('sc query MSSYNC', 'it did not finish within 2000 ms', true)),
		};
		const failed = (await RestoreRun.begin({...lab, service}, labPaths(dir).backup).catch((e: unknown) => e)) as HintedError;
		expect(failed).toBeInstanceOf(HintedError);
		expect(failed.message).toBe(
			'MSSYNC could not be asked for its state as the run began: sc query MSSYNC could not be run: it did not finish within 2000 ms. Nothing was changed',
		);
		expect(failed.hint).toBe(adviceOf('timed-out'));
		expect(await readdir(labPaths(dir).journal).catch(() => [])).toEqual([]);
	});
});
