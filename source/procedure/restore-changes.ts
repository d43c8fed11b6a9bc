/**
 * What each step of a restore will change, in the words its confirmation shows: what it runs, moves or
 * copies, and whether (and how) a roll back undoes it. On a target the tool cannot synchronize, the
 * last step's words are the administrator's instructions.
 */
import type {RunStarted} from '../journal/entries.js';
import type {Target} from '../targets/capabilities.js';
import {formatBytes} from '../text/format.js';
import {listNames} from './list-names.js';
import type {RestoreStepId} from './restore-steps.js';
import {synchronizeInstructions} from './synchronize-step.js';
import {event8005Check, synchronizeChanges} from './synchronize-choice.js';

/** What a confirmation reads of a restore run. */
export type RestoreToConfirm = {
	readonly target: Target;
	readonly start: Pick<RunStarted, 'at' | 'synchronize' | 'serviceBefore'>;
	readonly snapshot: string;
	readonly backup: string;
	previewMoveAside(): Promise<string[]>;
	previewCopy(): Promise<{name: string; size: number}[]>;
};

/** What a step will change, in the words its confirmation shows. */
export async function describeRestoreChanges(run: RestoreToConfirm, step: string): Promise<string[]> {
	const {target} = run;
	switch (step as RestoreStepId) {
		case 'stop-service': {
			// Said as MSSYNC is now: a stop that hung, then cleared, leaves it stopped before this step is confirmed.
			const now = await Promise.resolve()
				.then(() => target.service.query())
				.catch(() => undefined);
			const stoppedNow = now?.ok === true && now.state === 'STOPPED';
			return [
				`Runs "${target.service.describe('stop')}" on ${target.description.startsWith('practice lab') ? 'the ' : ''}${target.description}, then "${target.service.describe('query')}" until it reports STOPPED.`,
				stoppedNow
					? 'MSSYNC reports STOPPED already: this step only confirms it and stops nothing. Synchronization stays paused until MSSYNC starts again (Start MSSYNC, a later step).'
					: 'Synchronization pauses until MSSYNC starts again (step 4).',
				// What a roll back does to MSSYNC, said plainly: it puts the service back in the state this run found.
				run.start.serviceBefore === 'RUNNING'
					? 'A roll back undoes it: it starts MSSYNC again (MSSYNC was running when this run began).'
					: run.start.serviceBefore === 'STOPPED'
						? 'A roll back leaves MSSYNC stopped, as it was when this run began.'
						: `A roll back puts MSSYNC back as this run found it: ${run.start.serviceBefore.toLowerCase().replace(/_/g, ' ')}.`,
			];
		}
		case 'move-aside': {
			const names = await run.previewMoveAside();
			return [
				`Moves ${names.length} files out of ${target.database.syncagnt}`,
				`into ${run.snapshot} (a rename: nothing is deleted):`,
				listNames(names),
				'A roll back undoes it: it moves them back, byte for byte.',
			];
		}
		case 'copy-backup': {
			const files = await run.previewCopy();
			const total = files.reduce((n, f) => n + f.size, 0);
			return [
				`Replaces the live database: copies ${files.length} files (${formatBytes(total)}) from ${run.backup}`,
				`into ${target.database.syncagnt}:`,
				listNames(files.map(f => f.name)),
				'Only the bytes validated when this run began are copied (their hashes are in the journal); a file changed since is refused.',
				`Each is copied under a temporary name, ${target.database.files.verification}, then renamed into place.`,
				`A roll back undoes it: the files it replaces were moved into ${run.snapshot} by the previous step, and are moved back.`,
			];
		}
		case 'start-service':
			return [
				`Runs "${target.service.describe('start')}", then "${target.service.describe('query')}" until it reports RUNNING.`,
				'A roll back stops it again to put the original files back, then leaves it as it was found.',
			];
		case 'synchronize':
			if (!target.sync)
				return [
					...synchronizeInstructions(
						(await target.servers.list()).map(s => s.name),
						run.start.at,
						run.start.synchronize === 'full',
					),
					...event8005Check(run.start.synchronize === 'full' ? 'full' : 'normal'),
				];
			return synchronizeChanges(run.start.synchronize === 'full' ? 'full' : 'normal');
	}
	return [];
}
