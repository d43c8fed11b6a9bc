import {rm} from 'node:fs/promises';
import {dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {KEYS, PtySession} from './pty-session.js';
import {throughSituation, throughSynchronizeChoice} from './situation-keys.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const made: string[] = [];
afterEach(async () => {
	await Promise.all(made.splice(0).map(dir => rm(dir, {recursive: true, force: true})));
});

/** The history as one line per paragraph: the last frame's lines are wrapped at the terminal's width. */
const unwrapped = (session: PtySession) => session.history().replace(/[ ]*\n[ ]*/g, ' ');

describe('"start again" for someone who began with npm start', () => {
	it('prints npm start -- --lab DIR, which works as printed: it reuses that lab and offers to resume; the lab stays in the header', async () => {
		const first = new PtySession([], {command: ['npm', 'start', '--silent'], cwd: REPO, cols: 80, rows: 24});
		let lab: string | undefined;
		try {
			await first.waitFor(/servers? shows? a red X\./, 30_000);
			// From the bytes written: the screen wraps the line at 80 columns.
			lab = /To come back to this lab later, run:\r?\n {2}npm start -- --lab (\S+)/.exec(first.raw)?.[1];
			expect(lab).toBeDefined();
			made.push(dirname(lab!));
			const header = `practice lab in ${lab}`;
			expect(first.screen()).toContain(header);
			await first.type(KEYS.enter);
			await throughSituation(first);
			await first.waitFor('Do you have a backup');
			await first.type(KEYS.enter);
			await first.waitFor('Which folder holds the backup?');
			await first.type(KEYS.enter);
			await first.waitFor('I have read the warning: continue');
			await first.type(KEYS.enter);
			await throughSynchronizeChoice(first);
			await first.waitFor('The plan (KB Q148678)');
			await first.type(KEYS.enter);
			await first.waitFor(/Runs "net stop MSSYNC"/);
			expect(first.screen()).toContain(header);
			await first.type('y');
			await first.waitFor(/Moves \d+ files out of/);
			expect(first.screen()).toContain(header);
			await first.type('q');
			await first.waitFor('Leave dsmn-resync?');
			expect(first.screen()).toContain(`npm start -- --lab ${lab}`);
			await first.type('y');
			expect((await first.exited).exitCode).toBe(130);
			const again = `npm start -- --lab ${lab}`;
			expect(unwrapped(first)).toContain(`The run waits in its journal: to resume it or roll it back, start again on this target: ${again}`);
			// The command stands on a line of its own: a wrap never splits it.
			expect(
				first
					.screen()
					.split('\n')
					.map(line => line.trim()),
			).toContain(again);
		} finally {
			await first.kill();
		}
		// As printed, word for word.
		const [command, ...args] = `npm start -- --lab ${lab}`.split(' ');
		const second = new PtySession(args, {command: [command!], cwd: REPO, cols: 80, rows: 24});
		try {
			// Left on purpose at a safe point, as the journal says: not "cut off".
			await second.waitFor('A restore run on this target was left at a safe point', 30_000);
			expect(second.screen()).toMatch(/❯ Resume/);
			expect(second.history()).not.toContain('Created a practice lab');
		} finally {
			await second.kill();
		}
	}, 90_000);
});
