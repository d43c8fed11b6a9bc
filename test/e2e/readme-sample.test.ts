/** README's sample screen is the real last screen of a restore on the lab: taken from a run, so that it cannot drift. */
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli, tempDir} from '../helpers/run-cli.js';
import {PtySession} from './pty-session.js';
import {restoreUpTo} from './restore-keys.js';

/**
 * What differs from run to run: the folder, the journal's time, the seconds MSSYNC took; and where lines
 * wrap (the folder's length moves it): compared with every run of spaces and line ends as one space.
 */
function normalised(screen: string, dir: string): string {
	return screen
		.split(dir)
		.join('/tmp/W1')
		.replace(/\d{8}-\d{6}/g, '20261124-222558')
		.replace(/after \d+(\.\d+)? s/g, 'after 0.1 s')
		.replace(/[ \t]+\n/g, '\n')
		.replace(/\n+$/, '');
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe("README's sample screen", () => {
	it('is the last screen of a restore on the practice lab, as a run draws it at 100 columns', async () => {
		const dir = join(await tempDir(), 'W1');
		expect((await runCli(['lab', 'create', dir, '--pace', '0'])).exitCode).toBe(0);
		// As `npm start` starts it (the README's way in): the commands it prints are npm start's.
		const session = new PtySession(['--lab', dir], {cols: 100, rows: 30, env: {DSMN_RESYNC_LAUNCHER: 'npm start'}});
		try {
			await restoreUpTo(session, 'synchronize');
			await session.type('y');
			await session.waitFor('Done: every server shows a blue check');
			const shown = normalised(session.history().replace(/^\n+/, ''), dir);
			const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
			const sample = /## What it looks like\n[\s\S]*?```\n([\s\S]*?)\n```/.exec(readme)?.[1];
			expect(words(sample ?? ''), `README.md's sample should be:\n${shown}`).toBe(words(shown));
		} finally {
			await session.kill();
		}
	});
});
