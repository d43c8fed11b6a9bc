/**
 * The wizard at 60×20 and 80×24, in a real pseudo-terminal, through a whole restore and a whole
 * reconstruct: on every screen the header is in view (nothing scrolled off), the plan shows every
 * step, no word is cut in two at a row's end, and no wrapped row starts with a stray space
 * (ARCHITECTURE.md, "Layout at any size").
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli, tempDir} from '../helpers/run-cli.js';
import {KEYS, PtySession} from './pty-session.js';
import {throughSituation, throughSynchronizeChoice} from './situation-keys.js';

const SIZES = [
	[60, 20],
	[80, 24],
] as const;

/** Words of the wizard's that are long enough to be cut at a row's end, as the old layout cut them. */
const LONG_WORDS = [
	'SystemRoot',
	'SYSTEM32',
	'SYNCAGNT',
	'WINNT_SYNC_AGENT',
	'resynchronized',
	'synchronization',
	'Synchronization',
	'synchronized',
	'propagated',
];

/**
 * Whether two rows meet inside a word: the first is full and ends in a letter or digit, the next begins
 * with one, and the two pieces make a word the wizard uses — one of its long words, or a word that is
 * somewhere on its screens whole (so "later" / "step" is a break between words; "SystemRoo" / "t" is not).
 */
function cutWord(row: string, next: string, cols: number, words: ReadonlySet<string>): boolean {
	if (row.length < cols || !/[A-Za-z0-9]$/.test(row) || !/^[A-Za-z0-9]/.test(next)) return false;
	const joined = /[A-Za-z0-9_]+$/.exec(row)![0] + /^[A-Za-z0-9_]+/.exec(next)![0];
	return words.has(joined) || LONG_WORDS.some(word => word.includes(joined) || joined.includes(word));
}

/** What is wrong with a screen's layout: each problem named with the rows it is in. */
function layoutProblems(screen: string, cols: number, words: ReadonlySet<string>): string[] {
	const rows = screen.split('\n');
	const problems: string[] = [];
	// The finished steps' lines are printed above the header: the header must still be on screen.
	if (!rows.some(row => row.startsWith('dsmn-resync'))) problems.push(`the header has scrolled off: "${rows[0]}"`);
	for (const [i, row] of rows.entries()) {
		// A wrapped row never starts with the one space the wrap broke at (lists indent by two or more).
		if (/^ \S/.test(row)) problems.push(`row ${i} starts with a stray space: "${row}"`);
		const next = rows[i + 1] ?? '';
		if (cutWord(row, next, cols, words)) problems.push(`a word is cut between rows ${i} and ${i + 1}: "${row}" / "${next}"`);
	}
	return problems;
}

/** The words on a screen that are whole (not at a row's end or start). */
function wholeWords(screen: string): string[] {
	return screen.split('\n').flatMap(row => (row.match(/[A-Za-z0-9_]+/g) ?? []).slice(1, -1));
}

/** Checks the layout of the screen the session is on. */
function checkScreen(session: PtySession, cols: number, seen: string[]): void {
	const screen = session.screen();
	seen.push(screen);
	const words = new Set([...wholeWords(session.history()), ...seen.flatMap(wholeWords)]);
	expect(layoutProblems(screen, cols, words), screen).toEqual([]);
}

/** Waits for `expected`, then checks the layout of the screen it is on. */
async function screenAt(session: PtySession, expected: string | RegExp, cols: number, seen: string[]): Promise<void> {
	await session.waitFor(expected, 20_000);
	checkScreen(session, cols, seen);
}

async function lab(...flags: string[]): Promise<{dir: string; home: string}> {
	const home = await tempDir();
	const dir = join(home, 'lab');
	expect((await runCli(['lab', 'create', dir, '--pace', '0', ...flags])).exitCode).toBe(0);
	return {dir, home};
}

