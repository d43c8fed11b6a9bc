/**
 * The text renderer of a run's events (ARCHITECTURE.md, "Events and --json"): each event of the union is
 * a valid --json line and has the text a scripted run prints for it, pinned here as the runner wrote it
 * before the events were rendered in one place.
 */
import {describe, expect, it} from 'vitest';
import {Event, type RunEvent} from '../../source/app/events.js';
import {eventLine} from '../../source/app/json-line.js';
import {textOf} from '../../source/scripted/render-text.js';
import {formatDate} from '../../source/text/format.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from '../../source/text/glyphs.js';

const started = '2026-12-01T10:15:00.000Z';
const when = formatDate(new Date(started));
const holder = {
	machine: 'ADMIN2',
	user: 'alice',
	pid: 7,
	since: started,
	refreshed: started,
	runId: 'r1',
	journal: 'C:\\j.jsonl',
	what: 'a restore run',
};

/** Every event a run reports, with the text it prints: a new event is a type error here until it has its line. */
const SAMPLES: {[Name in RunEvent['event']]: [Extract<RunEvent, {event: Name}>, string | undefined][]} = {
	stopping: [[{event: 'stopping', signal: 'SIGTERM'}, '⚠ SIGTERM: stopping at the next safe point…']],
	refused: [
		[{event: 'refused', reason: 'busy', message: 'the target is busy\x1b', hint: 'wait for it'}, '✗ the target is busy\\x1B\n  What to do: wait for it'],
		[{event: 'refused', reason: 'bdc', message: 'this is a BDC', advice: 'use --host NAME'}, '✗ this is a BDC\n  What to do: use --host NAME'],
		[{event: 'refused', reason: 'allow4x', message: 'FS2 runs NetWare 4.x', advice: 'set Allow4X'}, '✗ FS2 runs NetWare 4.x\n  What to do: set Allow4X'],
		[{event: 'refused', reason: 'invalid backup'}, '✗ The backup is not valid: nothing was changed.'],
		[{event: 'refused', reason: 'preflight'}, '✗ The target is not ready: nothing was changed.'],
	],
	'found-run': [
		[
			{
				event: 'found-run',
				journal: '/j.jsonl',
				flow: 'restore',
				state: 'failed',
				started,
				backup: '/b',
				during: null,
				next: 'synchronize',
				step: 'start-service',
				message: 'error 1067',
				title: 'Start MSSYNC',
				nextTitle: 'Start MSSYNC',
			},
			`Found the restore run begun ${when}: "Start MSSYNC" failed (error 1067). It restores /b. Journal: /j.jsonl`,
		],
		[
			{
				event: 'found-run',
				journal: '/j',
				flow: 'repair',
				state: 'awaiting-manual',
				started,
				during: null,
				next: 'dsmpack',
				step: 'dsmpack',
				title: 'Run dsmpack /r',
			},
			`Found the repair run begun ${when}, waiting for you to confirm "Run dsmpack /r". Journal: /j`,
		],
		[
			{event: 'found-run', journal: '/j', flow: 'restore', state: 'interrupted', started, during: 'copy', next: 'copy', title: 'Copy', nextTitle: 'Copy'},
			`Found the restore run begun ${when}, cut off during "Copy". Journal: /j`,
		],
		[
			{event: 'found-run', journal: '/j', flow: 'reconstruct', state: 'interrupted', started, during: null, next: 'x', nextTitle: 'Set passwords'},
			`Found the reconstruct run begun ${when}, cut off before "Set passwords". Journal: /j`,
		],
		[
			{event: 'found-run', journal: '/j', flow: 'restore', state: 'interrupted', started, during: null, next: null},
			`Found the restore run begun ${when}, cut off after its last step. Journal: /j`,
		],
	],
	'server-locked': [
		[
			{event: 'server-locked', message: 'held by ADMIN2', advice: 'wait', holder, gone: null, lockFolder: '/l', journal: '/j'},
			'✗ Refused: held by ADMIN2\n  What to do: wait',
		],
	],
	journal: [[{event: 'journal', path: '/j.jsonl'}, 'Journal: /j.jsonl']],
	'other-run': [
		[
			{
				event: 'other-run',
				journal: '/j',
				target: {kind: 'lab', description: 'practice lab in /a', location: '/a'},
				syncagnt: '/a/SYNCAGNT',
				flow: 'restore',
				resume: 'dsmn-resync --lab /a --resume',
				rollback: 'dsmn-resync --lab /a --rollback',
			},
			'• An unfinished restore run of another target (practice lab in /a, SYNCAGNT /a/SYNCAGNT) is left as it is: /j\n  To continue it: dsmn-resync --lab /a --resume, or dsmn-resync --lab /a --rollback',
		],
	],
	check: [
		[{event: 'check', name: 'service', ok: true, detail: 'MSSYNC is RUNNING', state: 'RUNNING'}, '✓ MSSYNC is RUNNING'],
		[{event: 'check', name: 'space', ok: false, detail: 'too small', fix: 'free 2 MB'}, '✗ too small\n  What to do: free 2 MB'],
		[{event: 'check', name: 'space', ok: true, warning: true, detail: 'unknown free space'}, '⚠ unknown free space (acknowledged by --yes)'],
	],
	warning: [
		[{event: 'warning', message: 'MSSYNC is stopped'}, '⚠ MSSYNC is stopped'],
		[{event: 'warning', message: 'try --repair dsmpack', repair: 'dsmpack'}, '▸ try --repair dsmpack'],
	],
	error: [[{event: 'error', message: 'no MSSYNC.MDB'}, '✗ no MSSYNC.MDB']],
	validated: [
		[{event: 'validated', folder: '/b', warnings: 0}, '✓ Backup /b is valid.'],
		[{event: 'validated', folder: '/b', warnings: 1}, '✓ Backup /b is valid (1 warning acknowledged by --yes).'],
		[{event: 'validated', folder: '/b', warnings: 2}, '✓ Backup /b is valid (2 warnings acknowledged by --yes).'],
	],
	command: [[{event: 'command', command: 'net stop MSSYNC'}, '  $ net stop MSSYNC']],
	'step-started': [[{event: 'step-started', step: 'stop-service', title: 'Stop MSSYNC', index: 2, total: 8}, '[2/8] Stop MSSYNC…']],
	progress: [
		[{event: 'progress', server: 'FS1', done: 3}, undefined],
		[{event: 'progress', file: 'MSSYNC.MDB', fileDone: 10, fileTotal: 20, done: 10, total: 30}, undefined],
	],
	'service-state': [[{event: 'service-state', state: 'STOP_PENDING'}, undefined]],
	'sync-plan': [[{event: 'sync-plan', servers: [{name: 'FS1', total: 120}]}, undefined]],
	'server-started': [[{event: 'server-started', server: 'FS1'}, undefined]],
	'server-finished': [[{event: 'server-finished', server: 'FS1', done: 120}, '  ✓ FS1: 120 accounts propagated']],
	'server-failed': [
		[{event: 'server-failed', server: 'FS2', reason: 'offline'}, '  ✗ FS2: offline'],
		// Issue 29: a reason that opens with the server's name is not given the name again ("FS3: FS3 did not answer").
		[{event: 'server-failed', server: 'FS3', reason: 'FS3 did not answer: the NetWare server is down'}, '  ✗ FS3 did not answer: the NetWare server is down'],
		[{event: 'server-failed', server: 'FS1', reason: 'FS10 did not answer'}, '  ✗ FS1: FS10 did not answer'],
	],
	'step-finished': [[{event: 'step-finished', step: 'rollback', title: 'Roll back', summary: 'done'}, '✓ Roll back: done']],
	'step-failed': [
		[
			{event: 'step-failed', step: 's', title: 'Start MSSYNC', message: 'error 1067', advice: 'read the log'},
			'✗ Start MSSYNC failed: error 1067\n  What to do: read the log',
		],
	],
	'manual-step': [[{event: 'manual-step', step: 'synchronize', title: 'Synchronize all servers', instructions: ['a']}, '▸ Your turn: Synchronize all servers']],
	instruction: [
		[{event: 'instruction', text: 'Open Synchronization Manager', step: 'synchronize'}, '  Open Synchronization Manager'],
		[{event: 'instruction', text: 'Run DSMCHK'}, '• Run DSMCHK'],
	],
	waiting: [
		[{event: 'waiting', journal: '/j'}, '  Once it is done, run the same command again with --resume. (--yes never confirms a step a person must do.)'],
	],
	interrupted: [
		[
			{event: 'interrupted', before: 'copy', title: 'Copy the backup', journal: '/j', rollback: true},
			'⚠ Interrupted before "Copy the backup". Run again with --resume to continue, or --rollback to undo.',
		],
		[
			{event: 'interrupted', step: 'synchronize', title: 'Synchronize', message: 'Stopped after FS1', journal: '/j', rollback: false},
			'⚠ Stopped after FS1. Run again with --resume to continue.',
		],
		[
			{
				event: 'interrupted',
				before: 'copy',
				title: 'Copy',
				journal: '/j',
				rollback: true,
				kept: ['Moved aside: /old.'],
				service: 'MSSYNC is stopped. To bring it back: x.',
			},
			'⚠ Interrupted before "Copy". Run again with --resume to continue, or --rollback to undo.\n⚠ MSSYNC is stopped. To bring it back: x.',
		],
	],
	closed: [
		[
			{event: 'closed', reason: 'nothing-changed', journal: '/j', step: 's'},
			'  Nothing was changed, so this run is closed (journal /j): fix the cause, then start a new run.',
		],
	],
	stopped: [
		[
			{event: 'stopped', journal: '/j', step: 's', rollback: true},
			'  The run is journaled in /j: fix the cause, then run again with --resume to continue, or --rollback to undo.',
		],
		// A run whose roll back began (found by the model test's full run): --resume would be refused again.
		[
			{event: 'stopped', journal: '/j', step: 'synchronize', rollback: true, resume: false},
			'  The run is journaled in /j: fix the cause, then run again with --rollback to finish the roll back.',
		],
		[
			{
				event: 'stopped',
				journal: '/j',
				step: 's',
				rollback: false,
				kept: ['The files were moved to /old.', 'The journal of this run is /j.'],
				service: 'MSSYNC is stopped. To bring it back: x.',
			},
			'• The files were moved to /old.\n  The run is journaled in /j: fix the cause, then run again with --resume to continue.\n⚠ MSSYNC is stopped. To bring it back: x.',
		],
	],
	completed: [
		[{event: 'completed', journal: '/j', kept: ['Kept: /old.', 'Journal: /j.']}, '✓ Done. Kept: /old. Journal: /j.'],
		[
			{event: 'completed', journal: '/j', kept: ['Journal: /j.'], result: {flow: 'restore', backup: '/b', syncagnt: '/s', synchronize: 'normal'}, red: []},
			'✓ Done. Journal: /j.',
		],
		[
			{event: 'completed', journal: '/j', kept: ['Journal: /j.'], result: {flow: 'reconstruct', servers: ['FS2', 'FS3']}, red: ['FS3']},
			'⚠ Done, but FS3 still shows a red X. Journal: /j.',
		],
		[
			{event: 'completed', journal: '/j', kept: ['Journal: /j.'], result: {flow: 'repair', syncagnt: '/s'}, red: ['FS1', 'FS2']},
			'⚠ Repaired: FS1, FS2 still show a red X until synchronized. Journal: /j.',
		],
		[
			{
				event: 'completed',
				journal: '/j',
				kept: ['Journal: /j.'],
				result: {flow: 'restore', backup: '/b', syncagnt: '/s', synchronize: 'normal'},
				red: [],
				outOfStep: {because: 'event-8005', at: started, lines: ['Event 8005 was logged.', 'Next: fully synchronize.']},
			},
			'⚠ Done, but Event 8005: the servers need a full synchronize.\n• Event 8005 was logged.\n• Next: fully synchronize.\n  Journal: /j.',
		],
		[
			{
				event: 'completed',
				journal: '/j',
				kept: ['Journal: /j.'],
				result: {flow: 'restore', backup: '/b', syncagnt: '/s', synchronize: 'normal'},
				outOfStep: {because: 'backup-age', age: '40 days', lines: ['The backup is 40 days old.']},
			},
			'⚠ Done, but not known to be in step: look for Event 8005.\n• The backup is 40 days old.\n  Journal: /j.',
		],
	],
	'rolled-back': [
		[{event: 'rolled-back', ok: true, journal: '/j', kept: ['Kept: /x.']}, '✓ Rolled back: SYNCAGNT and MSSYNC are as they were before the run. Kept: /x.'],
		[{event: 'rolled-back', ok: false, journal: '/j', kept: []}, '✗ The roll back did not finish: fix the cause, then run again with --rollback. '],
	],
};

const all = Object.values(SAMPLES).flat() as [RunEvent, string | undefined][];

describe('the text of a run’s events', () => {
	it.each(all.map(([event, text]) => [event.event, event, text] as const))('%s: the line the scripted run prints', (_name, event, text) => {
		expect(textOf(event, UNICODE_GLYPHS)).toBe(text === undefined ? undefined : `${text}\n`);
	});

	it('renders each sample as a --json line of the union too (the same event, with "at")', () => {
		for (const [event] of all) {
			const {at, ...parsed} = JSON.parse(eventLine(event)) as {at: string};
			expect(Event.parse(parsed)).toEqual(event);
			expect(typeof at).toBe('string');
		}
	});

	it('uses the glyphs it is given (ASCII under --ascii)', () => {
		expect(textOf({event: 'step-finished', step: 's', title: 'Stop MSSYNC', summary: 'stopped'}, ASCII_GLYPHS)).toBe(
			`${ASCII_GLYPHS.ok} Stop MSSYNC: stopped\n`,
		);
		expect(ASCII_GLYPHS.ok).not.toBe(UNICODE_GLYPHS.ok);
	});
});
