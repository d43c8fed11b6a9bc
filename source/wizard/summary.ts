/**
 * What the wizard says at an end, in words only (ARCHITECTURE.md, "The wizard"): pure functions from what
 * happened to a summary screen (its title, lines and exit status). Every line is a claim about the
 * target: each says what was changed, where things are, and what the admin does next.
 */
import type {Interrupted, Stopped} from '../app/stop-run.js';
import {EXIT} from '../errors/exit-codes.js';
import {afterRepairLines} from '../procedure/repair-and-check.js';
import {doubtTitle, type SynchronizeDoubt, type SynchronizeKind} from '../procedure/synchronize-choice.js';
import type {Screen} from './state.js';
import {SYNCHRONIZE_STOPS} from './step-help.js';
import {asLaunched} from './start-again.js';

export type Summary = Extract<Screen, {name: 'summary'}>;

/**
 * Every "start again" below names the command (`again`, start-again.ts): one that works as printed from
 * where the admin is, on the same target.
 */

/** `launcher`: what started this wizard (start-again.ts); a command in the hint is printed as it works from there. */
export function cannotOpenTarget(message: string, hint: string | undefined, launcher = 'dsmn-resync'): Summary {
	const runnable = hint === undefined ? undefined : asLaunched(hint, launcher);
	return {name: 'summary', title: 'Cannot open the target', lines: [message, ...(runnable ? [runnable] : [])], ok: false, exit: EXIT.failed, back: true};
}

export function journalUnreadable(message: string, again: string): Summary {
	return {
		name: 'summary',
		title: 'A journal cannot be read',
		lines: [message, `Nothing was changed. Move that file out of the journal folder if it is not needed, then start again: ${again}`],
		ok: false,
		exit: EXIT.failed,
	};
}

export function targetNotReady(again: string): Summary {
	return {
		name: 'summary',
		title: 'The target is not ready',
		ok: false,
		exit: EXIT.failed,
		lines: [`Nothing was changed. Fix what is marked, then start again: ${again}`],
	};
}

/** The restore's preflight refused this backup on this target (too little space for its copy…): each failed check and its fix. */
export function targetNotReadyFor(failing: readonly {detail: string; fix?: string | undefined}[]): Summary {
	return {
		name: 'summary',
		title: 'The target is not ready for this backup: nothing was changed',
		ok: false,
		exit: EXIT.failed,
		lines: [
			...failing.flatMap(c => [c.detail, ...(c.fix ? [`What to do: ${c.fix}`] : [])]),
			'Esc goes back to choose another backup; or fix that, then start again.',
		],
		back: true,
	};
}

export function notReadyToReconstruct(problem: string, advice: string | undefined): Summary {
	return {name: 'summary', title: 'Not ready to reconstruct: nothing was changed', ok: false, exit: EXIT.failed, lines: [problem, ...(advice ? [advice] : [])]};
}

export function synchronizeOnlyByHand(instructions: string[], title = 'Synchronize all servers'): Summary {
	return {
		name: 'summary',
		title: `Your turn: ${title} in Synchronization Manager`,
		ok: true,
		exit: EXIT.ok,
		lines: [...instructions, 'Nothing was changed by dsmn-resync.'],
	};
}

export function synchronizeOnlyDone(summary: string): Summary {
	return {name: 'summary', title: 'Done: every server shows a blue check', ok: true, exit: EXIT.ok, lines: [`${summary}. Nothing else was changed.`]};
}

/** "Only synchronize" that could not run at all (no per-server results): what failed, and how to come back. */
export function synchronizeOnlyFailed(title: string, message: string, advice: string | undefined, again: string): Summary {
	return {
		name: 'summary',
		title: `${title} failed`,
		ok: false,
		exit: EXIT.failed,
		lines: [message, ...(advice === undefined ? [] : [`What to do: ${advice}`]), 'Nothing else was changed. When that is fixed, start again:', again],
	};
}

