/**
 * Use case: finish a run whose every step is done (ARCHITECTURE.md, "Use cases"): the run closed as
 * completed, then what it did as far as the tool can see, as the `completed` event both front ends
 * render: what was restored, reconstructed or repaired, and where; where the run kept things; and, in the
 * practice lab, the servers still showing a red X (on a real server the marks are the admin's to read).
 */
import type {Target} from '../targets/capabilities.js';
import {shellWord} from '../text/shell-word.js';
import {doubtLines} from '../procedure/synchronize-choice.js';
import type {RunEvent} from './events.js';
import {synchronizeDoubt} from './synchronize-doubt.js';
import type {OpenedRun} from './unfinished-run.js';

export type Completed = Extract<RunEvent, {event: 'completed'}>;
/** What a finished run did, in one value: the backup restored and where, the servers reconstructed, or the database repaired. */
export type RunResult = NonNullable<Completed['result']>;

export async function finishRun(run: OpenedRun, target: Target): Promise<Completed & {result: RunResult}> {
	await run.end('completed');
	const red = target.kind === 'lab' ? (await target.servers.list()).filter(s => !s.synchronized).map(s => s.name) : undefined;
	// After the plain synchronize: Event 8005 seen (the lab), or a backup older than the change log is trusted to reach.
	const doubt = await synchronizeDoubt(run, target);
	const full = target.kind === 'lab' ? `dsmn-resync lab sync ${shellWord(target.location)} --full` : undefined;
	// A journal of an older version does not record the synchronize chosen: the doubt does not claim the plain one was.
	const outOfStep = doubt ? {...doubt, lines: doubtLines(doubt, full, run.flow === 'restore' && run.start.synchronize !== undefined)} : undefined;
	return {
		event: 'completed',
		journal: run.journalPath,
		kept: run.whereThingsAre(),
		result: resultOf(run, target),
		...(red ? {red} : {}),
		...(outOfStep ? {outOfStep} : {}),
	};
}

function resultOf(run: OpenedRun, target: Target): RunResult {
	if (run.flow === 'repair') return {flow: 'repair', syncagnt: target.database.syncagnt};
	if (run.flow === 'reconstruct') return {flow: 'reconstruct', servers: [...run.servers]};
	// A restore onto a new PDC fills its own folder beside SYNCAGNT (new-pdc-run.ts); the same PDC's goes into SYNCAGNT.
	const syncagnt = 'pdc' in run && run.pdc === 'new' ? run.backupFolder : target.database.syncagnt;
	const {synchronize} = run.start;
	return {flow: 'restore', backup: run.backup, syncagnt, ...(synchronize ? {synchronize} : {})};
}
