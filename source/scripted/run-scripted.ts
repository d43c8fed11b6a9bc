/**
 * Scripted runs (ARCHITECTURE.md, "The command line and the front ends"): every answer given as a flag, no terminal needed. One line per step
 * (JSON lines with --json); Ctrl+C, SIGTERM or a closed session stop at the next safe point.
 */
import type {Io} from '../app/io.js';
import type {WizardOptions} from '../app/options.js';
import type {ScriptedAnswers} from '../app/scripted-answers.js';
import {EXIT} from '../errors/exit-codes.js';
import {UsageError} from '../errors/hinted-error.js';
import {TargetBusyError} from '../journal/target-lock.js';
import {beginReconstruct} from '../app/begin-run.js';
import {openTarget, otherRunText, type OpenTarget, type OtherRun} from '../app/open-target.js';
import {prepareRestore} from '../app/prepare-restore.js';
import {reconstructPreflight} from '../app/prepare-reconstruct.js';
import {scriptedResumeProblem} from '../app/resume-policy.js';
import {rollBack, type RollBackResult} from '../app/roll-back.js';
import {serviceLineNow} from '../app/service-as-found.js';
import {resumeUnfinished, type FoundRun, type OpenedRun} from '../app/unfinished-run.js';
import type {ProcedureRun, StepOutcome} from '../procedure/procedure-run.js';
import type {Target} from '../targets/capabilities.js';
import type {Check} from '../targets/preflight.js';
import type {CommandEvent} from '../targets/run-command.js';
import type {SyncEvent} from '../services/synchronization.js';
import type {Event} from '../app/events.js';
import {eventLine, type EventFields} from '../app/json-line.js';
import {formatDate} from '../text/format.js';
import type {Glyphs} from '../text/glyphs.js';
import {safeText} from '../text/sanitize.js';
import {initialPasswordFromFlags, reconstructFromFlags} from './reconstruct-flags.js';
import {refusedByServerLock} from './server-refusal.js';
import {beginRestoreFor, closingCheck, repairOffer, roleRefusal} from './situation.js';
import {RepairRun} from '../procedure/repair-run.js';