/** "I will do it later" on a manual step: the run waits in its journal. */
export function waitingForManualStep(title: string, where: string[], again: string): Summary {
	return {
		name: 'summary',
		title: `Waiting for you: ${title}`,
		ok: false,
		exit: EXIT.manual,
		lines: [`Do the step as instructed, then start again on this target and confirm it: ${again}`, ...where],
	};
}

/** A step failed before anything changed: the run is closed as such and never blocks the next one. */
export function stoppedNothingChanged(title: string, journal: string, again: string): Summary {
	return {
		name: 'summary',
		title: 'Stopped: nothing was changed',
		ok: false,
		exit: EXIT.failed,
		lines: [
			`${title} failed before anything changed, so this run is closed (journal ${journal}).`,
			`Fix the cause, then start again (it begins a new run): ${again}`,
		],
	};
}

/** Stopped after a failure: the run stays unfinished in the journal (its `stopped` event, app/stop-run.ts, as a scripted run says it). */
export function stoppedHere(stopped: Stopped, again: string): Summary {
	return {
		name: 'summary',
		title: 'Stopped here',
		ok: false,
		exit: EXIT.failed,
		lines: [
			...(stopped.servers ?? []),
			stopped.resume === false
				? 'Nothing more was changed. To finish its roll back, start again on this target:'
				: `Nothing more was changed. To resume it${stopped.rollback ? ' or roll it back' : ''}, start again on this target:`,
			again,
			...(stopped.service ? [stopped.service] : []),
			...(stopped.kept ?? []),
		],
	};
}

