/**
 * Scripted runs (DESIGN.md §3): every answer given as a flag, no terminal needed. One line per step
 * (JSON lines with --json); Ctrl+C, SIGTERM or a closed session stop at the next safe point.
 */
import type {Io} from '../cli/main.js';
import type {WizardOptions} from '../cli/parse-args.js';
import {UsageError} from '../cli/usage-error.js';
import {validateBackup} from '../backup/validate.js';
import {findUnfinishedRun} from '../journal/journal.js';
import {RestoreRun, type StepOutcome} from '../procedure/restore-run.js';
import {RESTORE_STEPS, stepInfo, type RestoreStepId} from '../procedure/restore-steps.js';
import {resolveTarget} from '../targets/resolve-target.js';
import type {CommandEvent} from '../targets/run-command.js';
import type {SyncEvent} from '../targets/synchronization.js';
import {chooseGlyphs} from '../text/glyphs.js';
import {safeText} from '../text/sanitize.js';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_INTERRUPTED = 130;

export async function runScripted(options: WizardOptions, io: Io): Promise<number> {
	const glyphs = chooseGlyphs(io.env, options.ascii);
	const say = (text: string, json: Record<string, unknown>) => {
		if (options.json) io.out(`${JSON.stringify({...json, at: new Date().toISOString()})}\n`);
		else io.out(`${text}\n`);
	};
	let stop = false;
	let lastCommand = '';
	let signalName = '';
	const onSignal = (name: string) => () => {
		if (!stop) say(`${glyphs.warning} ${name}: stopping at the next safe point…`, {event: 'stopping', signal: name});
		stop = true;
		signalName = name;
	};
	const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map(name => [name, onSignal(name)] as const);
	for (const [name, handler] of handlers) process.on(name, handler);
	try {
		const target = await resolveTarget(options);
		const unfinished = await findUnfinishedRun(target.journalDir);
		let run: RestoreRun;
		if (unfinished) {
			if (!options.resume && !options.rollback) {
				throw new UsageError(
					`a run was cut off on this target (${unfinished.path}); say what to do with it`,
					'run again with --resume to continue it, or --rollback to put everything back as it was',
				);
			}
			if (unfinished.start.flow !== 'restore') throw new UsageError('the cut-off run is a reconstruct run, which this version cannot resume');
			run = await RestoreRun.resume(target, unfinished);
			say(`Found the run cut off at ${run.nextStep() ?? 'its end'} (journal ${run.journalPath}).`, {event: 'found-run', journal: run.journalPath, next: run.nextStep() ?? null});
			if (options.rollback) {
				const outcome = await run.rollback({onCommand: echo});
				report('rollback', 'Roll back', outcome);
				return outcome.status === 'done' ? EXIT_OK : EXIT_FAILED;
			}
		} else {
			if (options.resume || options.rollback) {
				throw new UsageError(`there is no cut-off run to ${options.resume ? 'resume' : 'roll back'} on this target`, `journals are kept in ${target.journalDir}`);
			}
			if (options.flow !== 'restore') {
				say(`${glyphs.error} The reconstruct flow is not available in this version yet.`, {event: 'refused', reason: 'reconstruct flow not available'});
				return EXIT_FAILED;
			}
			const report = await validateBackup(options.backup!, {liveSyncagnt: target.database.syncagnt});
			for (const warning of report.warnings) say(`${glyphs.warning} ${safeText(warning)}`, {event: 'warning', message: warning});
			for (const error of report.errors) say(`${glyphs.error} ${safeText(error)}`, {event: 'error', message: error});
			if (!report.valid) {
				say(`${glyphs.error} The backup is not valid: nothing was changed.`, {event: 'refused', reason: 'invalid backup'});
				return EXIT_FAILED;
			}
			say(`${glyphs.ok} Backup ${safeText(report.folder)} is valid${report.warnings.length ? ` (${report.warnings.length} warning${report.warnings.length === 1 ? "" : "s"} acknowledged by --yes)` : ''}.`, {event: 'validated', folder: report.folder, warnings: report.warnings.length});
			run = await RestoreRun.begin(target, report.folder);
			say(`Journal: ${run.journalPath}`, {event: 'journal', path: run.journalPath});
		}

		for (let step = run.nextStep(); step; step = run.nextStep()) {
			if (stop) {
				await run.noteInterrupted(signalName, step);
				say(`${glyphs.warning} Interrupted before "${stepInfo(step).title}". Run again with --resume to continue, or --rollback to undo.`, {event: 'interrupted', before: step});
				return EXIT_INTERRUPTED;
			}
			const outcome = await runStep(run, step);
			if (outcome.status === 'interrupted') {
				say(`${glyphs.warning} ${outcome.message}. Run again with --resume to continue, or --rollback to undo.`, {event: 'interrupted', step});
				return EXIT_INTERRUPTED;
			}
			if (outcome.status === 'failed') {
				say(`  The run is journaled in ${run.journalPath}: fix the cause, then run again with --resume to retry, or --rollback to undo.`, {event: 'stopped', journal: run.journalPath});
				return EXIT_FAILED;
			}
		}
		await run.end('completed');
		say(`${glyphs.ok} Done. The previous database is kept in ${run.snapshot}; the journal is ${run.journalPath}.`, {event: 'completed', snapshot: run.snapshot, journal: run.journalPath});
		return EXIT_OK;
	} finally {
		for (const [name, handler] of handlers) process.off(name, handler);
	}

	/** Shows each command as it runs; a poll repeating the same command is shown once. */
	function echo(event: CommandEvent) {
		if (event.phase !== 'start' || event.command === lastCommand) return;
		lastCommand = event.command;
		say(`  $ ${event.command}`, {event: 'command', command: event.command});
	}

	function report(step: string, title: string, outcome: StepOutcome) {
		if (outcome.status === 'done') say(`${glyphs.ok} ${title}: ${outcome.summary}`, {event: 'step-finished', step, summary: outcome.summary});
		else if (outcome.status === 'failed') say(`${glyphs.error} ${title} failed: ${safeText(outcome.message)}\n  What to do: ${outcome.advice}`, {event: 'step-failed', step, message: outcome.message, advice: outcome.advice});
	}

	async function runStep(run: RestoreRun, step: RestoreStepId): Promise<StepOutcome> {
		const info = stepInfo(step);
		const index = RESTORE_STEPS.indexOf(info) + 1;
		say(`[${index}/${RESTORE_STEPS.length}] ${info.title}…`, {event: 'step-started', step});
		let lastProgress = 0;
		const outcome = await run.execute(step, {
			stopRequested: () => stop,
			onCommand: echo,
			onSync: (event: SyncEvent) => {
				if (event.type === 'server-finished') say(`  ${glyphs.ok} ${event.server}: ${event.done} accounts propagated`, {event: 'server-finished', server: event.server, done: event.done});
				else if (event.type === 'server-failed') say(`  ${glyphs.error} ${event.server}: ${safeText(event.reason)}`, {event: 'server-failed', server: event.server, reason: event.reason});
				else if (event.type === 'progress' && options.json && Date.now() - lastProgress >= 1000) {
					lastProgress = Date.now();
					say('', {event: 'progress', server: event.server, done: event.done});
				}
			},
		});
		report(step, info.title, outcome);
		return outcome;
	}
}
