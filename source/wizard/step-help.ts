/**
 * What `?` says where it matters most (ARCHITECTURE.md, "The wizard"): on a failure, what each answer
 * does, to what, and which is safe now; while a step runs, what it does and how long it can take.
 * Built from the screen and the run's step list, so that it names this run's steps, not steps in general.
 */
import {cite} from '../procedure/claims.js';
import {afterStopFailed} from '../procedure/mssync-service.js';
import {serviceTimeoutMs} from '../targets/service-timeout.js';
import {choicesOf} from './choices.js';
import type {Screen, WizardState} from './state.js';

type Steps = WizardState['steps'];

const quoted = (titles: readonly string[]) => titles.map(title => `"${title}"`).join(', ');

/** How long a step can take, said as what the admin sees meanwhile. */
export function stepDuration(step: string, env: NodeJS.ProcessEnv = process.env, newPdc = false): string {
	const seconds = Math.round(serviceTimeoutMs(env) / 1000);
	switch (step) {
		case 'stop-service':
		case 'start-service':
			return `MSSYNC can take up to ${seconds} s to ${step === 'stop-service' ? 'stop' : 'start'}; the time so far is shown. After that the step fails and says what the service reported.`;
		case 'move-aside':
			return 'A rename in the same folder: it takes seconds.';
		case 'copy-backup':
			return 'As long as the backup takes to copy and read back: the bytes done and the time left are shown.';
		case 'synchronize':
		case 'synchronize-only':
			// Only the lab runs this step in the wizard (a real server's synchronize is manual), and the lab's engine
			// sends to every server at once (ARCHITECTURE.md, "Synchronize all servers"). The KB gives the time, not the order.
			return `The practice lab sends the accounts to every server at the same time: each server's row moves on its own, and one that does not answer holds up none of the others. How long it takes depends on how many NetWare servers and how many accounts there are to propagate (${cite('synchronize-time')}).`;
		case 'rollback':
			// A roll back moves only what the run moved (nothing, before Move aside), and waits for MSSYNC within the same limit.
			// On a new PDC the run moved nothing: its copies go aside, kept (ARCHITECTURE.md, "The run and its journal").
			return `${newPdc ? "It moves this run's copies, if any, out of SYNCAGNT\\Backup into a rolled-back folder (kept)" : 'It moves back what the run moved, if anything'}, and brings MSSYNC back to the state the run found: seconds, plus the time MSSYNC takes to stop or start (up to ${seconds} s each).`;
		default:
			return 'The time so far is shown.';
	}
}

/** Stop or Start MSSYNC, on its running screen: how long MSSYNC may take (the time so far is beside it); undefined for other steps. */
export function serviceWait(step: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
	if (step !== 'stop-service' && step !== 'start-service') return undefined;
	return `MSSYNC may take up to ${Math.round(serviceTimeoutMs(env) / 1000)} s to ${step === 'stop-service' ? 'stop' : 'start'} (DSMN_RESYNC_SERVICE_TIMEOUT sets the limit).`;
}

/**
 * What leaving waits for, once asked during a step: the step's end. Stop and Start MSSYNC end at the latest
 * when their command and the wait after it have each used the time limit (procedure/mssync-service.ts).
 */
export function leavingWait(step: string, env: NodeJS.ProcessEnv = process.env): string {
	if (stopsPartWay(step)) return 'Leaving once the synchronization stops at its next safe point (what the servers received stays)…';
	if (step !== 'stop-service' && step !== 'start-service') return 'Leaving once this step reaches a safe point…';
	const seconds = Math.round(serviceTimeoutMs(env) / 1000);
	return `Leaving once this step ends: when MSSYNC has ${step === 'stop-service' ? 'stopped' : 'started'}, about ${2 * seconds} s at most from the start of the step (the command and the wait after it, ${seconds} s each, and the queries between)…`;
}

/** The one kind of step that leaving stops part way rather than lets finish (procedure/synchronize-step.ts). */
export function stopsPartWay(step: string): boolean {
	return step === 'synchronize' || step === 'synchronize-only';
}

/** What leaving does to a synchronization under way (ARCHITECTURE.md, "Synchronize all servers"). */
export const SYNCHRONIZE_STOPS =
	'the synchronization stops at its next safe point, without finishing (every server is synchronized at the same time): what the servers received stays, and a server not finished shows a red X until it is run again';

