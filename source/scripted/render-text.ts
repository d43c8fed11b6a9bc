/**
 * The text renderer of a run's events (ARCHITECTURE.md, "Events and --json"): one event, the lines a
 * scripted run prints for it without --json (`app/json-line.ts` renders the same events as JSON lines).
 * Every event says all its text needs; text read from disk or a server is made safe to print here.
 */
import type {RunEvent} from '../app/events.js';
import {otherRunText} from '../app/open-target.js';
import {doubtTitle} from '../procedure/synchronize-choice.js';
import {failedServerLine} from '../services/synchronization.js';
import {formatDate} from '../text/format.js';
import type {Glyphs} from '../text/glyphs.js';
import {safeText} from '../text/sanitize.js';

/** The text of one event, ending in a newline; undefined where the event is for --json readers only (progress). */
export function textOf(event: RunEvent, glyphs: Glyphs): string | undefined {
	const text = textLines(event, glyphs);
	return text === undefined ? undefined : `${text}\n`;
}

function textLines(e: RunEvent, glyphs: Glyphs): string | undefined {
	switch (e.event) {
		case 'stopping':
			return `${glyphs.warning} ${e.signal}: stopping at the next safe point…`;
		case 'refused':
			return refusedText(e, glyphs);
		case 'found-run':
			return `${foundText(e)}${e.backup ? ` It restores ${safeText(e.backup)}.` : ''} Journal: ${e.journal}`;
		case 'server-locked':
			return `${glyphs.error} Refused: ${safeText(e.message)}\n  What to do: ${safeText(e.advice)}`;
		case 'journal':
			return `Journal: ${e.path}`;
		case 'other-run': {
			const {text, continueWith} = otherRunText(e);
			return `${glyphs.bullet} ${safeText(text)}\n  To continue it: ${safeText(continueWith)}`;
		}
		case 'check': {
			const mark = !e.ok ? glyphs.error : e.warning ? glyphs.warning : glyphs.ok;
			return `${mark} ${safeText(e.detail)}${e.fix ? `\n  What to do: ${e.fix}` : ''}${e.warning ? ' (acknowledged by --yes)' : ''}`;
		}
		case 'warning':
			return `${e.repair ? glyphs.arrow : glyphs.warning} ${safeText(e.message)}`;
		case 'error':
			return `${glyphs.error} ${safeText(e.message)}`;
		case 'validated': {
			const n = e.warnings;
			return `${glyphs.ok} Backup ${safeText(e.folder)} is valid${n ? ` (${n} warning${n === 1 ? '' : 's'} acknowledged by --yes)` : ''}.`;
		}
		case 'command':
			return `  $ ${e.command}`;
		case 'step-started':
			return `[${e.index}/${e.total}] ${e.title}…`;
		case 'progress':
		case 'service-state':
		case 'sync-plan':
		case 'server-started':
			return undefined;
		case 'server-finished':
			return `  ${glyphs.ok} ${e.server}: ${e.done} accounts propagated`;
		case 'server-failed':
			return `  ${glyphs.error} ${failedServerLine(e.server, safeText(e.reason))}`;
		case 'step-finished':
			return `${glyphs.ok} ${e.title}: ${e.summary}`;
		case 'step-failed':
			return `${glyphs.error} ${e.title} failed: ${safeText(e.message)}\n  What to do: ${e.advice}`;
		case 'manual-step':
			return `${glyphs.arrow} Your turn: ${e.title}`;
		case 'instruction':
			return e.step === undefined ? `${glyphs.bullet} ${e.text}` : `  ${safeText(e.text)}`;
		case 'waiting':
			return `  Once it is done, run the same command again with --resume. (--yes never confirms a step a person must do.)`;
		case 'interrupted': {
			const why = e.before === undefined ? (e.message ?? 'Interrupted') : `Interrupted before "${e.title ?? e.before}"`;
			const servers = (e.servers ?? []).map(line => `\n${glyphs.bullet} ${line}`).join('');
			return `${glyphs.warning} ${why}.${servers}${servers ? '\n ' : ''} ${e.resume === false ? FINISH_ROLLBACK : again(e.rollback)}${serviceText(e.service, glyphs)}`;
		}
		case 'closed':
			return `  Nothing was changed, so this run is closed (journal ${e.journal}): fix the cause, then start a new run.`;
		case 'stopped': {
			// Where SYNCAGNT's files are now (a folder beside it, once moved), but the journal, which the line itself names.
			const kept = [...(e.servers ?? []), ...(e.kept ?? [])]
				.filter(line => !line.startsWith('The journal of this run'))
				.map(line => `${glyphs.bullet} ${line}\n`);
			const then = e.resume === false ? FINISH_ROLLBACK : again(e.rollback);
			return `${kept.join('')}  The run is journaled in ${e.journal}: fix the cause, then ${then.toLowerCase()}${serviceText(e.service, glyphs)}`;
		}
		case 'completed': {
			// In the lab the tool reads the marks: servers still red are said, as the wizard's summary says them.
			const red = e.red ?? [];
			const show = `${red.join(', ')} still show${red.length === 1 ? 's' : ''} a red X`;
			const done = !red.length
				? `${glyphs.ok} Done.`
				: e.result?.flow === 'repair'
					? `${glyphs.warning} Repaired: ${show} until synchronized.`
					: `${glyphs.warning} Done, but ${show}.`;
			// After the plain synchronize, Event 8005 seen or a backup too old to trust: never "Done" alone.
			const doubt = e.outOfStep;
			if (doubt && !red.length) {
				return [
					`${glyphs.warning} ${doubtTitle(doubt)}.`,
					...doubt.lines.map(line => `${glyphs.bullet} ${safeText(line)}`),
					`  ${(e.kept ?? []).join(' ')}`,
				].join('\n');
			}
			return `${done} ${(e.kept ?? []).join(' ')}`;
		}
		case 'rolled-back':
			return e.ok
				? `${glyphs.ok} Rolled back: SYNCAGNT and MSSYNC are as they were before the run. ${(e.kept ?? []).join(' ')}`
				: `${glyphs.error} The roll back did not finish: fix the cause, then run again with --rollback. ${(e.kept ?? []).join(' ')}`;
		default:
			return unrendered(e);
	}
}

