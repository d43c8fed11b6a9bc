/**
 * Issue 29's Done-when: the restore, the reconstruct and "Only synchronize all servers" walked through
 * every step at 60×20 and at 80×24 (and once with --ascii), in a real pseudo-terminal running the bundle.
 * On every screen, and on its `?` help page by page and its `q` question (answered n): the header is in
 * view, no word is split (each word of the frame is a word of the same screen drawn 200 columns wide and 50
 * rows tall: the terminal is widened and narrowed again), no unit is parted ("KB" / "Q189441"), and the plan shows every
 * step (ARCHITECTURE.md, "Layout at any size").
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {folderPerTest} from '../helpers/file-temp-dirs.js';
import {runCli} from '../helpers/run-cli.js';
import {frameProblems, wordsOf} from './narrow-frames.js';
import {KEYS, PtySession, settled} from './pty-session.js';
import {restoreUpTo} from './restore-keys.js';

const WIDE = 200;
/** The rows of the wide frame: enough that no screen leaves a line to its help (the resume screen at 200×20 still did). */
const TALL = 50;

type Walker = {
	/** Waits for `expected`, checks the screen, its `?` help and its `q` question (unless a text field takes those keys). */
	visit: (expected: string | RegExp, options?: {field?: boolean; steps?: number}) => Promise<void>;
	session: PtySession;
};

function walker(session: PtySession, cols: number, rows: number): Walker {
	const wide = new Set<string>();
	const check = async (what: string) => {
		const narrow = session.screen();
		await session.resize(WIDE, TALL);
		// Ink redraws at the new width before React has the new size: a frame laid out for the small terminal (a reason
		// left to ?, "did not fit") may stand a moment, longer under load. The wide frame is the one that leaves nothing out.
		let drawn = await settled(session);
		for (let tries = 0; /did not fit|more lines?: \? shows/.test(drawn) && tries < 20; tries++) drawn = await settled(session);
		for (const word of wordsOf(drawn)) wide.add(word);
		await session.resize(cols, rows);
		await settled(session);
		expect(frameProblems(narrow, wide), `${what}:\n${narrow}`).toEqual([]);
	};
	const visit: Walker['visit'] = async (expected, options = {}) => {
		await session.waitFor(expected, 45_000);
		await settled(session);
		await check(String(expected));
		if (options.steps !== undefined) {
			const screen = session.screen();
			for (let n = 1; n <= options.steps; n++) expect(screen, screen).toMatch(new RegExp(`^${n}\\. `, 'm'));
			expect(screen).not.toMatch(/more steps?/);
		}
		if (options.field) return;
		await session.type('?');
		for (let page = 1; ; page++) {
			await session.waitFor(/Any key(?: closes this| shows the rest|: rest of the sentence)/);
			await check(`${String(expected)}, ? page ${page}`);
			const last = /Any key closes this/.test(session.screen());
			await session.type('x');
			if (last) break;
			expect(page).toBeLessThan(8);
		}
		await session.waitFor(expected);
		await session.type('q');
		await session.waitFor(/Leave dsmn-resync\?/);
		await check(`${String(expected)}, q`);
		await session.type('n');
		await session.waitFor(expected);
		await settled(session);
	};
	return {visit, session};
}

/** The walks' folders: removed after the file, not after each test (tempDir's rule), since the walks run side by side. */
const folder = folderPerTest('dsmn-narrow-');

async function lab(...flags: string[]): Promise<{dir: string; home: string}> {
	const home = await folder();
	const dir = join(home, 'lab');
	expect((await runCli(['lab', 'create', dir, '--pace', '0', ...flags])).exitCode).toBe(0);
	return {dir, home};
}

const SIZES = [
	{cols: 60, rows: 20, ascii: false},
	{cols: 80, rows: 24, ascii: false},
	{cols: 80, rows: 24, ascii: true},
] as const;

const name = ({cols, rows, ascii}: (typeof SIZES)[number]) => `${cols}×${rows}${ascii ? ' --ascii' : ''}`;
const WARNING = /(?:⚠|\[!\])/.source;

// At each size, its three walks run side by side (each its own lab and terminal): they wait on redraws far more than they compute.
for (const {cols, rows, ascii, size} of SIZES.map(s => ({...s, size: name(s)}))) describe.concurrent(`at ${size}`, () => walksAt(cols, rows, ascii, size));

