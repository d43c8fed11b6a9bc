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

	// A run whose roll back began is not refused here: it is opened, and its steps refuse to go on
	// (procedure/journaled-run.ts), so the stop says where the files are and how MSSYNC stands.
	it('lets --resume of a run whose roll back began through, to be stopped by the run itself', () => {
		const run = unfinished('restore', 'stop-service', 'move-aside', 'copy-backup', 'start-service', 'synchronize', 'rollback');
		expect(scriptedResumeProblem(run, {resume: true, rollback: false})).toBeUndefined();
	});

	it('offers the wizard the same choices: no resume once a roll back began', () => {
		expect(resumeChoices({canRollback: true, rollbackBegan: () => true})).toEqual({resume: false, rollback: true});
		expect(resumeChoices({canRollback: true, rollbackBegan: () => false})).toEqual({resume: true, rollback: true});
	});
});