/** What `?` says while a step runs: what it does, how long it can take, and what q does meanwhile. */
export function runningHelp(screen: Extract<Screen, {name: 'running'}>): string[] {
	const service = screen.step === 'stop-service' || screen.step === 'start-service';
	const seconds = Math.round(serviceTimeoutMs() / 1000);
	return [
		...(screen.help ? [screen.help.why] : [`${screen.title}.`]),
		stepDuration(screen.step, process.env, screen.newPdc),
		service
			? `q leaves at the next safe point: this step finishes first (about ${2 * seconds} s at most: the command and the wait after it, ${seconds} s each), and the journal keeps the run.`
			: stopsPartWay(screen.step)
				? `q leaves at the next safe point: ${SYNCHRONIZE_STOPS}. The journal keeps the run.`
				: 'q leaves at the next safe point: this step finishes first, and the journal keeps the run.',
		...(screen.step === 'stop-service' ? [stopPendingAdvice(screen.stuck)] : []),
	];
}

/**
 * When MSSYNC stays STOP_PENDING (a stop that hangs): what ends it, on the running step's `?` and the failure's;
 * `stuck`: this target's way (procedure/mssync-service.ts's stopPendingWayOut), as launched.
 */
function stopPendingAdvice(stuck: string | undefined, canRollback?: boolean): string {
	const way = stuck ?? "wait for MSSYNC to finish stopping: Control Panel's Stop cannot end a stop already under way; if it never does, restart the PDC";
	// While it runs the choices are not known yet: the failure names the roll back where the run has one.
	return `If MSSYNC stays STOP_PENDING: ${way}, then ${canRollback === undefined ? 'retry this step (no file was moved)' : afterStopFailed(canRollback)}.`;
}

/** Stop MSSYNC's failure at the time limit, as `?` says it first (the help hides the failure): stuck stopping, or not stopping, with its advice. */
function stopTimedOutHelp(screen: Extract<Screen, {name: 'failure'}>): string[] {
	if (screen.step !== 'stop-service' || !/did not stop within/.test(screen.message)) return [];
	if (/STOP_PENDING/.test(screen.message)) return [stopPendingAdvice(screen.stuck, screen.canRollback)];
	return [`${screen.message.replace(/\.+$/, '')}. What to do: ${screen.advice.replace(/\.+$/, '')}.`];
}

/** What each answer on a failure does, to what, and which is safe now. */
export function failureHelp(screen: Extract<Screen, {name: 'failure'}>, steps: Steps): string[] {
	const done = (steps ?? []).filter(step => step.status === 'done').map(step => step.title);
	const stopped =
		(steps ?? []).some(s => s.id === 'stop-service' && s.status === 'done') && !(steps ?? []).some(s => s.id === 'start-service' && s.status === 'done');
	const servers = screen.failedServers?.join(', ') ?? '';
	const one = screen.failedServers?.length === 1;
	const lines = (choicesOf(screen)?.items ?? []).map(item => {
		switch (item.value) {
			// The cause is named here: the help's box hides the failure screen (a cause "above" was off screen).
			case 'retry':
				if (screen.step === 'rollback')
					return `${item.label}: nothing it did is undone twice. Safe once the cause is fixed (${screen.message.replace(/\.+$/, '')}); until then it fails the same way.`;
				return `${item.label}: runs "${screen.title}" again from its start; ${done.length ? `what is done (${quoted(done)}) is not done again` : 'no other step runs'}. Safe once the cause is fixed (${screen.message.replace(/\.+$/, '')}); until then it fails the same way.`;
			case 'retry-failed':
				return `${item.label}: synchronizes ${servers} again, and no other server. Safe: nothing else is changed.`;
			case 'finish':
				return `${item.label}: ends the run as it is; ${one ? `${servers} keeps its` : `${servers} keep their`} red X, and "Only synchronize all servers" can try ${one ? 'it' : 'them'} again later. Safe: what was done stays done.`;
			case 'rollback':
				return `${item.label}: undoes, last first, ${done.length ? quoted(done) : 'what this step began'}, so that SYNCAGNT and MSSYNC are as the run found them${screen.step === 'synchronize' ? '; what DSMN already sent to the NetWare servers is not taken back' : ''}. It asks before it begins.`;
			case 'stop':
				// A run without a roll back (a reconstruct) is not promised one: only resuming finishes it. A roll
				// back that failed (run-driver.ts) is offered again when the run is started again.
				return `${item.label}: changes nothing more${stopped ? '; MSSYNC stays stopped, so DSMN does not synchronize until the run is resumed or rolled back' : ''}. The journal keeps the run: start again on this target to ${screen.step === 'rollback' ? 'finish the roll back (a run whose roll back began is not resumed)' : `resume${screen.canRollback ? ' or roll back' : ''}`}.`;
			default:
				return item.label;
		}
	});
	const safest = (choicesOf(screen)?.items ?? []).find(item => item.value === 'stop' || item.value === 'finish');
	return [...stopTimedOutHelp(screen), ...lines, ...(safest ? [`Safe now, whatever the cause: "${safest.label}" — it changes nothing more.`] : [])];
}
