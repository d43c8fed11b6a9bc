/**
 * The wizard in the terminals an admin may have over SSH: not UTF-8 (LANG=C), TERM=dumb, and the last
 * frame left on screen when leaving mid-step — in a real pseudo-terminal.
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli, tempDir} from '../helpers/run-cli.js';
import {KEYS, PtySession} from './pty-session.js';
import {throughSituation, throughSynchronizeChoice} from './situation-keys.js';
import {restoreUpTo} from './restore-keys.js';

const NOT_ASCII = /[\u0080-\uFFFF]/;

async function lab(...flags: string[]) {
	const dir = join(await tempDir(), 'lab');
	expect((await runCli(['lab', 'create', dir, ...flags])).exitCode).toBe(0);
	return dir;
}

/** From the first look at a lab to the plan, then Begin: the first confirmation. */
async function toFirstConfirmation(session: PtySession) {
	await session.waitFor(/servers? shows? a red X\./);
	await session.type(KEYS.enter);
	await throughSituation(session);
	await session.waitFor('Do you have a backup');
	await session.type(KEYS.enter);
	await session.waitFor('Which folder holds the backup?');
	await session.type(KEYS.enter);
	await session.waitFor('I have read the warning: continue');
	await session.type(KEYS.enter);
	await throughSynchronizeChoice(session);
	await session.waitFor('The plan (KB Q148678)');
	await session.type(KEYS.enter);
	await session.waitFor('Runs "net stop MSSYNC"');
}

describe('the wizard in any terminal', () => {
	it('LANG=C: every byte it sends is ASCII — marks, borders, separators, arrows, progress', async () => {
		const dir = await lab('--pace', '0');
		const session = new PtySession(['--lab', dir], {cols: 100, rows: 30, env: {LANG: 'C', LC_ALL: '', LC_CTYPE: ''}});
		await toFirstConfirmation(session);
		await session.type('?');
		await session.waitFor('Why this step');
		expect(session.screen()).toMatch(/^\+-+\+$/m);
		await session.type('x');
		await session.type('y');
		await session.waitFor('Moves 11 files out of');
		expect(session.screen()).toContain('Up/Down Enter choose - y yes - ? why - q quit');
		await session.type('q');
		await session.waitFor('Leave dsmn-resync?');
		await session.type('y');
		expect((await session.exited).exitCode).toBe(130);
		expect(session.raw).not.toMatch(NOT_ASCII);
	});

	it('--ascii does the same in a UTF-8 terminal', async () => {
		const dir = await lab('--pace', '0');
		const session = new PtySession(['--lab', dir, '--ascii']);
		await session.waitFor(/servers? shows? a red X\./);
		expect(session.screen()).toContain('[ok] FS1');
		await session.type('q');
		await session.waitFor('Leave dsmn-resync?');
		await session.type('y');
		expect((await session.exited).exitCode).toBe(130);
		expect(session.raw).not.toMatch(NOT_ASCII);
	});

	it('TERM=dumb: plain lines appended, not one cursor movement or escape sequence', async () => {
		const dir = await lab('--pace', '0');
		const session = new PtySession(['--lab', dir], {cols: 100, rows: 30, env: {TERM: 'dumb'}});
		await toFirstConfirmation(session);
		await session.type('y');
		await session.waitFor('Moves 11 files out of');
		await session.type('q');
		await session.waitFor('Leave dsmn-resync?');
		await session.type('y');
		expect((await session.exited).exitCode).toBe(130);
		expect(session.raw).not.toContain('\u001B');
		// Each screen is there, in order, in the scrollback.
		const history = session.history();
		const order = [
			'Managed NetWare servers',
			'Do you have a backup',
			'The plan (KB Q148678)',
			'Runs "net stop MSSYNC"',
			'Moves 11 files out of',
			'Left at a safe point',
		].map(text => history.indexOf(text));
		expect(
			order.every(i => i >= 0),
			`${JSON.stringify(order)}\n${history}`,
		).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
	});

	it('shrinking to 40×12 during synchronization: the log once, the frame whole, no row twice', async () => {
		const dir = await lab('--pace', '60');
		const session = new PtySession(['--lab', dir], {cols: 100, rows: 30});
		await restoreUpTo(session, 'synchronize');
		await session.type('y');
		await session.waitFor(/\d+\/600 account updates/);
		await session.resize(40, 12);
		await new Promise(resolve => setTimeout(resolve, 1500));
		const rows = session.screen().split('\n');
		const servers = rows.filter(row => /^\S+ FS\d /.test(row)).map(row => /FS\d/.exec(row)![0]);
		expect(servers.length, session.screen()).toBeGreaterThan(0);
		expect(new Set(servers).size, session.screen()).toBe(servers.length);
		expect(rows.filter(row => row.startsWith('dsmn-resync · KB Q148678'))).toHaveLength(1);
		expect(session.screen()).toMatch(/▸ (Fully s|S)ynchronize all servers…/);
		expect(rows.filter(row => row.trim() !== '').at(-1)).toBe('q leaves at the next safe point · ? why');
		// The log is in the scrollback once, not once per redraw.
		expect(session.history().split('Stop MSSYNC: ').length - 1).toBe(1);
		await session.kill();
		await session.exited;
	});

	it('q mid-step: the last frame says where things are, not a progress bar and keys that no longer work', async () => {
		const dir = await lab('--pace', '40');
		const session = new PtySession(['--lab', dir], {cols: 100, rows: 30});
		await restoreUpTo(session, 'synchronize');
		await session.type('y');
		await session.waitFor(/\d+\/600 account updates/);
		await session.type('q');
		await session.waitFor('Leave dsmn-resync?');
		await session.type('y');
		// Synchronization stops at once (a server half propagated is simply not synchronized yet): the
		// "Leaving once the synchronization stops" line may or may not be drawn first; it must not be last.
		expect((await session.exited).exitCode).toBe(130);
		const last = session.screen();
		expect(last).toContain('Left at a safe point');
		expect(last.replace(/\n(?=\S)/g, ' ')).toMatch(/to resume it or roll it back, start again on this target: node \S+cli\.js --lab/);
		expect(last).not.toContain('Leaving once');
		expect(last).not.toMatch(/Enter choose|q quit|q leaves/);
		expect(last).not.toMatch(/\d+\/600 account updates/);
	});

	// At 60×20 the dsmpack repair's plan filled every row: Ink drew it without its last newline and cleared the
	// scrollback (ESC [3J) with the next frame, and after the last one the shell's prompt landed on its last word.
	it("60×20, the repair's plan, then q: no frame clears the scrollback, and the terminal is left on a line of its own", async () => {
		const dir = await lab('--pace', '0', '--wont-start');
		const session = new PtySession(['--lab', dir], {cols: 60, rows: 20});
		try {
			await session.waitFor(/servers? shows? a red X\./);
			await session.type(KEYS.enter);
			await session.waitFor('What brings you here?');
			await session.type(KEYS.enter);
			await session.waitFor('Repair the database with dsmpack /r');
			await session.type(KEYS.enter);
			await session.waitFor('The plan (KB Q197852');
			await session.type('q');
			await session.waitFor('Leave dsmn-resync?');
			await session.type('y');
			await session.exited;
			expect(session.raw).not.toContain('\u001B[3J');
			// eslint-disable-next-line no-control-regex -- the escapes taken out to read the text
			expect(session.raw.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '')).toMatch(/\n$/);
			expect(session.screen().split('\n').at(-1)).toBe('');
		} finally {
			await session.kill();
		}
	});
});
