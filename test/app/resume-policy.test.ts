import {describe, expect, it} from 'vitest';
import {resumeChoices, scriptedResumeProblem} from '../../source/app/resume-policy.js';
import type {JournalEntry, RunStarted} from '../../source/journal/entries.js';
import type {UnfinishedRun} from '../../source/journal/journal.js';

const at = '2026-12-07T02:00:00.000Z';

function unfinished(flow: 'restore' | 'reconstruct', ...steps: string[]): UnfinishedRun {
	// Only the fields the policy reads: the flow, a snapshot, and which steps began.
	const start = {type: 'run-started', flow, at, snapshot: '/SYSTEM32/SYNCAGNT.before-restore-1'} as unknown as RunStarted;
	const entries: JournalEntry[] = [start, ...steps.map(step => ({type: 'step-started' as const, step, at}))];
	return {path: '/state/NTPDC-1.jsonl', start, entries};
}

describe('what a scripted run may do with a run found unfinished', () => {
	it('asks what to do when neither --resume nor --rollback was given', () => {
		expect(scriptedResumeProblem(unfinished('restore', 'stop-service'), {resume: false, rollback: false})?.hint).toMatch(/--resume.*--rollback/);
	});

	it('refuses --rollback of a reconstruct', () => {
		expect(scriptedResumeProblem(unfinished('reconstruct', 'delete-agent'), {resume: false, rollback: true})?.message).toMatch(/cannot be rolled back/);
	});

	// Found by the model test's full run (samba.restore.clean>held-rollback>resume): the resume confirmed the
	// waiting manual step after a failed roll back had stopped MSSYNC, and printed "✓ Done".
	it('refuses --resume of a run whose roll back began, pointing to --rollback, before anything runs', () => {
		const run = unfinished('restore', 'stop-service', 'move-aside', 'copy-backup', 'start-service', 'synchronize', 'rollback');
		const refusal = scriptedResumeProblem(run, {resume: true, rollback: false});
		expect(refusal?.message).toMatch(/the restore run on this target \(.*\) has a roll back that began and did not finish: its steps cannot be resumed/);
		expect(refusal?.hint).toMatch(/^run again with --rollback/);
		expect(scriptedResumeProblem(run, {resume: false, rollback: true})).toBeUndefined();
		expect(scriptedResumeProblem(unfinished('restore', 'stop-service'), {resume: true, rollback: false})).toBeUndefined();
	});

	it('offers the wizard the same choices: no resume once a roll back began', () => {
		expect(resumeChoices({canRollback: true, rollbackBegan: () => true})).toEqual({resume: false, rollback: true});
		expect(resumeChoices({canRollback: true, rollbackBegan: () => false})).toEqual({resume: true, rollback: true});
	});
});
