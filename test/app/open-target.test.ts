/** The use case "open a target", driven in-process without a front end (ARCHITECTURE.md, "Use cases"). */
import {copyFile, mkdir, readdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {openTarget, otherRunEvent, otherRunText} from '../../source/app/open-target.js';
import type {TargetSpec} from '../../source/app/target-spec.js';
import {JournalError} from '../../source/journal/journal.js';
import {TargetBusyError} from '../../source/journal/target-lock.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {RestoreRun} from '../../source/procedure/restore-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {tempDir} from '../helpers/run-cli.js';

async function newLab(name = 'lab') {
	const dir = join(await tempDir(), name);
	await createLab(dir, {...LAB_DEFAULTS, pace: 0});
	return dir;
}

const onLab = (lab: string): TargetSpec => ({kind: 'lab', lab});

describe('openTarget', () => {
	it('holds the target for this process until released: a second opening is refused as busy, naming what holds it', async () => {
		const lab = await newLab();
		const first = await openTarget(onLab(lab), 'the first opening');
		expect(first).toMatchObject({target: {kind: 'lab', location: lab}, unfinished: undefined, others: []});
		const busy = await openTarget(onLab(lab), 'the second').catch((error: unknown) => error);
		expect(busy).toBeInstanceOf(TargetBusyError);
		expect((busy as TargetBusyError).holder).toMatchObject({pid: process.pid, what: 'the first opening'});
		await first.release();
		await (await openTarget(onLab(lab), 'again')).release();
	});

	it('removes the write probes a killed run left in SYNCAGNT, and nothing else', async () => {
		const lab = await newLab();
		const syncagnt = labTarget(lab).database.syncagnt;
		const before = (await readdir(syncagnt)).sort();
		await writeFile(join(syncagnt, '.dsmn-resync-write-test-0badf00d'), '');
		const opened = await openTarget(onLab(lab), 'test');
		await opened.release();
		expect((await readdir(syncagnt)).sort()).toEqual(before);
	});

	it("finds this target's unfinished run, and names another target's run in the same journal folder with the commands that continue it", async () => {
		const a = await newLab('a');
		const b = await newLab('b');
		const run = await RestoreRun.begin(labTarget(a), join(a, 'backup'));
		// B's journal folder also holds A's journal (as the journals of several real servers share the state folder).
		await mkdir(join(b, 'journal'), {recursive: true});
		await copyFile(run.journalPath, join(b, 'journal', 'A-20261201-101500.jsonl'));

		const onA = await openTarget(onLab(a), 'test');
		expect(onA.unfinished?.path).toBe(run.journalPath);
		expect(onA.others).toEqual([]);
		await onA.release();

		const onB = await openTarget(onLab(b), 'test');
		expect(onB.unfinished).toBeUndefined();
		expect(onB.others).toHaveLength(1);
		expect(otherRunText(otherRunEvent(onB.others[0]!))).toEqual({
			text: `An unfinished restore run of another target (practice lab in ${a}, SYNCAGNT ${labTarget(a).database.syncagnt}) is left as it is: ${join(b, 'journal', 'A-20261201-101500.jsonl')}`,
			continueWith: `dsmn-resync --lab ${a} --resume, or dsmn-resync --lab ${a} --rollback`,
		});
		await onB.release();
	});

	it('refuses a journal altered by hand with a hinted JournalError, and leaves the target unlocked', async () => {
		const lab = await newLab();
		await mkdir(join(lab, 'journal'), {recursive: true});
		await writeFile(join(lab, 'journal', 'LAB-20261201-101500.jsonl'), '{"type": edited\n');
		const refused = await openTarget(onLab(lab), 'test').catch((error: unknown) => error);
		expect(refused).toBeInstanceOf(JournalError);
		expect(refused).toMatchObject({message: expect.stringContaining('line 1 is not JSON'), hint: expect.stringContaining('move that journal'), exitCode: 1});
		// Not left locked: the same refusal again, not "busy".
		await expect(openTarget(onLab(lab), 'test')).rejects.toBeInstanceOf(JournalError);
	});
});