describe.each(SIZES)('the wizard at %i×%i', (cols, rows) => {
	it('a whole restore: every screen keeps its header, every step of the plan shows, no word is cut', {timeout: 90_000}, async () => {
		const {dir, home} = await lab();
		const session = new PtySession(['--lab', dir], {cols, rows, env: {HOME: home}});
		const seen: string[] = [];
		await screenAt(session, /servers? shows? a red X\./, cols, seen);
		await session.type(KEYS.enter);
		// The situation questions (symptom, PDC), answered by the keys every walk uses, each screen checked.
		await throughSituation(session, () => checkScreen(session, cols, seen));
		await screenAt(session, 'Do you have a backup', cols, seen);
		await session.type(KEYS.enter);
		await screenAt(session, 'Which folder holds the backup?', cols, seen);
		await session.type(KEYS.enter);
		await screenAt(session, 'I have read the warning: continue', cols, seen);
		await session.type(KEYS.enter);
		await throughSynchronizeChoice(session, () => checkScreen(session, cols, seen));
		await screenAt(session, 'The plan (KB Q148678)', cols, seen);
		for (const [n, step] of [
			'Stop MSSYNC',
			'Move the current database aside',
			'Copy the backup into SYNCAGNT',
			'Start MSSYNC',
			// Named as the synchronize chosen: the recommended one for the lab's backup.
			/(Fully s|S)ynchronize all servers/,
		].entries())
			expect(session.screen()).toMatch(typeof step === 'string' ? `${n + 1}. ${step}` : new RegExp(`${n + 1}\\. ${step.source}`));
		expect(session.screen()).not.toMatch(/more steps/);
		await session.type(KEYS.enter);
		await screenAt(session, 'Runs "net stop MSSYNC"', cols, seen);
		expect(session.screen()).toMatch(/on\s+the\s+practice\s+lab\s+in/);
		await session.type('y');
		await screenAt(session, /Moves \d+ files out of/, cols, seen);
		await session.type('y');
		await screenAt(session, 'Type RESTORE', cols, seen);
		await session.type(...'RESTORE', KEYS.enter);
		await screenAt(session, 'Runs "net start MSSYNC"', cols, seen);
		await session.type('y');
		// Synchronize or Fully synchronize, as recommended for the lab backup's age (the situation question).
		await screenAt(session, /Runs "(Fully s|S)ynchronize all servers"/, cols, seen);
		await session.type('y');
		await screenAt(session, /✓ Done/, cols, seen);
		await session.type(KEYS.enter);
		expect((await session.exited).exitCode).toBe(0);
		// The lab's own folders, wherever they wrapped, are never cut inside a name.
		expect(seen.join('\n')).not.toMatch(/SystemRo\n|SYSTEM3\n|SYNCAG\n/);
		// Issue 29: a command the admin copies is on one row, or continued with the shell's mark (it wrapped between words at 60).
		const history = session.history().split('\n');
		const at = history.findIndex(row => /dsmchk(?! -d)/.test(row));
		expect(at).toBeGreaterThan(-1);
		const command = [history[at]!];
		while (command.at(-1)!.trimEnd().endsWith(' \\')) command.push(history[at + command.length]!);
		expect(
			command
				.join('\n')
				.replace(/ \\\n\s*/g, ' ')
				.trim(),
			command.join('\n'),
		).toMatch(new RegExp(`lab dsmchk ${dir} -d CORP -u USERNAME$`));
		expect(command.every(row => row.length <= cols)).toBe(true);
	});

	// Issue 29: at 60×20 the synchronize question's help was taller than the screen: its title and the header scrolled off.
	it("every help box (?) fits: the header and the box's title stay in view, page by page, until a key closes it", {timeout: 120_000}, async () => {
		const {dir, home} = await lab();
		const session = new PtySession(['--lab', dir], {cols, rows, env: {HOME: home}});
		const seen: string[] = [];
		/** ? on the screen on view: each page checked, a key for the next, until the box is gone. */
		const helpOn = async (question: string | RegExp) => {
			await session.waitFor(question, 20_000);
			await session.type('?');
			for (let page = 1; ; page++) {
				await session.waitFor(/Any key(?: closes this| shows the rest|: rest of the sentence)/);
				const screen = session.screen();
				expect(screen, screen).toMatch(/^dsmn-resync/);
				expect(screen, screen).toMatch(/Why this step|What each answer does/);
				checkScreen(session, cols, seen);
				const last = /Any key closes this/.test(screen);
				await session.type('x');
				if (last) break;
				expect(page).toBeLessThan(6);
				await session.waitFor(`(${page + 1} of `);
			}
			await session.waitFor(question);
			expect(session.screen()).not.toMatch(/Any key/);
		};
		await helpOn(/servers? shows? a red X\./);
		await session.type(KEYS.enter);
		await helpOn('What brings you here?');
		await session.type(KEYS.enter);
		await helpOn('Is this the PDC that ran DSMN all along?');
		await session.type(KEYS.enter);
		await helpOn('Do you have a backup');
		await session.type(KEYS.enter);
		await session.waitFor('Which folder holds the backup?');
		await session.type(KEYS.enter);
		await helpOn('I have read the warning: continue');
		await session.type(KEYS.enter);
		await helpOn(/[❯>] .*ynchronize all servers \(recommended\)/);
		await session.type(KEYS.enter);
		await helpOn('The plan (KB Q148678)');
		await session.type(KEYS.enter);
		await helpOn('Runs "net stop MSSYNC"');
		await session.type('q');
		await session.waitFor('Leave dsmn-resync?');
		await session.type('y');
		await session.exited;
	});

	it('a whole reconstruct: the plan shows all 8 steps, every screen keeps its header, no word is cut', {timeout: 90_000}, async () => {
		const {dir, home} = await lab('--no-backup');
		const session = new PtySession(['--lab', dir], {cols, rows, env: {HOME: home}});
		const seen: string[] = [];
		await screenAt(session, /servers? shows? a red X\./, cols, seen);
		await session.type(KEYS.enter);
		// The situation questions (symptom, PDC), answered by the keys every walk uses, each screen checked.
		await throughSituation(session, () => checkScreen(session, cols, seen));
		await screenAt(session, 'Do you have a backup', cols, seen);
		await session.type(KEYS.down, KEYS.enter);
		await screenAt(session, 'I understand: choose the servers', cols, seen);
		await session.type(KEYS.enter);
		await screenAt(session, 'Which NetWare servers do you want to reconstruct?', cols, seen);
		await session.type(KEYS.enter);
		await screenAt(session, 'Which NetWare version do the chosen servers run?', cols, seen);
		await session.type(KEYS.enter);
		await screenAt(session, 'Restore the bindery from its backup', cols, seen);
		await session.type(KEYS.enter);
		await screenAt(session, 'How should the propagated users get their new passwords?', cols, seen);
		await session.type(KEYS.enter);
		await screenAt(session, 'Where should the list of new passwords go?', cols, seen);
		await session.type(KEYS.enter);
		await screenAt(session, 'The plan (KB Q148678, no backup)', cols, seen);
		for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) expect(session.screen()).toMatch(new RegExp(`^${n}\\. `, 'm'));
		expect(session.screen()).toContain('8. Synchronize all servers');
		expect(session.screen()).not.toMatch(/more steps/);
		await session.type(KEYS.enter);
		for (const server of ['FS2', 'FS4', 'FS5']) {
			await screenAt(session, `⚠ Delete WINNT_SYNC_AGENT from ${server}`, cols, seen);
			await session.type(...server, KEYS.enter);
			await screenAt(session, `⚠ Add ${server} back to the domain`, cols, seen);
			await session.type('y');
		}
		await screenAt(session, '⚠ Set a new password for each propagated user', cols, seen);
		await session.type('y');
		await screenAt(session, '⚠ Synchronize all servers', cols, seen);
		await session.type('y');
		await screenAt(session, 'Done: every server shows a blue check', cols, seen);
		await session.type(KEYS.enter);
		expect((await session.exited).exitCode).toBe(0);
	});
});
