/**
 * One rule for every screen (ARCHITECTURE.md, "Keys and type-ahead"): a key answers a question only if it
 * came alone on a screen that had been on view for a moment; otherwise it is not used, and the screen
 * says so. Keys pressed while the wizard starts are not lost in silence either.
 */
import {join} from 'node:path';
import {describe, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {folderPerTest} from '../helpers/file-temp-dirs.js';
import {KEYS, PtySession} from './pty-session.js';

// Issue 29 (item 8): the note said "pressed before this screen appeared" of two Enters pressed together on a screen long on view.
const NOT_USED = 'A key was not used: a key answers only on its own, once this screen has been read.';

/** Each test's own folder, kept until the file ends: the tests run side by side (test/helpers/file-temp-dirs.ts). */
const folder = folderPerTest('dsmn-e2e-');

/** A lab as `lab create DIR --pace 0` makes it, made in-process (the CLI's own start is the walk's). */
async function makeLab() {
	const dir = join(await folder(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0});
	return dir;
}

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe.concurrent('keys pressed together or too soon answer nothing, and the screen says so', () => {
	it('two Enters in one packet on a choice screen: neither chooses, and the screen says a key was not used', async ({expect}) => {
		const session = new PtySession(['--lab', await makeLab()]);
		try {
			await session.waitFor(/❯ Continue: restore or reconstruct/);
			session.write(`${KEYS.enter}${KEYS.enter}`);
			await session.waitFor(NOT_USED);
			expect(session.screen()).toMatch(/❯ Continue: restore or reconstruct/);
		} finally {
			await session.kill();
		}
	});

	it('a second Enter 50 ms after the first does not answer the question the first one led to', async ({expect}) => {
		const session = new PtySession(['--lab', await makeLab()]);
		try {
			await session.waitFor(/❯ Continue: restore or reconstruct/);
			// On a loaded machine the two Enters can reach the wizard in one read: a burst, which the first screen
			// refuses whole and says so (the test above). Then the pair is pressed again, at most three times.
			for (let attempt = 1; ; attempt++) {
				session.write(KEYS.enter);
				await pause(50);
				session.write(KEYS.enter);
				const answered = await session
					.waitFor(/What brings you here\?|A key was not used[^]*❯ Continue: restore or reconstruct|❯ Continue: restore or reconstruct[^]*A key was not used/)
					.then(() => session.screen().includes('What brings you here?'));
				if (answered || attempt === 3) break;
			}
			await session.waitFor('What brings you here?');
			await pause(500);
			expect(session.screen()).toContain('What brings you here?');
			expect(session.screen()).toContain(NOT_USED);
			expect(session.screen()).not.toContain('Is this the PDC that ran DSMN all along?');
		} finally {
			await session.kill();
		}
	});

	it('keys pressed while the wizard starts reach the first screen, which says they were not used', async () => {
		const session = new PtySession(['--lab', await makeLab()]);
		try {
			// Before the first frame: the line discipline still holds the keyboard.
			session.write(KEYS.enter);
			await session.waitFor(/❯ Continue: restore or reconstruct/);
			await session.waitFor(NOT_USED);
		} finally {
			await session.kill();
		}
	});
});
