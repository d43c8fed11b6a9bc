/**
 * What stays on screen, and in the terminal, as steps end (issue 29), walked in a real pseudo-terminal at
 * 60×20 (ARCHITECTURE.md, "Keys and type-ahead", "Layout at any size"): the help opened while a step runs
 * closes when the step ends; a key refused while the last step runs is not said on the end; and every line
 * left in the terminal is whole, no wrapped tail of a log line without its head.
 */
import {join} from 'node:path';
import {describe, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {folderPerTest} from '../helpers/file-temp-dirs.js';
import {KEYS, PtySession} from './pty-session.js';
import {restoreUpTo} from './restore-keys.js';

const folder = folderPerTest('dsmn-e2e-');

/** The marks a line of the log begins with (text/glyphs.ts): a row under one of them, indented, goes on with it. */
const LOG_MARK = /^(?:✓|✗|⚠|•|▸|\[ok\]|\[X\]|\[!\]|\*|>) /;

/** A command continued on the next row (text/wrap.ts, wrapCommand): " \\" or " ^" at the row's end. */
const COMMAND_GOES_ON = / [\\^]$/;

/**
 * The rows of `history` that are the wrapped tail of a log line whose head is not on the row above: an
 * indented row whose row above is neither a log line, nor another of its rows, nor a command it continues.
 */
function loneTails(history: string): string[] {
	const rows = history.split('\n');
	const lone: string[] = [];
	let inLogLine = false;
	rows.forEach((row, i) => {
		if (LOG_MARK.test(row)) inLogLine = true;
		else if (/^ {2,4}\S/.test(row)) {
			if (!inLogLine && !COMMAND_GOES_ON.test(rows[i - 1] ?? '')) lone.push(row);
		} else inLogLine = false;
	});
	return lone;
}

describe.concurrent('at 60×20, what a step leaves when it ends', () => {
	it('the help and a refused key go with the step; the lines left in the terminal are whole', {timeout: 120_000}, async ({expect}) => {
		const dir = join(await folder(), 'lab');
		// The lab's own pace: the synchronize runs long enough to open the help over it.
		await createLab(dir, {...LAB_DEFAULTS});
		const session = new PtySession(['--lab', dir], {cols: 60, rows: 20});
		try {
			await restoreUpTo(session, 'synchronize');
			await session.type('y');
			await session.waitFor(/account updates/);
			// A key that answers nothing while the step runs, then the help.
			await session.type('x');
			await session.type('?');
			await session.waitFor('Why this step');
			// The end, or (as before the fix) the generic help left open over it.
			await session.waitFor(/Enter leaves|Follow the prompts/, 90_000);
			expect(session.screen()).not.toContain('Why this step');
			expect(session.screen()).not.toMatch(/Any key (closes|shows)/);
			expect(session.screen()).not.toContain('A key was not used');
			expect(session.screen()).toContain('Enter leaves');
			await session.type(KEYS.enter);
			await session.exited;
			expect(session.history()).not.toContain('A key was not used');
			expect(loneTails(session.history()), session.history()).toEqual([]);
		} finally {
			await session.kill();
		}
	});
});
