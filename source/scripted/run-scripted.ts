/**
 * Scripted runs (ARCHITECTURE.md, "The command line and the front ends"): every answer given as a flag, no terminal needed. One line per step
 * (JSON lines with --json); Ctrl+C, SIGTERM or a closed session stop at the next safe point.
 */
import type {Io} from '../app/io.js';
import type {WizardOptions} from '../app/options.js';
import type {ScriptedAnswers, ScriptedRun} from '../app/scripted-answers.js';
import {EXIT} from '../errors/exit-codes.js';
import {UsageError} from '../errors/hinted-error.js';
import {TargetBusyError} from '../journal/target-lock.js';
import {afterRunChecks} from '../app/after-run-checks.js';
import {claimServer} from '../app/claim-server.js';
import {finishRun} from '../app/finish-run.js';
import {event8005Check} from '../procedure/synchronize-choice.js';
import {beginReconstruct} from '../app/begin-run.js';
import {openTarget, otherRunEvent, type OpenTarget} from '../app/open-target.js';
import {prepareRestore} from '../app/prepare-restore.js';
import {reconstructPreflight} from '../app/prepare-reconstruct.js';
import {allow4xRefusal} from '../procedure/allow4x-check.js';
import {asLaunched, launcherOf, type Launcher} from '../wizard/start-again.js';
import {scriptedResumeProblem} from '../app/resume-policy.js';
import {rollBack, type RollBackResult} from '../app/roll-back.js';
import {stuckStoppingAdvice} from '../procedure/rollback-service.js';
import {runStep, stepEnd} from '../app/run-step.js';
import {interruptedEvent, stoppedEvent} from '../app/stop-run.js';
import {resumeUnfinished, type OpenedRun} from '../app/unfinished-run.js';
import type {ProcedureRun, StepOutcome} from '../procedure/procedure-run.js';
import type {Target} from '../targets/capabilities.js';
import type {Check} from '../targets/preflight.js';
import type {CommandEvent} from '../targets/run-command.js';
import type {RunEvent} from '../app/events.js';
import {eventLine} from '../app/json-line.js';
import type {Glyphs} from '../text/glyphs.js';
import {initialPasswordFromFlags, reconstructFromFlags} from './reconstruct-flags.js';
import {textOf} from './render-text.js';
import {beginRestoreFor, repairOffer, roleRefusal} from './situation.js';
import {RepairRun} from '../procedure/repair-run.js';
import {SUPERVISOR_ADVICE, SUPERVISOR_NEEDED} from '../procedure/supervisor-login.js';