/** A scripted run to its end; the glyphs are the command line's choice (cli/main.ts), as is the Io (its text made ASCII with them). */
export async function runScripted(options: WizardOptions, answers: ScriptedAnswers, io: Io, glyphs: Glyphs): Promise<number> {
	// A closed output (`--json | head -2`, a dropped pipe) is not a crash: the step finishes, is journaled,
	// and the run stops at the next safe point, as on SIGTERM; nothing more is written to it.
	let outputClosed = false;
	const say = (text: string, event: Event) => {
		if (outputClosed) return;
		if (options.json) io.out(eventLine(event));
		else io.out(`${text}\n`);
	};
	let stop = false;
	let signalName = '';
	const abort = new AbortController();
	let lastCommand = '';
	const onSignal = (name: string) => () => {
		if (!stop) say(`${glyphs.warning} ${name}: stopping at the next safe point…`, {event: 'stopping', signal: name});
		stop = true;
		signalName = name;
		abort.abort();
	};
	const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map(name => [name, onSignal(name)] as const);
	for (const [name, handler] of handlers) process.on(name, handler);
	const onOutputError = (error: NodeJS.ErrnoException) => {
		if (error.code !== 'EPIPE' && error.code !== 'EOF') throw error;
		outputClosed = true;
		onSignal('output closed')();
	};
	process.stdout.on('error', onOutputError);
	let release: (() => Promise<void>) | undefined;
	try {
		const what = answers.intent === 'rollback' ? 'a roll back' : answers.intent === 'resume' ? 'a resumed run' : `a ${answers.intent} run`;
		let opened: OpenTarget;
		try {
			opened = await openTarget(options, `${what} (scripted)`);
		} catch (error) {
			if (!(error instanceof TargetBusyError)) throw error;
			say(`${glyphs.error} ${safeText(error.message)}\n  What to do: ${error.hint}`, {
				event: 'refused',
				reason: 'busy',
				message: error.message,
				...(error.holder ? {holder: error.holder} : {}),
			});
			return EXIT.failed;
		}
		release = opened.release;
		const {target, unfinished} = opened;
		// Runs of other targets that share this journal folder: named, never touched.
		for (const other of opened.others) sayOtherRun(other);
		let run: OpenedRun;
		if (unfinished) {
			const refusal = scriptedResumeProblem(unfinished, {resume: answers.intent === 'resume', rollback: answers.intent === 'rollback'});
			if (refusal) throw refusal;
			const resumed = await resumeUnfinished(target, unfinished, {breakLock: options.breakLock});
			run = resumed.run;
			if (run.flow === 'reconstruct' && run.needsInitialPassword()) run.provideInitialPassword(await initialPasswordFromFlags(options, io));
			const {found} = resumed;
			say(`${foundText(found)}${found.backup ? ` It restores ${safeText(found.backup)}.` : ''} Journal: ${run.journalPath}`, {
				event: 'found-run',
				journal: run.journalPath,
				flow: found.flow,
				state: found.standing.state,
				started: found.started,
				...(found.backup ? {backup: found.backup} : {}),
				during: found.standing.during ?? null,
				next: found.next?.step ?? null,
			});
			if (await refusedByServerLock(run, false, options.breakLock ?? false, say, glyphs)) return EXIT.failed;
			if (answers.intent === 'rollback') {
				const outcome = await rollBack(run, {onCommand: echo});
				report('rollback', 'Roll back', outcome);
				const {kept} = outcome;
				if (outcome.status === 'done')
					say(`${glyphs.ok} Rolled back: SYNCAGNT and MSSYNC are as they were before the run. ${kept.join(' ')}`, {
						event: 'rolled-back',
						ok: true,
						journal: run.journalPath,
						kept,
					});
				else
					say(`${glyphs.error} The roll back did not finish: fix the cause, then run again with --rollback. ${kept.join(' ')}`, {
						event: 'rolled-back',
						ok: false,
						journal: run.journalPath,
						kept,
					});
				return outcome.status === 'done' ? EXIT.ok : EXIT.failed;
			}
		} else {
			if (answers.intent === 'resume' || answers.intent === 'rollback') {
				throw new UsageError(
					`there is no cut-off run to ${answers.intent === 'resume' ? 'resume' : 'roll back'} on this target`,
					`journals are kept in ${target.journalDir}`,
				);
			}
			if (answers.intent === 'reconstruct') {
				const checks = await reconstructPreflight(target);
				sayChecks(checks);
				if (!checks.every(c => c.ok)) {
					say(`${glyphs.error} The target is not ready: nothing was changed.`, {event: 'refused', reason: 'preflight'});
					return EXIT.failed;
				}
				const warn = (text: string) => say(`${glyphs.warning} ${safeText(text)}`, {event: 'warning', message: text});
				run = await beginReconstruct(target, await reconstructFromFlags(target, answers, options, io, warn), {breakLock: options.breakLock});
			} else if (answers.intent === 'repair') run = await RepairRun.begin(target);
			else {
				const restore = await prepareAndBeginRestore(target, answers);
				if (!restore) return EXIT.failed;
				run = restore;
			}
			say(`Journal: ${run.journalPath}`, {event: 'journal', path: run.journalPath});
		}
		if (await refusedByServerLock(run, !unfinished, options.breakLock ?? false, say, glyphs)) return EXIT.failed;
		for (let step = run.nextStep(); step; step = run.nextStep()) {
			if (stop) {
				await run.noteInterrupted(signalName, step);
				say(`${glyphs.warning} Interrupted before "${stepTitle(run, step)}". ${again(run)}`, {event: 'interrupted', before: step, journal: run.journalPath});
				await sayService(run);
				return EXIT.interrupted;
			}
			if (run.awaitingManual(step)) {
				// Running again with --resume is the admin saying the manual step is done.
				const confirmed = await run.confirmManual(step);
				report(step, stepTitle(run, step), confirmed);
				continue;
			}
			const outcome = await runStep(run, step);
			if (outcome.status === 'manual') {
				say(`${glyphs.arrow} Your turn: ${stepTitle(run, step)}`, {event: 'manual-step', step, instructions: outcome.instructions});
				for (const line of outcome.instructions) say(`  ${safeText(line)}`, {event: 'instruction', text: line});
				say(`  Once it is done, run the same command again with --resume. (--yes never confirms a step a person must do.)`, {
					event: 'waiting',
					journal: run.journalPath,
				});
				return EXIT.manual;
			}
			if (outcome.status === 'interrupted') {
				say(`${glyphs.warning} ${outcome.message}. ${again(run)}`, {event: 'interrupted', step, journal: run.journalPath});
				await sayService(run);
				return EXIT.interrupted;
			}
			if (outcome.status === 'failed') {
				if (await run.nothingChanged()) {
					await run.end('nothing-changed');
					say(`  Nothing was changed, so this run is closed (journal ${run.journalPath}): fix the cause, then start a new run.`, {
						event: 'closed',
						reason: 'nothing-changed',
						journal: run.journalPath,
						step,
					});
					return EXIT.failed;
				}
				say(`  The run is journaled in ${run.journalPath}: fix the cause, then ${again(run).toLowerCase()}`, {
					event: 'stopped',
					journal: run.journalPath,
					step,
				});
				await sayService(run);
				return EXIT.failed;
			}
		}
		await run.end('completed');
		const kept = run.whereThingsAre();
		// The optional check comes just before the last line, which stays "completed" (--json readers stop there).
		for (const line of await closingCheck(run, target)) say(`${glyphs.bullet} ${line}`, {event: 'instruction', text: line});
		say(`${glyphs.ok} Done. ${kept.join(' ')}`, {event: 'completed', journal: run.journalPath, kept});
		return EXIT.ok;
	} finally {
		for (const [name, handler] of handlers) process.off(name, handler);
		await release?.();
		if (!outputClosed) process.stdout.off('error', onOutputError);
	}
	/** Where a run stops with MSSYNC not as it found it (a restore stopped it: DSMN stays down): said, with how to bring it back. */
	async function sayService(run: OpenedRun) {
		const line = await serviceLineNow(run, () =>
			run.rollbackBegan()
				? 'run the same command again with --rollback'
				: 'run the same command again with --resume (it goes on to "Start MSSYNC"), or with --rollback (SYNCAGNT as it was, MSSYNC as found)',
		);
		if (line) say(`${glyphs.warning} ${line}`, {event: 'warning', message: line});
	}

	function sayOtherRun(other: OtherRun) {
		const {text, continueWith} = otherRunText(other);
		const {start, path} = other.run;
		say(`${glyphs.bullet} ${safeText(text)}\n  To continue it: ${safeText(continueWith)}`, {
			event: 'other-run',
			journal: path,
			target: start.target,
			syncagnt: start.syncagnt,
		});
	}

	/** Shows each command as it runs; a poll repeating the same command is shown once. */
	function echo(event: CommandEvent) {
		if (event.phase !== 'start' || event.command === lastCommand) return;
		lastCommand = event.command;
		say(`  $ ${event.command}`, {event: 'command', command: event.command});
	}

	function report(step: string, title: string, outcome: StepOutcome | RollBackResult) {
		if (outcome.status === 'done') say(`${glyphs.ok} ${title}: ${outcome.summary}`, {event: 'step-finished', step, summary: outcome.summary});
		else if (outcome.status === 'failed')
			say(`${glyphs.error} ${title} failed: ${safeText(outcome.message)}\n  What to do: ${outcome.advice}`, {
				event: 'step-failed',
				step,
				message: outcome.message,
				advice: outcome.advice,
			});
	}

	/** Says what works and what does not before anything changes. */
	function sayChecks(checks: Check[]): void {
		for (const check of checks) {
			const mark = !check.ok ? glyphs.error : check.warning ? glyphs.warning : glyphs.ok;
			say(`${mark} ${safeText(check.detail)}${check.fix ? `\n  What to do: ${check.fix}` : ''}${check.warning ? ' (acknowledged by --yes)' : ''}`, {
				event: 'check',
				...check,
			});
		}
	}

	async function prepareAndBeginRestore(target: Target, answers: Extract<ScriptedAnswers, {intent: 'restore'}>): Promise<OpenedRun | undefined> {
		const prepared = await prepareRestore(target, answers.backup);
		const {validation} = prepared;
		for (const warning of validation.warnings) say(`${glyphs.warning} ${safeText(warning)}`, {event: 'warning', message: warning});
		for (const error of validation.errors) say(`${glyphs.error} ${safeText(error)}`, {event: 'error', message: error});
		if (prepared.stage === 'invalid-backup') {
			say(`${glyphs.error} The backup is not valid: nothing was changed.`, {event: 'refused', reason: 'invalid backup'});
			return undefined;
		}
		sayChecks(prepared.checks);
		const refused = await roleRefusal(target, answers.pdc);
		if (refused)
			say(`${glyphs.error} ${refused.message}\n  What to do: ${refused.advice}`, {
				event: 'refused',
				reason: 'bdc',
				message: `${refused.message}; ${refused.advice}`,
			});
		if (refused) return undefined;
		const offer = repairOffer(prepared.checks);
		if (offer) say(`${glyphs.arrow} ${offer}`, {event: 'warning', message: offer});
		if (prepared.stage !== 'ready') {
			say(`${glyphs.error} The target is not ready: nothing was changed.`, {event: 'refused', reason: 'preflight'});
			return undefined;
		}
		const n = validation.warnings.length;
		say(`${glyphs.ok} Backup ${safeText(validation.folder)} is valid${n ? ` (${n} warning${n === 1 ? '' : 's'} acknowledged by --yes)` : ''}.`, {
			event: 'validated',
			folder: validation.folder,
			warnings: n,
		});
		const run = await beginRestoreFor(target, validation.folder, answers);
		if (options.breakLock) run.breakLockIfGone = true;
		return run;
	}

	async function runStep(run: ProcedureRun, step: string): Promise<StepOutcome> {
		const steps = run.steps();
		const info = steps.find(s => s.id === step)!;
		say(`[${steps.indexOf(info) + 1}/${steps.length}] ${info.title}…`, {event: 'step-started', step});
		let lastProgress = 0;
		const progress = (json: EventFields<'progress'>) => {
			if (options.json && Date.now() - lastProgress >= 1000) {
				lastProgress = Date.now();
				say('', {event: 'progress', ...json});
			}
		};
		const outcome = await run.execute(step, {
			stopRequested: () => stop,
			signal: abort.signal,
			onCommand: echo,
			onCountProgress: e => progress({label: e.label, done: e.done, total: e.total}),
			onSync: (event: SyncEvent) => {
				if (event.type === 'server-finished')
					say(`  ${glyphs.ok} ${event.server}: ${event.done} accounts propagated`, {event: 'server-finished', server: event.server, done: event.done});
				else if (event.type === 'server-failed')
					say(`  ${glyphs.error} ${event.server}: ${safeText(event.reason)}`, {event: 'server-failed', server: event.server, reason: event.reason});
				else if (event.type === 'progress') progress({server: event.server, done: event.done});
			},
		});
		report(step, info.title, outcome);
		return outcome;
	}
}

function again(run: ProcedureRun): string {
	return `Run again with --resume to continue${run.canRollback ? ', or --rollback to undo' : ''}.`;
}

function stepTitle(run: ProcedureRun, step: string): string {
	return run.steps().find(s => s.id === step)?.title ?? step;
}

/** How the journal left a run found unfinished, in one sentence. */
function foundText(found: FoundRun): string {
	const {standing, standingTitle = ''} = found;
	const began = `Found the ${found.flow} run begun ${formatDate(new Date(found.started))}`;
	if (standing.state === 'failed') return `${began}: "${standingTitle}" failed (${safeText(standing.message ?? '')}).`;
	if (standing.state === 'awaiting-manual') return `${began}, waiting for you to confirm "${standingTitle}".`;
	if (standing.during) return `${began}, cut off during "${standingTitle}".`;
	return `${began}, cut off ${found.next ? `before "${found.next.title}"` : 'after its last step'}.`;
}
