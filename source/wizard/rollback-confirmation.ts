/**
 * The roll back's confirmation (ARCHITECTURE.md, "The run and its journal"): what it moves, said from what the
 * journal recorded, and MSSYNC as read now with what the roll back does about it. The restore's is said here
 * from its scope (RestoreRun.rollbackScope); the new-PDC run explains its own (NewPdcRun.rollbackExplanation).
 */
import type {NewPdcRun} from '../procedure/new-pdc-run.js';
import type {RestoreRun} from '../procedure/restore-run.js';
import type {Screen} from './state.js';
import type {RolledBackRun} from './summary.js';

/**
 * The confirmation for `run`, MSSYNC read `now` (undefined: not readable); `asLaunched`: a lab command as it
 * works from where the admin is. The new-PDC run is told by its `pdc` (new-pdc-run.ts's stable API), not by
 * `instanceof`: the class is loaded with the runs, after the first frame (`operations.ts`).
 */
export function rollbackConfirmationOf(run: RestoreRun | NewPdcRun, now: string | undefined, asLaunched: (line: string) => string): Screen {
	const screen = onNewPdc(run)
		? rollbackConfirmation('', run.start.serviceBefore, run.rollbackExplanation(now))
		: rollbackConfirmation(run.snapshot, run.start.serviceBefore, undefined, run.rollbackScope(now));
	return screen.name === 'confirm' ? {...screen, changes: screen.changes.map(asLaunched)} : screen;
}

function onNewPdc(run: RestoreRun | NewPdcRun): run is NewPdcRun {
	return 'pdc' in run && run.pdc === 'new';
}

/** What the roll back's end says of its run (summary.ts's `rolledBack`): MSSYNC as found, whether the synchronize began, a new PDC. */
export function rolledBackRun(run: Pick<RestoreRun, 'start' | 'stepBegan'> | NewPdcRun): RolledBackRun {
	return {serviceBefore: run.start.serviceBefore, synchronizeBegan: run.stepBegan('synchronize'), newPdc: 'pdc' in run && run.pdc === 'new'};
}

/** The roll back's confirmation: exactly what it moves, and how it leaves MSSYNC. */
export function rollbackConfirmation(
	snapshot: string,
	serviceBefore: string | undefined,
	/** A run that explains its own roll back (a restore on a new PDC, KB Q154761). */
	explained?: {changes: string[]; why: string; kb: string},
	/**
	 * What the journal says began (each step may have changed something, finished or not); `aside`: where the
	 * copies go; `service`: MSSYNC as read now and what the roll back does about it (RestoreRun.rollbackScope).
	 */
	began: {
		moved: boolean;
		copied: boolean;
		anyCopied?: boolean;
		sent?: boolean;
		aside?: string;
		service?: string;
		syncagnt?: string;
		/** What an earlier roll back of this run already moved: never promised again. */
		copiesAside?: boolean;
		originalsBack?: boolean;
	} = {
		moved: true,
		copied: true,
	},
): Screen {
	if (explained)
		return {name: 'confirm', step: 'rollback', title: 'Roll back', help: {why: explained.why, kb: explained.kb}, typed: '', changes: explained.changes};
	// A folder beside SYNCAGNT is named by its name alone, which a narrow row holds whole; any other by its path.
	const named = (folder: string) => besideSyncagnt(folder, began.syncagnt);
	const kept = began.aside
		? `to ${named(began.aside)} (kept${began.aside.endsWith('YYYYMMDD-HHMMSS') ? '; YYYYMMDD-HHMMSS: when the roll back begins' : ''})`
		: 'aside (kept)';
	// Said from what the journal holds: before the copy began there is nothing copied to move aside, and
	// before the move nothing on disk to put back; what an earlier roll back moved is not moved again. MSSYNC
	// as read now. One sentence a line, each folder once.
	const changed = began.moved || began.copied;
	const done = changed && began.copiesAside && began.originalsBack;
	const files = done
		? [
				`The files are already back: an earlier roll back moved the original files back into SYNCAGNT${began.copied ? ` and this run's copies ${kept}` : ''}, so this one moves none.`,
			]
		: changed
			? [
					...(began.copied && !began.copiesAside
						? // A copy that stopped before it finished a file: what it may have left is moved, never called "the files this run copied".
							[
								began.anyCopied === false
									? `Moves what the copy put into SYNCAGNT before it stopped, if anything, ${kept}; it finished no file.`
									: `Moves the files this run copied into SYNCAGNT ${kept}.`,
							]
						: []),
					`Moves the original files back from ${named(snapshot)}${began.copied ? '' : ' (nothing was copied into SYNCAGNT yet)'}.`,
				]
			: ['Nothing had been changed on disk: the run moved and copied no file, so the roll back moves none.'];
	return {
		name: 'confirm',
		step: 'rollback',
		title: 'Roll back',
		help: {
			why: done
				? 'An earlier roll back of this run already put SYNCAGNT back byte for byte: this one only brings MSSYNC back to the state the run found, and closes the run.'
				: changed
					? 'Roll back puts SYNCAGNT back byte for byte from the folder its files were moved into (SYNCAGNT.before-restore-…) and brings MSSYNC back to the state the run found. The files this run copied are kept aside, not deleted.'
					: 'This run changed nothing in SYNCAGNT, so the roll back only brings MSSYNC back to the state the run found, and closes the run.',
			kb: 'KB Q148678 has no roll back: this is the tool keeping its promise that nothing is lost.',
		},
		typed: '',
		changes: [
			...files,
			began.service ?? `Leaves MSSYNC ${serviceBefore === 'RUNNING' ? 'running' : 'stopped'}, as the run found it.`,
			...(began.sent ? ['What the NetWare servers received from the synchronize stays: the roll back does not take it back.'] : []),
		],
	};
}

/** "SYNCAGNT.before-restore-… beside SYNCAGNT" for a folder in SYNCAGNT's parent; the path itself otherwise (or when SYNCAGNT is not known). */
function besideSyncagnt(folder: string, syncagnt: string | undefined): string {
	const parent = (path: string) => path.replace(/[\\/][^\\/]*$/, '');
	if (syncagnt === undefined || parent(folder) !== parent(syncagnt)) return folder;
	return `${folder.slice(parent(folder).length + 1)} beside SYNCAGNT`;
}

/** The roll back's running screen, begun at `startedAt`; a new PDC's says (on `?`) that it moves the run's copies aside. */
export function rollingBack(run: object, startedAt: number): Screen {
	const newPdc = 'pdc' in run && run.pdc === 'new';
	return {name: 'running', step: 'rollback', title: 'Rolling back', progress: {kind: 'none'}, startedAt, ...(newPdc ? {newPdc} : {})};
}
