import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {readJournal} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths, loadLab, saveLab} from '../../source/lab/state.js';
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

describe("a failed roll back's entry carries the last command it sent, as a step's does (issue 29)", () => {
	it('the refused start after the files came back: journaled with the roll back, found again as its command', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0});
		const run = await RestoreRun.begin(labTarget(dir), labPaths(dir).backup, {timings: fast});
		for (const step of ['stop-service', 'move-aside', 'copy-backup'] as const) expect(await run.execute(step)).toMatchObject({status: 'done'});
		await saveLab(dir, {...(await loadLab(dir)), fault: 'start-refused'});
		const seen: string[] = [];
		expect(await run.rollback({onCommand: e => void (e.phase === 'start' && seen.push(e.command))})).toMatchObject({status: 'failed'});
		// The caller's listener still hears every command; the last one is the start the lab refused.
		expect(seen).toContain('sc query MSSYNC');
		expect(seen.at(-1)).toBe('net start MSSYNC');
		expect(run.lastCommandSent()).toEqual({command: 'net start MSSYNC', step: 'rollback'});
		const entries = await readJournal(run.journalPath);
		expect(entries.at(-1)).toMatchObject({type: 'step-failed', step: 'rollback', command: 'net start MSSYNC'});
	});
});
