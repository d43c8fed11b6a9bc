/**
 * Use case: roll back a restore (ARCHITECTURE.md, "Use cases"): SYNCAGNT put back as it was and MSSYNC as
 * the run found it, then where everything is; on the lab, which servers still show a red X (a roll back
 * puts the database back, not the synchronization). A reconstruct cannot be rolled back (`resumeChoices`).
 */
import type {CommandListener} from '../targets/run-command.js';
import type {ServiceState} from '../services/service-state.js';
import type {OpenedRun} from './unfinished-run.js';

export type RollBackResult =
	{status: 'done'; summary: string; kept: string[]; red: string[] | undefined} | {status: 'failed'; message: string; advice: string; kept: string[]};

/**
 * MSSYNC's state now, for the roll back's confirmation (which says what the roll back will do about it);
 * undefined when it cannot be read (the confirmation says so).
 */
export async function serviceBeforeRollback(run: OpenedRun, options: {onCommand?: CommandListener | undefined} = {}): Promise<string | undefined> {
	const now = await Promise.resolve()
		.then(() => run.target.service.query(options.onCommand ? {onCommand: options.onCommand} : {}))
		.catch(() => undefined);
	return now?.ok ? now.state : undefined;
}

export async function rollBack(
	run: OpenedRun,
	options: {onCommand?: CommandListener | undefined; onPoll?: ((state: ServiceState) => void) | undefined} = {},
): Promise<RollBackResult> {
	const outcome = await run.rollback({
		...(options.onCommand ? {onCommand: options.onCommand} : {}),
		...(options.onPoll ? {onPoll: options.onPoll} : {}),
	});
	const kept = run.whereThingsAre();
	if (outcome.status === 'done') {
		const {target} = run;
		const red = target.kind === 'lab' ? (await target.servers.list()).filter(s => !s.synchronized).map(s => s.name) : undefined;
		return {status: 'done', summary: outcome.summary, kept, red};
	}
	if (outcome.status === 'failed') return {status: 'failed', message: outcome.message, advice: outcome.advice, kept};
	// A roll back has no manual step and stops only on failure: anything else is a defect in the run.
	throw new Error(`a roll back ended as ${outcome.status}`);
}
