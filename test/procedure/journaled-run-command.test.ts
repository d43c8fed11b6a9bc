import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {readJournal} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {RestoreRun} from '../../source/procedure/restore-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {tempDir} from '../helpers/run-cli.js';

const fast = {serviceTimeoutMs: 3000, pollIntervalMs: 20};

describe('the entry that ends a step carries the last command it sent (the resume screen shows it)', () => {
	it('journaled with the step, found again by the run, and none for a step that sent none', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0});
		const run = await RestoreRun.begin(labTarget(dir), labPaths(dir).backup, {timings: fast});
		expect(run.lastCommandSent()).toBeUndefined();
		const seen: string[] = [];
		expect(await run.execute('stop-service', {onCommand: e => void (e.phase === 'start' && seen.push(e.command))})).toMatchObject({status: 'done'});
		// The caller's listener still hears every command.
		expect(seen.at(-1)).toBe('sc query MSSYNC');
		expect(run.lastCommandSent()).toEqual({command: 'sc query MSSYNC', step: 'stop-service'});
		await run.noteInterrupted('SIGHUP');
		const entries = await readJournal(run.journalPath);
		expect(entries.find(e => e.type === 'step-finished')).toMatchObject({step: 'stop-service', command: 'sc query MSSYNC'});
		// Between two steps: no command is said to belong to the cut-off.
		expect(entries.at(-1)).toEqual(expect.not.objectContaining({command: expect.anything()}));
		await run.end('abandoned');
	});
});
