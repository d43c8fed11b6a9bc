/**
 * What the roll backs of the two restore-shaped runs share (ARCHITECTURE.md, "The run and its journal"):
 * the restore's (`restore-rollback.ts`: SYNCAGNT put back as it was) and the new-PDC run's
 * (`new-pdc-rollback.ts`: its copies taken out of SYNCAGNT\Backup). Both are a journaled step of their
 * own that a later roll back continues, and both move the copies this run made into one rolled-back
 * folder beside SYNCAGNT, kept, never deleted. What each decides — which files are its copies, what is a
 * stranger, what else it puts back — stays in its own file.
 */
import {hintOf} from '../errors/hinted-error.js';
import type {NewEntry} from '../journal/journal.js';
import type {Target} from '../targets/capabilities.js';
import {adviceFor} from './journaled-run.js';
import type {RunHooks, StepOutcome} from './procedure-run.js';
import {freshSnapshotFolder} from './snapshot-name.js';

type Failed = Extract<StepOutcome, {status: 'failed'}>;

export type JournaledRollback = {
	record(entry: NewEntry): Promise<void>;
	end(outcome: 'rolled-back'): Promise<void>;
};

/**
 * The roll back as one journaled step: started, then `body` (given `hooks`, through which it sends its
 * commands); its summary finishes the step and ends the run; a failure it returns, or an error it throws,
 * is journaled and said with how to go on (a roll back again continues from where this one stopped). The
 * entry that ends it carries the last command it sent, as a step's does: the resume screen shows it.
 */
export async function journaledRollback(
	run: JournaledRollback,
	hooks: RunHooks,
	body: (hooks: RunHooks) => Promise<{summary: string} | Failed>,
): Promise<StepOutcome> {
	await run.record({type: 'step-started', step: 'rollback'});
	let command: string | undefined;
	const onCommand: RunHooks['onCommand'] = event => {
		if (event.phase === 'start') command = event.command;
		hooks.onCommand?.(event);
	};
	const sent = () => (command ? {command} : {});
	try {
		const outcome = await body({...hooks, onCommand});
		if ('status' in outcome) {
			await run.record({type: 'step-failed', step: 'rollback', message: outcome.message, ...sent()});
			return outcome;
		}
		await run.record({type: 'step-finished', step: 'rollback', summary: outcome.summary, ...sent()});
		await run.end('rolled-back');
		return {status: 'done', summary: outcome.summary};
	} catch (error) {
		const message = (error as Error).message;
		await run.record({type: 'step-failed', step: 'rollback', message, ...sent()});
		return {
			status: 'failed',
			message,
			advice: `${hintOf(error) ?? adviceFor(error)}; then roll back again: it continues from where this one stopped (nothing it did is undone twice)`,
		};
	}
}

/**
 * Moves the copies `names` out of `from` into the rolled-back folder (the one an earlier roll back of this
 * run chose, `earlier`, else a fresh one), each rename journaled before and after. A name the folder
 * already holds stops it: `leftWhere(name)` says where that copy stays. Returns the folder, or `earlier`
 * when there is nothing to move.
 */
export async function moveCopiesAside(
	run: {readonly target: Target; record(entry: NewEntry): Promise<void>},
	from: string,
	names: readonly string[],
	earlier: string | undefined,
	leftWhere: (name: string) => string,
): Promise<string | undefined> {
	if (names.length === 0) return earlier;
	const {files} = run.target.database;
	const aside = earlier ?? (await freshSnapshotFolder(run.target.database, new Date(), 'rolled-back'));
	await run.record({type: 'step-plan', step: 'rollback', files: [...names], folder: aside});
	await files.mkdir(aside);
	try {
		for (const name of names) {
			const source = files.join(from, name);
			const to = files.join(aside, name);
			if (await files.stat(to)) throw new Error(`${aside} already holds a ${name}: ${leftWhere(name)}`);
			await run.record({type: 'move', from: source, to});
			await files.rename(source, to);
			await run.record({type: 'moved', from: source, to});
		}
	} catch (error) {
		// Stopped before anything went into it (a file held open, say): the folder it made is not left behind empty.
		if ((await files.list(aside).catch(() => ['?'])).length === 0) await files.removeFolder(aside).catch(() => {});
		throw error;
	}
	await files.flush(aside);
	return aside;
}