/** A text that continues a sentence elsewhere ("Roll back failed: nothing had…"), opening one on a screen of its own. */
export function opensSentence(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the end of a roll back says of its run, as the journal has it (rollback-confirmation.ts's `rolledBackRun`). */
export type RolledBackRun = {
	/** MSSYNC as the run found it. */
	serviceBefore?: string;
	/** The run's synchronize began: the servers may have lost their red X meanwhile. Before it, they never did. */
	synchronizeBegan?: boolean;
	/** A restore on a new PDC (KB Q154761): its roll back moves its copies out of SYNCAGNT\Backup. */
	newPdc?: boolean;
};

/**
 * After a roll back: what it did, that the servers are as the run found them (red where they were: `red`,
 * as the lab reads them; undefined on a real server, where the tool cannot see them), and what next.
 */
export function rolledBack(
	summary: string,
	where: string[],
	red: string[] | undefined,
	again: string,
	{serviceBefore = 'RUNNING', synchronizeBegan = true, newPdc = false}: RolledBackRun = {},
): Summary {
	const servers =
		red === undefined
			? 'The servers are as the run found them: those that showed a red X still do.'
			: red.length
				? `${red.join(', ')} ${synchronizeBegan ? '' : 'still '}${red.length === 1 ? 'shows' : 'show'} a red X${synchronizeBegan ? ' again' : ''}, as before the run.`
				: 'No server shows a red X.';
	return {
		name: 'summary',
		// On a new PDC the roll back takes this run's copies out of SYNCAGNT\Backup; once MSSYNC started on them,
		// SYNCAGNT's database is the one it took from there, so SYNCAGNT is not as it was (ARCHITECTURE.md, "The run and its journal").
		title: newPdc ? "Rolled back: this run's copies are out of SYNCAGNT\\Backup" : 'Rolled back: SYNCAGNT is as it was',
		ok: true,
		exit: EXIT.ok,
		lines: [
			// The procedure's summary follows a colon in a scripted run's line; here it opens the screen's first sentence.
			opensSentence(summary),
			servers,
			// A roll back the admin chose says no backup was wrong: what is true now, and the same way on when ready.
			// MSSYNC put back STOPPED, as found (it would not start, or was stopped): DSMN synchronizes nothing, so something does need doing.
			serviceBefore !== 'RUNNING' && serviceBefore !== 'STOPPED'
				? `MSSYNC's state when the run began is not known, so the roll back did not start it: if it is stopped, DSMN synchronizes nothing until it runs; start it when the servers should synchronize again.`
				: serviceBefore === 'STOPPED'
					? `MSSYNC is stopped, as the run found it: DSMN synchronizes nothing until it runs. Start it when the servers should synchronize again; if it will not start, start again (${again}) and answer "MSSYNC will not start": the wizard offers the repair with dsmpack /r first.`
					: red?.length === 0
						? 'Nothing more needs doing now.'
						: `Nothing more needs doing now. A server with a red X keeps it until a restore or a reconstruct is finished: when you are ready, start again (${again}); the wizard asks the same questions as the first time.`,
			...where.filter(line => !namesAgain(line, summary)),
		],
	};
}

/** Whether `line` only names again a folder `said` names already ("moved to X", then "The restored files were moved to X."). */
function namesAgain(line: string, said: string): boolean {
	const folder = /(?:moved to|kept in|copies are in) (\S+?)\.?$/.exec(line)?.[1];
	return folder !== undefined && said.includes(folder);
}

/** A restore whose plain synchronize left the servers out of step, or not known in step (app/synchronize-doubt.ts), with what to do, as the `completed` event says it. */
export type OutOfStep = Pick<SynchronizeDoubt, 'because'> & {lines: string[]};

/** Event 8005 seen: the servers are known out of step, so the run exits as one whose servers are still red; a doubt from the backup's age only says so. */
function doubtful(outOfStep: OutOfStep): Pick<Summary, 'title' | 'ok' | 'exit'> {
	return {title: doubtTitle(outOfStep), ok: false, exit: outOfStep.because === 'event-8005' ? EXIT.failed : EXIT.ok};
}

/** What a finished run did, in one line: the backup restored, or the servers reconstructed. */
export type RunResult =
	| {flow: 'restore'; backup: string; syncagnt: string; /** As the run was begun with (its journal's first entry). */ synchronize?: SynchronizeKind | undefined}
	| {flow: 'reconstruct'; servers: readonly string[]}
	| {flow: 'repair'; syncagnt: string};

/**
 * After a restore, whichever synchronize ran: the Application log is where a lost change-log position shows
 * (Event 8005). After a plain synchronize, fully synchronizing sends what was skipped; after a full one, the
 * case the claims table's 'change-log-8005' row describes remains: groups missing from the database although
 * every account was sent again.
 */
function event8005Line(result: RunResult, lab = false, status?: string): string[] {
	if (result.flow !== 'restore') return [];
	// The practice lab has no Event Viewer: its Application log is what `lab status` shows (printed here where it is given).
	const look = lab
		? `Next: look for Event 8005 from MSSYNC since it started in the practice lab's Application log (${status ?? 'which the lab status command above shows'}; KB Q189441).`
		: 'Next: on the PDC, open Event Viewer, Log ▸ Application, and look for Event 8005 from MSSYNC since it started (KB Q189441).';
	return [
		result.synchronize === 'full'
			? `${look} If it is there, some group changes since the backup were lost from the database itself: list it with DSMDUMP and compare its groups with the domain's in User Manager for Domains. A group missing there stays missing after fully synchronizing; KB Q189441 on Event 8005 says how to re-create it.`
			: `${look} If it is there, changes made since the backup were skipped: choose NetWare Server ▸ Fully synchronize all servers in Synchronization Manager.`,
	];
}

function resultLine(result: RunResult): string {
	if (result.flow === 'repair') return `MSSYNC.MDB in ${result.syncagnt} was repaired by dsmpack /r and MSSYNC runs again.`;
	return result.flow === 'restore'
		? `The backup from ${result.backup} is in ${result.syncagnt}, verified by SHA-256.`
		: `Reconstructed: ${result.servers.join(', ')}.`;
}

function were(names: string[]): string {
	return `${names.join(', ')} ${names.length === 1 ? 'was' : 'were'}`;
}

/**
 * The end of a run on a real server: the tool cannot see the check marks there, so it says what was done,
 * which servers the admin did not tick as blue, and where to look.
 */
export function finishedOnRealServer(result: RunResult, unticked: string[], where: string[], outOfStep?: OutOfStep): Summary {
	return {
		name: 'summary',
		title: unticked.length ? `Done, but ${were(unticked)} not seen with a blue check` : 'Done: every step is finished',
		ok: unticked.length === 0,
		exit: unticked.length === 0 ? EXIT.ok : EXIT.failed,
		...(outOfStep && !unticked.length ? doubtful(outOfStep) : {}),
		lines: [
			resultLine(result),
			...(outOfStep ? outOfStep.lines : event8005Line(result)),
			// The repair synchronizes nothing: what is true after it, and what to check (procedure/repair-and-check.ts).
			...(result.flow === 'repair'
				? afterRepairLines(undefined)
				: [
						unticked.length
							? `Not seen with a blue check: ${unticked.join(', ')}. ${unticked.length === 1 ? 'Its reason is' : 'Why each is red is'} in the Event Viewer's Application log on the PDC; when fixed, "Synchronize all servers" again.`
							: "In Synchronization Manager, every server should now show a blue check; one still red: its reason is in the Event Viewer's Application log.",
					]),
			...where.filter(line => !namesAgain(line, resultLine(result))),
		],
	};
}

/** The end of a run in the lab, where the tool reads the check marks: the servers still red, and why; `status`: `lab status` as launched, printed where named. */
export function finishedInLab(
	result: RunResult,
	red: string[],
	didNotSynchronize: boolean,
	where: string[],
	again: string,
	domain?: string,
	outOfStep?: OutOfStep,
	status?: string,
): Summary {
	const repair = result.flow === 'repair';
	return {
		name: 'summary',
		title:
			red.length === 0
				? 'Done: every server shows a blue check'
				: repair
					? `Repaired: MSSYNC runs; ${red.join(', ')} still show${red.length === 1 ? 's' : ''} a red X: synchronize next`
					: `Done, but ${red.join(', ')} still show${red.length === 1 ? 's' : ''} a red X`,
		ok: red.length === 0,
		exit: red.length === 0 ? EXIT.ok : EXIT.failed,
		...(outOfStep && !red.length ? doubtful(outOfStep) : {}),
		lines: [
			resultLine(result),
			// The practice lab has no Event Viewer: its Application log is what `status` shows, printed here (the log above may be off screen).
			...(outOfStep ? outOfStep.lines : event8005Line(result, true, status)),
			...(repair ? afterRepairLines(red, domain, again, true, status ? {status} : undefined) : stillRedLines(result, red, didNotSynchronize, again)),
			...where.filter(line => !namesAgain(line, resultLine(result))),
		],
	};
}

/** What to do about the servers still red: those this run did not touch need a run of their own. */
export function stillRedLines(result: RunResult, red: string[], didNotSynchronize: boolean, again: string): string[] {
	const untouched = result.flow === 'reconstruct' ? red.filter(name => !result.servers.includes(name)) : [];
	const failed = red.filter(name => !untouched.includes(name));
	return [
		...(failed.length
			? [
					`Still red: ${failed.join(', ')}${didNotSynchronize ? ' (did not synchronize)' : ''}. When ${failed.length === 1 ? 'it answers' : 'they answer'} again, start again (${again}) and choose "Only synchronize all servers" (or use Synchronize all servers in Synchronization Manager).`,
				]
			: []),
		...(untouched.length
			? [`${were(untouched)} not reconstructed in this run: start again (${again}) and choose ${untouched.length === 1 ? 'it' : 'them'}.`]
			: []),
	];
}

/** What leaving now means, as the quit question says it. */
export function leavingNote(
	busy: boolean | 'part-way',
	changed: boolean,
	canRollback: boolean,
	again: string,
	stoppedByRun: boolean | 'stopping' = false,
	servers: string[] = [],
): string {
	// MSSYNC stopped by this run stays stopped on leaving: said in the question, as the screen after it says it.
	// A Stop MSSYNC still running may end with MSSYNC stuck stopping: the note does not promise "stopped".
	// Before the command, which ends the note so that nothing runs into it.
	const until = `DSMN synchronizes nothing until the run is resumed${canRollback ? ' or rolled back' : ''}`;
	const stopped =
		stoppedByRun === 'stopping'
			? `MSSYNC is left as Stop MSSYNC leaves it, stopped or, if it does not stop in time, still stopping (it was running when this run began): ${until}. `
			: stoppedByRun
				? `MSSYNC stays stopped (it was running when this run began): ${until}. `
				: '';
	const standing = servers.map(line => `${line} `).join('');
	if (busy === 'part-way')
		return `A synchronization is running: on leaving, ${SYNCHRONIZE_STOPS}. ${standing}${stopped}${changed ? 'The run waits in its journal, to resume next time.' : `To finish, start again (${again}) and choose "Only synchronize all servers".`}`;
	if (busy)
		return `A step is running: it will finish to a safe point first, then the wizard leaves. ${standing}${stopped}The run waits in its journal, to resume next time.`;
	if (changed)
		return `${standing}${stopped}Everything done so far is in the journal: to resume${canRollback ? ' or roll back' : ''}, start again on this target: ${again}`;
	return 'Nothing has been changed on the target.';
}

/** Where the admin left from: a run that changed something, a run begun but untouched, a synchronization part way, nothing. */
export type LeftFrom =
	/** A run that changed something: its `interrupted` event (app/stop-run.ts), as a scripted run says it. */
	{kind: 'run'; left: Interrupted} | {kind: 'untouched-run'} | {kind: 'synchronizing'} | {kind: 'nothing'};

/** The last frame when the admin leaves: not a progress bar or a choice, but where things are. */
export function left(from: LeftFrom, again: string): Summary {
	const lines =
		from.kind === 'run'
			? [
					// Which servers this run changed and how they stand first: what the admin must know before leaving them.
					...(from.left.servers ?? []),
					from.left.resume === false
						? 'The run waits in its journal: to finish its roll back, start again on this target:'
						: `The run waits in its journal: to resume it${from.left.rollback ? ' or roll it back' : ''}, start again on this target:`,
					// A command on its own line: a wrap never splits it.
					again,
					...(from.left.service ? [from.left.service] : []),
					...(from.left.kept ?? []),
				]
			: from.kind === 'synchronizing'
				? [
						'Synchronization stopped part way: that is safe. What the servers received stays; a server it did not finish shows a red X until it is run again.',
						`To finish, start again (${again}) and choose "Only synchronize all servers".`,
					]
				: ['Nothing was changed.'];
	return {name: 'summary', title: from.kind === 'run' ? 'Left at a safe point' : 'Left', ok: false, exit: EXIT.interrupted, lines};
}

/** Something unexpected: what happened and where things are; never leave the admin guessing. */
export function unexpected(message: string, where: string[], again: string): Summary {
	return {
		name: 'summary',
		title: 'Something unexpected went wrong',
		ok: false,
		exit: EXIT.failed,
		lines: [message, `Nothing more will be changed. Start again on this target (it will offer to resume): ${again}`, ...where],
	};
}

/**
 * What the admin is told when the word typed to confirm is not the one asked for. `changedBefore`: the run
 * already changed something (a step before this one, a resumed run): then only this step is said unchanged.
 */
export function confirmationMismatch(word: string, typed: string, changedBefore = false): string {
	const unchanged = changedBefore ? 'This step changed nothing.' : 'Nothing has been changed.';
	if (typed === '') return `Nothing was typed: type ${word}, then Enter. ${unchanged}`;
	if (typed.trim().toUpperCase() === word.toUpperCase()) return `"${typed}" is not ${word}: type it exactly, in capital letters, then Enter. ${unchanged}`;
	return `"${typed}" is not ${word}: type ${word}, then Enter, to go on (or Ctrl+C to leave). ${unchanged}`;
}
