/**
 * What the first-time walk found about keys and layout, each in the real program in a pseudo-terminal:
 * a footer's key stays with what it does at 60 columns, and a key typed while a step runs never ends up
 * in the next confirmation's typed word.
 */
import {rm} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {folderPerTest} from '../helpers/file-temp-dirs.js';
import {KEYS, PtySession} from './pty-session.js';
import {restoreUpTo} from './restore-keys.js';
import {throughSituation} from './situation-keys.js';

const CSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');
const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Each test's own folder, kept until the file ends: the tests run side by side (test/helpers/file-temp-dirs.ts). */
const folder = folderPerTest('dsmn-e2e-');

/** A lab as `lab create DIR --pace PACE` makes it, made in-process (the walk starts the CLI itself). */
async function lab(pace: number): Promise<string> {
	const dir = join(await folder(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace});
	return dir;
}

describe.concurrent('keys and layout, as the first-time walk found them', () => {
	it('at 60×20 a footer wraps between its items: no key is on another row than what it does', async ({expect}) => {
		const session = new PtySession(['--lab', await lab(0)], {cols: 60, rows: 20});
		await session.waitFor(/servers? shows? a red X\./);
		await session.type(KEYS.enter);
		await throughSituation(session);
		await session.waitFor('Do you have a backup');
		await session.type(KEYS.enter);
		// A text field with a line typed: its footer is longer than 60 columns.
		await session.waitFor('Ctrl+C quit');
		await session.type('/');
		await session.waitFor('empty line)');
		const rows = session.screen().split('\n');
		const first = rows.findIndex(row => row.startsWith('Enter when done'));
		const footer = rows.slice(first).filter(row => row.trim() !== '');
		expect(footer.length, session.screen()).toBeGreaterThan(1);
		for (const item of ['Enter when done', 'Tab completes', 'Esc back', '? why (on an empty line)', 'Ctrl+C quit'])
			expect(
				footer.some(row => row.includes(item)),
				`"${item}" whole on one row:\n${footer.join('\n')}`,
			).toBe(true);
		await session.kill('SIGTERM');
	});

	it('a y typed while "Move aside" runs is not typed into the next confirmation\'s word: it is said to be unused', async ({expect}) => {
		const session = new PtySession(['--lab', await lab(100)]);
		await restoreUpTo(session, 'move-aside');
		await session.type('y');
		// The admin keeps pressing y while the step runs, up to the moment the RESTORE confirmation appears, and
		// once more as it appears. The sentinel is the wizard's own output, read as its bytes arrive (no terminal
		// parsing, no polling interval to lag behind it): each y is written only after the output received so
		// far has been read (setImmediate runs after the poll phase) and does not hold the confirmation. So no y
		// is typed long after the screen appeared, however loaded the machine: only the last one, at once. (The
		// wizard's 250 ms run from when the screen is drawn, not chosen: type-ahead.ts, drawn().)
		const from = session.raw.length;
		// The terminal's control sequences (the word is bold) are taken out of the text.
		const shown = () => session.raw.slice(from).replace(CSI, '').includes('Type RESTORE');
		await new Promise<void>((resolve, reject) => {
			const started = Date.now();
			const press = () =>
				setImmediate(() => {
					const last = shown();
					session.write('y');
					if (last) return resolve();
					if (Date.now() - started > 30_000) return reject(new Error(`no RESTORE confirmation; the screen shows:\n${session.screen()}`));
					setTimeout(press, 15);
				});
			press();
		});
		await session.waitFor('Type RESTORE and press Enter');
		const rows = session.screen().split('\n');
		const prompt = rows.findIndex(row => row.includes('Type RESTORE and press Enter')) + 1;
		expect(rows[prompt]?.trim(), session.screen()).toBe('>');
		expect(session.screen(), 'the notice').toContain('A key was not used');
		await session.kill('SIGTERM');
	}, 90_000);

	it("npm start's banner wraps at 80 columns between words, and prints the command to come back whole on its own line", async ({expect}) => {
		const session = new PtySession([], {command: ['npm', 'start', '--silent'], cwd: REPO, cols: 80, rows: 24});
		try {
			await session.waitFor(/servers? shows? a red X\./, 30_000);
			const history = session.history().split('\n');
			const banner = history.slice(
				0,
				history.findIndex(row => row.startsWith('dsmn-resync')),
			);
			for (const word of ['SystemRoot/SYSTEM32/SYNCAGNT', 'damaged', 'synchronization', 'backup/'])
				expect(
					banner.some(row => row.split(' ').includes(word)),
					`"${word}" whole:\n${banner.join('\n')}`,
				).toBe(true);
			expect(banner.some(row => /^ {2}npm start -- --lab \S+$/.test(row))).toBe(true);
		} finally {
			await session.kill();
			const lab = /npm start -- --lab (\S+)/.exec(session.raw)?.[1];
			if (lab) await rm(dirname(lab), {recursive: true, force: true});
		}
	}, 60_000);
});