/** A scripted run to its end; the glyphs are the command line's choice (cli/main.ts), as is the Io (its text made ASCII with them). */
export async function runScripted(options: WizardOptions, {target: spec, answers}: ScriptedRun, io: Io, glyphs: Glyphs): Promise<number> {
	// A closed output (`--json | head -2`, a dropped pipe) is not a crash: the step finishes, is journaled,
	// and the run stops at the next safe point, as on SIGTERM; nothing more is written to it.
	let outputClosed = false;
	const launcher = launcherOf(io.script, io.env);
	// Everything the run reports is an event, rendered once: as a JSON line (--json) or as text; its advice and
	// hint name the lab's commands as launched, as the wizard's do (ARCHITECTURE.md, "The command line and the front ends").
	const say = (event: RunEvent) => {
		if (outputClosed) return;
		const said = launched(event, launcher);
		const line = options.json ? eventLine(said) : textOf(said, glyphs);
		if (line !== undefined) io.out(line);
	};
	let stop = false;
	let signalName = '';
	const abort = new AbortController();
	let lastCommand = '';
	const onSignal = (name: string) => () => {
		if (!stop) say({event: 'stopping', signal: name});
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
	io.stdout.on('error', onOutputError);
	let release: (() => Promise<void>) | undefined;
	try {
		const what = answers.intent === 'rollback' ? 'a roll back' : answers.intent === 'resume' ? 'a resumed run' : `a ${answers.intent} run`;
		let opened: OpenTarget;
		try {
			opened = await openTarget(spec, `${what} (scripted)`);
		} catch (error) {
			if (!(error instanceof TargetBusyError)) throw error;
			say({event: 'refused', reason: 'busy', message: error.message, hint: error.hint, ...(error.holder ? {holder: error.holder} : {})});
			return EXIT.failed;
		}
		release = opened.release;
		const {target, unfinished} = opened;
		// Runs of other targets that share this journal folder: named, never touched.
		for (const other of opened.others) say(otherRunEvent(other));
		let run: OpenedRun;
		if (unfinished) {
			const refusal = scriptedResumeProblem(unfinished, {resume: answers.intent === 'resume', rollback: answers.intent === 'rollback'});
			if (refusal) throw refusal;
			const resumed = await resumeUnfinished(target, unfinished, {breakLock: options.breakLock});
			run = resumed.run;
			if (run.flow === 'reconstruct' && run.needsInitialPassword()) run.provideInitialPassword(await initialPasswordFromFlags(options, io));
			const {found} = resumed;
			const {standing} = found;
			say({
				event: 'found-run',
				journal: run.journalPath,
				flow: found.flow,
				state: standing.state,
				started: found.started,
				...(found.backup ? {backup: found.backup} : {}),
				during: standing.during ?? null,
				next: found.next?.step ?? null,
				...(standing.step ? {step: standing.step} : {}),
				...(standing.message === undefined ? {} : {message: standing.message}),
				...(found.standingTitle ? {title: found.standingTitle} : {}),
				...(found.next ? {nextTitle: found.next.title} : {}),
			});
			if (await refusedByServerLock(run, false)) return EXIT.failed;
			if (answers.intent === 'rollback') {
				const outcome = await rollBack(run, {onCommand: echo});
				report('rollback', 'Roll back', outcome);
				say({event: 'rolled-back', ok: outcome.status === 'done', journal: run.journalPath, kept: outcome.kept});
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
				// As the wizard's answer "I have no Supervisor login on some of them": nothing is looked at or changed.
				if (answers.supervisor === 'no') {
					say({event: 'refused', reason: 'supervisor', message: SUPERVISOR_NEEDED, advice: `${SUPERVISOR_ADVICE}, with --supervisor yes`});
					return EXIT.failed;
				}
				const checks = await reconstructPreflight(target);
				sayChecks(checks);
				if (!checks.every(c => c.ok)) {
					say({event: 'refused', reason: 'preflight'});
					return EXIT.failed;
				}
				const warn = (text: string) => say({event: 'warning', message: text});
				const reconstruct = await reconstructFromFlags(target, answers, options, io, warn);
				const refused = await allow4xRefusal(target, reconstruct.plan.servers, reconstruct.plan.netware);
				if (refused) {
					say({event: 'refused', reason: 'allow4x', message: refused.message, advice: refused.advice});
					return EXIT.failed;
				}
				run = await beginReconstruct(target, reconstruct, {breakLock: options.breakLock});
			} else if (answers.intent === 'repair') run = await RepairRun.begin(target);
			else {
				const restore = await prepareAndBeginRestore(target, answers);
				if (!restore) return EXIT.failed;
				run = restore;
			}
			say({event: 'journal', path: run.journalPath});
		}
		if (await refusedByServerLock(run, !unfinished)) return EXIT.failed;
		for (let step = run.nextStep(); step; step = run.nextStep()) {
			if (stop) {
				await run.noteInterrupted(signalName, step);
				say(await interruptedEvent(run, {before: step, title: stepTitle(run, step)}, bringBack(run)));
				return EXIT.interrupted;
			}
			if (run.awaitingManual(step)) {
				// Running again with --resume is the admin saying the manual step is done.
				const confirmed = await run.confirmManual(step);
				report(step, stepTitle(run, step), confirmed);
				if (confirmed.status === 'failed') {
					say(await stoppedEvent(run, step, bringBack(run)));
					return EXIT.failed;
				}
				continue;
			}
			const outcome = await runOneStep(run, step);
			if (outcome.status === 'manual') {
				say({event: 'manual-step', step, title: stepTitle(run, step), instructions: outcome.instructions});
				for (const line of outcome.instructions) say({event: 'instruction', text: line, step});
				say({event: 'waiting', journal: run.journalPath});
				return EXIT.manual;
			}
			if (outcome.status === 'interrupted') {
				say(await interruptedEvent(run, {step, title: stepTitle(run, step), message: outcome.message}, bringBack(run)));
				return EXIT.interrupted;
			}
			if (outcome.status === 'failed') {
				if (await run.nothingChanged()) {
					await run.end('nothing-changed');
					say({event: 'closed', reason: 'nothing-changed', journal: run.journalPath, step});
					return EXIT.failed;
				}
				// Where SYNCAGNT's files are now (a folder beside it, once moved): said at every stop, not only at the end.
				say(await stoppedEvent(run, step, bringBack(run)));
				return EXIT.failed;
			}
		}
		const completed = await finishRun(run, target);
		// The optional check comes just before the last line, which stays "completed" (--json readers stop there).
		const after = await afterRunChecks(run, target);
		// Out of step after the plain synchronize: the last line says where to look for Event 8005 and what to do, once.
		const said = new Set(completed.outOfStep ? [...event8005Check('normal'), ...event8005Check('full')] : []);
		// A repair's next steps name the practice lab's own command as launched, as the wizard's do.
		const next = after.next.map(line => asLaunched(line, launcher));
		for (const line of [...next, ...after.checks, after.dsmchkExitCodes]) if (!said.has(line)) say({event: 'instruction', text: line});
		say(completed);
		// Servers still red (the lab reads the marks: after a repair, until synchronized), or Event 8005 seen: the
		// run is done but the servers are not in step, as the wizard's last screen exits (README, exit status).
		return (completed.red?.length ?? 0) > 0 || completed.outOfStep?.because === 'event-8005' ? EXIT.failed : EXIT.ok;
	} finally {
		for (const [name, handler] of handlers) process.off(name, handler);
		await release?.();
		if (!outputClosed) io.stdout.off('error', onOutputError);
	}
	/** Where a run stops with MSSYNC not as it found it (a restore stopped it: DSMN stays down): how to bring it back, said in its stop event. */
	function bringBack(run: OpenedRun) {
		// MSSYNC stuck stopping is ended first: until then a roll back or a resume fails the same way.
		const stuck = (now: string) => (now === 'STOP_PENDING' ? `${asLaunched(stuckStoppingAdvice(run.target.service, true), launcher)}; then ` : '');
		return (_found: string, now: string) => stuck(now) + again();
		function again() {
			if (run.rollbackBegan()) return 'run the same command again with --rollback';
			// The step it goes on with is the first not done (a failed Stop MSSYNC is tried again first), as the wizard says it (session.ts).
			const done = new Set(run.finishedSteps());
			const next = run.steps().find(step => !done.has(step.id))?.title;
			const starts = run.steps().find(step => step.id === 'start-service')?.title;
			const later = starts && next !== starts && !done.has('start-service') ? `, and starts MSSYNC at "${starts}"` : '';
			// Only a run that can be rolled back offers it, as the wizard does: never a repair.
			const rollback = run.canRollback ? ', or with --rollback (SYNCAGNT as it was, MSSYNC as found)' : '';
			return `run the same command again with --resume (it goes on with "${next ?? starts ?? 'Start MSSYNC'}"${later})${rollback}`;
		}
	}

	/** The server's writer lock asked for before the first step line (app/claim-server.ts): a refusal is its own event, exit 1. */
	async function refusedByServerLock(run: ProcedureRun, isNew: boolean): Promise<boolean> {
		const locked = await claimServer(run, {isNew, breakLock: options.breakLock});
		if (locked) say(locked);
		return locked !== undefined;
	}

	/** Shows each command as it runs; a poll repeating the same command is shown once. */
	function echo(event: CommandEvent) {
		if (event.phase !== 'start' || event.command === lastCommand) return;
		lastCommand = event.command;
		say({event: 'command', command: event.command});
	}

	function report(step: string, title: string, outcome: StepOutcome | RollBackResult) {
		const end = stepEnd(step, title, outcome);
		if (end) say(end);
	}

	/** Says what works and what does not before anything changes. */
	function sayChecks(checks: Check[]): void {
		for (const check of checks) say({event: 'check', ...check});
	}

	async function prepareAndBeginRestore(target: Target, answers: Extract<ScriptedAnswers, {intent: 'restore'}>): Promise<OpenedRun | undefined> {
		const prepared = await prepareRestore(target, answers.backup);
		const {validation} = prepared;
		for (const warning of validation.warnings) say({event: 'warning', message: warning});
		for (const error of validation.errors) say({event: 'error', message: error});
		if (prepared.stage === 'invalid-backup') {
			say({event: 'refused', reason: 'invalid backup'});
			return undefined;
		}
		sayChecks(prepared.checks);
		const refused = await roleRefusal(target, answers.pdc);
		if (refused) {
			say({event: 'refused', reason: 'bdc', message: refused.message, advice: refused.advice});
			return undefined;
		}
		const offer = repairOffer(prepared.checks);
		if (offer) say({event: 'warning', message: offer, repair: 'dsmpack'});
		if (prepared.stage !== 'ready') {
			say({event: 'refused', reason: 'preflight'});
			return undefined;
		}
		say({event: 'validated', folder: validation.folder, warnings: validation.warnings.length});
		const run = await beginRestoreFor(target, validation.folder, answers);
		if (options.breakLock) run.breakLockIfGone = true;
		return run;
	}

	/** A step run (app/run-step.ts): its events said as they come; the counts and MSSYNC's state at most once a second (--json only). */
	function runOneStep(run: ProcedureRun, step: string): Promise<StepOutcome> {
		let lastProgress = 0;
		return runStep(
			run,
			step,
			event => {
				if (event.event === 'command') return echo({phase: 'start', command: event.command});
				if (event.event === 'progress' || event.event === 'service-state') {
					if (!options.json || Date.now() - lastProgress < 1000) return;
					lastProgress = Date.now();
				}
				say(event);
			},
			{stopRequested: () => stop, signal: abort.signal},
		);
	}
}

/** An event's advice and hint (what to do), each command in them as launched (wizard/start-again.ts). */
function launched(event: RunEvent, launcher: Launcher): RunEvent {
	const {advice, hint} = event as {advice?: unknown; hint?: unknown};
	return {
		...event,
		...(typeof advice === 'string' ? {advice: asLaunched(advice, launcher)} : {}),
		...(typeof hint === 'string' ? {hint: asLaunched(hint, launcher)} : {}),
	};
}

function stepTitle(run: ProcedureRun, step: string): string {
	return run.steps().find(s => s.id === step)?.title ?? step;
}