function walksAt(cols: number, rows: number, ascii: boolean, size: string): void {
	const start = async (...flags: string[]) => {
		const {dir, home} = await lab(...flags);
		const session = new PtySession(['--lab', dir, ...(ascii ? ['--ascii'] : [])], {cols, rows, env: {HOME: home}});
		return walker(session, cols, rows);
	};

	it(`the restore at ${size}, every step: no word split, every step shown, the header in view`, {timeout: 300_000}, async () => {
		const {visit, session} = await start();
		await visit(/servers? shows? a red X\./);
		await session.type(KEYS.enter);
		await visit('What brings you here?');
		await session.type(KEYS.enter);
		await visit('Is this the PDC that ran DSMN all along?');
		await session.type(KEYS.enter);
		await visit('Do you have a backup');
		await session.type(KEYS.enter);
		await visit('Which folder holds the backup?', {field: true});
		await session.type(KEYS.enter);
		await visit('I have read the warning: continue');
		await session.type(KEYS.enter);
		await visit(/ynchronize all servers \(recommended\)/);
		await session.type(KEYS.enter);
		await visit('The plan (KB Q148678)', {steps: 5});
		await session.type(KEYS.enter);
		await visit('Runs "net stop MSSYNC"');
		await session.type('y');
		await visit(/Moves \d+ files out of/);
		await session.type('y');
		await visit('Type RESTORE', {field: true});
		await session.type(...'RESTORE', KEYS.enter);
		await visit('Runs "net start MSSYNC"');
		await session.type('y');
		await visit(/Runs "(Fully s|S)ynchronize all servers"/);
		await session.type('y');
		await visit(/(✓|\[ok\]) Done/, {field: true});
		await session.type(KEYS.enter);
		expect((await session.exited).exitCode).toBe(0);
	});

	it(`the reconstruct at ${size}, every step: no word split, all 8 steps shown, the header in view`, {timeout: 400_000}, async () => {
		const {visit, session} = await start('--no-backup');
		await visit(/servers? shows? a red X\./);
		await session.type(KEYS.enter);
		await visit('What brings you here?');
		await session.type(KEYS.enter);
		await visit('Is this the PDC that ran DSMN all along?');
		await session.type(KEYS.enter);
		await visit('Do you have a backup');
		await session.type(KEYS.down, KEYS.enter);
		await visit('I understand: choose the servers');
		await session.type(KEYS.enter);
		await visit('Which NetWare servers do you want to reconstruct?');
		await session.type(KEYS.enter);
		await visit('Which NetWare version do the chosen servers run?');
		await session.type(KEYS.enter);
		await visit('Restore the bindery from its backup');
		await session.type(KEYS.enter);
		await visit('How should the propagated users get their new passwords?');
		await session.type(KEYS.enter);
		await visit('Where should the list of new passwords go?', {field: true});
		await session.type(KEYS.enter);
		await visit('The plan (KB Q148678, no backup)', {steps: 8});
		await session.type(KEYS.enter);
		for (const server of ['FS2', 'FS4', 'FS5']) {
			await visit(new RegExp(`${WARNING} Delete WINNT_SYNC_AGENT from ${server}`), {field: true});
			await session.type(...server, KEYS.enter);
			await visit(new RegExp(`${WARNING} Add ${server} back to the domain`));
			await session.type('y');
		}
		await visit(new RegExp(`${WARNING} Set a new password for each propagated user`));
		await session.type('y');
		await visit(new RegExp(`${WARNING} Synchronize all servers`));
		await session.type('y');
		await visit('Done: every server shows a blue check', {field: true});
		await session.type(KEYS.enter);
		expect((await session.exited).exitCode).toBe(0);
	});

	// Issue 29: the repair's last screen was 22 rows at 60×20, so the header and its title scrolled off. It keeps
	// what happened and what to do next, counts the rest, and prints every line in the frame it leaves.
	if (!ascii)
		it(
			`the dsmpack repair at ${size} (MSSYNC will not start), to its end: the last screen fits, every line printed on leaving`,
			{timeout: 200_000},
			async () => {
				const {visit, session} = await start('--wont-start');
				await visit(/servers? shows? a red X\./);
				await session.type(KEYS.enter);
				await visit('What brings you here?');
				// MSSYNC found stopped: the pointer starts on "MSSYNC will not start".
				await session.type(KEYS.enter);
				await visit('Repair the database with dsmpack /r first?');
				await session.type(KEYS.enter);
				await visit('The plan (KB Q197852, repair with dsmpack)', {steps: 2});
				await session.type(KEYS.enter);
				await visit(/Runs dsmpack \/r in/);
				// Issue 29: the confirmation says whether the repair can be undone (its last line, kept however short the rows).
				expect(session.screen().replace(/\s+/g, ' ')).toContain('It cannot be undone by this tool');
				await session.type('y');
				await visit(/Runs net start MSSYNC/);
				await session.type('y');
				await visit(/Repaired: MSSYNC runs/, {field: true});
				const end = session.screen();
				expect(end, end).toMatch(/^Next: in Synchronization Manager/m);
				// Issue 29: no pointer to "the lab status command above", which the screen had scrolled away: the command is printed.
				expect(end).not.toMatch(/command above/);
				const hidden = /\((\d+) more lines?: printed in full when you leave\)/.exec(end);
				await session.type(KEYS.enter);
				await session.exited;
				// The frame left in the terminal holds every line, the journal's path the last.
				if (hidden) expect(session.history()).toMatch(/The journal of this run:/);
				expect(session.history()).toMatch(/journal\/NTPDC-\d+-\d+\.jsonl/);
			},
		);

	// The PDC was lost (KB Q154761): its own answer at the PDC question, plan, copy into SYNCAGNT\Backup and end.
	if (!ascii)
		it(`the restore onto a new PDC at ${size}, every step: no word split, every step shown, the header in view`, {timeout: 300_000}, async () => {
			const {visit, session} = await start('--new-pdc');
			await visit(/servers? shows? a red X\./);
			await session.type(KEYS.enter);
			await visit('What brings you here?');
			await session.type(KEYS.enter);
			await visit('Is this the PDC that ran DSMN all along?');
			await session.type(KEYS.down);
			await session.waitFor(/(❯|>) No/);
			await session.type(KEYS.enter);
			await visit('Do you have a backup');
			await session.type(KEYS.enter);
			await visit('Which folder holds the backup?', {field: true});
			await session.type(KEYS.enter);
			await visit(/I have read the warnings?: continue/);
			await session.type(KEYS.enter);
			await visit('How should the servers be synchronized');
			await session.type(KEYS.enter);
			await visit('The plan (KB Q154761, the backup onto a new PDC)', {steps: 4});
			await session.type(KEYS.enter);
			for (const step of ['Stop MSSYNC', 'Copy the backup into SYNCAGNT\\\\Backup', 'Start MSSYNC', '(Fully s|S)ynchronize all servers']) {
				const title = new RegExp(`${WARNING} ${step}`);
				await session.waitFor(title, 45_000);
				const typed = session.screen().includes('Type RESTORE');
				await visit(title, {field: typed});
				if (typed) await session.type(...'RESTORE', KEYS.enter);
				else await session.type('y');
			}
			await visit(/(✓|\[ok\]) Done/, {field: true});
			await session.type(KEYS.enter);
			expect((await session.exited).exitCode).toBe(0);
		});

	// The screens after a failure, which the other walks do not reach: the failure's choices, the run resumed
	// (at 60×20 its screen was taller than the rows, the header scrolled off), the roll back and its end.
	if (!ascii)
		it(`a failed start, stopped, then rolled back at ${size}: the failure, the resume screen, the roll back and its end fit`, {timeout: 300_000}, async () => {
			const {dir, home} = await lab();
			expect((await runCli(['lab', 'fault', dir, 'start-refused'])).exitCode).toBe(0);
			const first = walker(new PtySession(['--lab', dir], {cols, rows, env: {HOME: home}}), cols, rows);
			await restoreUpTo(first.session, 'start-service');
			await first.session.type('y');
			await first.visit(/Retry this step/);
			await first.session.type(KEYS.down, KEYS.down, KEYS.enter);
			// "Stop here" ends the wizard: its last frame is printed whole.
			await first.session.exited;
			expect(first.session.history()).toMatch(/Stopped here/);
			expect((await runCli(['lab', 'fault', dir, 'clear'])).exitCode).toBe(0);
			const {visit, session} = walker(new PtySession(['--lab', dir], {cols, rows, env: {HOME: home}}), cols, rows);
			await visit(/A restore run on this target stopped/);
			await session.type(KEYS.down, KEYS.enter);
			await visit(new RegExp(`${WARNING} Roll back`));
			await session.type('y');
			await visit(/Rolled back: SYNCAGNT is as it was/, {field: true});
			await session.type(KEYS.enter);
			await session.exited;
		});

	it(`"Only synchronize all servers" at ${size}, to its end: no word split, the header in view`, {timeout: 200_000}, async () => {
		const {visit, session} = await start();
		await visit(/servers? shows? a red X\./);
		await session.type(KEYS.down, KEYS.enter);
		await visit('How should the servers be synchronized?');
		await session.type(KEYS.enter);
		await visit(new RegExp(`${WARNING} Synchronize all servers`));
		await session.type('y');
		// "red X" is one unit (fixl2): at 60 columns it goes whole to the next row.
		await visit(/still show a\s+red X/);
		await session.type(KEYS.down, KEYS.down, KEYS.enter);
		await session.exited;
	});
}
