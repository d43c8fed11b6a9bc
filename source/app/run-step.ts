/**
 * Use case: run one step (ARCHITECTURE.md, "Use cases", "Events and --json"): what the step reports while
 * it runs and as it ends, as `StepEvent`s, the same for both front ends. The scripted run renders them as
 * text or JSON lines; the wizard's run driver turns them into its running screen and its log.
 */
import type {StepEvent} from './events.js';
import type {ProcedureRun, RunHooks, StepOutcome} from '../procedure/procedure-run.js';

export type ReportStep = (event: StepEvent) => void;

/** What a front end controls of a running step: when to stop, and (a retry) which servers. */
export type StepControl = Pick<RunHooks, 'stopRequested' | 'signal' | 'only'>;

/** The run's hooks, each turned into the event it means. */
export function stepHooks(report: ReportStep, control: StepControl = {}): RunHooks {
	return {
		...control,
		onCommand: e => {
			if (e.phase === 'start') report({event: 'command', command: e.command});
		},
		onPoll: state => report({event: 'service-state', state}),
		onCopyProgress: e => report({event: 'progress', file: e.file, fileDone: e.fileDone, fileTotal: e.fileTotal, done: e.bytesDone, total: e.bytesTotal}),
		onCountProgress: e => report({event: 'progress', label: e.label, done: e.done, total: e.total}),
		onSync: e => {
			if (e.type === 'plan') report({event: 'sync-plan', servers: e.servers.map(({name, total}) => ({name, total}))});
			else if (e.type === 'server-started') report({event: 'server-started', server: e.server});
			else if (e.type === 'progress') report({event: 'progress', server: e.server, done: e.done});
			else if (e.type === 'server-finished') report({event: 'server-finished', server: e.server, done: e.done});
			else report({event: 'server-failed', server: e.server, reason: e.reason, advice: e.advice});
		},
	};
}

/** How a step ended, as an event: finished, failed, or none (interrupted, or a manual step waiting). */
export function stepEnd(step: string, title: string, outcome: StepOutcome): StepEvent | undefined {
	if (outcome.status === 'done') return {event: 'step-finished', step, title, summary: outcome.summary};
	if (outcome.status === 'failed') return {event: 'step-failed', step, title, message: outcome.message, advice: outcome.advice};
	return undefined;
}

/** Runs the step: started, what it reports while it runs, and how it ended, each reported; returns the outcome. */
export async function runStep(run: ProcedureRun, step: string, report: ReportStep, control: StepControl = {}): Promise<StepOutcome> {
	const steps = run.steps();
	const index = steps.findIndex(s => s.id === step);
	const title = steps[index]?.title ?? step;
	report({event: 'step-started', step, title, index: index + 1, total: steps.length});
	const outcome = await run.execute(step, stepHooks(report, control));
	const end = stepEnd(step, title, outcome);
	if (end) report(end);
	return outcome;
}