/** MSSYNC not as the run found it, on a line of its own after the run's last line (none when it is as found). */
function serviceText(service: string | undefined, glyphs: Glyphs): string {
	return service === undefined ? '' : `\n${glyphs.warning} ${safeText(service)}`;
}

/** A new event fails type-checking here until it is given its text. */
function unrendered(event: never): never {
	throw new Error(`no text for the event ${JSON.stringify(event)}`);
}

function refusedText(e: Extract<RunEvent, {event: 'refused'}>, glyphs: Glyphs): string {
	switch (e.reason) {
		case 'busy':
			return `${glyphs.error} ${safeText(e.message ?? '')}\n  What to do: ${e.hint ?? ''}`;
		case 'bdc':
			return `${glyphs.error} ${e.message ?? ''}\n  What to do: ${e.advice ?? ''}`;
		case 'allow4x':
			// The servers' names come from the target: stripped of control characters.
			return `${glyphs.error} ${safeText(e.message ?? '')}\n  What to do: ${safeText(e.advice ?? '')}`;
		case 'supervisor':
			return `${glyphs.error} Not ready to reconstruct: nothing was changed. ${e.message ?? ''}\n  What to do: ${e.advice ?? ''}`;
		case 'invalid backup':
			return `${glyphs.error} The backup is not valid: nothing was changed.`;
		case 'preflight':
			return `${glyphs.error} The target is not ready: nothing was changed.`;
	}
}

/** "Run again with --resume…", with --rollback where the run can be rolled back. */
/** A run whose roll back began: --resume would be refused, --rollback goes on from where it stopped. */
const FINISH_ROLLBACK = 'Run again with --rollback to finish the roll back.';

function again(rollback: boolean | undefined): string {
	return `Run again with --resume to continue${rollback ? ', or --rollback to undo' : ''}.`;
}

/** How the journal left a run found unfinished, in one sentence. */
function foundText(e: Extract<RunEvent, {event: 'found-run'}>): string {
	const title = e.title ?? '';
	const began = `Found the ${e.flow} run begun ${formatDate(new Date(e.started))}`;
	if (e.state === 'failed') return `${began}: "${title}" failed (${safeText(e.message ?? '')}).`;
	if (e.state === 'awaiting-manual') return `${began}, waiting for you to confirm "${title}".`;
	if (e.during) return `${began}, cut off during "${title}".`;
	return `${began}, cut off ${e.nextTitle ? `before "${e.nextTitle}"` : 'after its last step'}.`;
}
