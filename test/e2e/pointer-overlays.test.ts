import {join} from 'node:path';
import {describe, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labStatus} from '../../source/lab/status.js';
import {folderPerTest} from '../helpers/file-temp-dirs.js';
import {KEYS, PtySession} from './pty-session.js';
import {restoreUpTo} from './restore-keys.js';

/** Each test's own folder, kept until the file ends: the tests run side by side (test/helpers/file-temp-dirs.ts). */
const folder = folderPerTest('dsmn-e2e-');

/** A lab as `lab create DIR --pace 0` makes it, made in-process (the CLI's own start is the walk's). */
async function makeLab() {
	const dir = join(await folder(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0});
	return dir;
}

/** MSSYNC's state as `lab status` reports it (its own function, in-process). */
const serviceState = async (dir: string) => (await labStatus(dir)).service.state;

describe.concurrent('the list pointer stays where the admin left it, through every overlay', () => {
	it('on a confirmation: No, then ? and a key, then q and n: Enter still says No and nothing is stopped', async ({expect}) => {
		const dir = await makeLab();
		const session = new PtySession(['--lab', dir]);
		try {
			await restoreUpTo(session, 'stop-service');
			await session.type(KEYS.down);
			await session.waitFor(/❯ No — go back/);
			await session.type('?');
			await session.waitFor(/any key closes/i);
			await session.type('x');
			await session.waitFor(/❯ No — go back/);
			await session.type('q');
			await session.waitFor('Leave dsmn-resync?');
			await session.type('n');
			await session.waitFor(/❯ No — go back/);
			expect(session.screen()).not.toMatch(/❯ Yes/);
			await session.type(KEYS.enter);
			await session.waitFor('The plan (KB Q148678)');
			expect(await serviceState(dir)).toBe('RUNNING');
		} finally {
			await session.kill();
		}
	});

	it('on the first screen: the second item stays pointed at through ?', async () => {
		const dir = await makeLab();
		const session = new PtySession(['--lab', dir]);
		try {
			await session.waitFor(/❯ Continue: restore or reconstruct/);
			await session.type(KEYS.down);
			await session.waitFor(/❯ Only synchronize all servers/);
			await session.type('?');
			await session.waitFor(/any key closes/i);
			await session.type(KEYS.escape);
			await session.waitFor(/❯ Only synchronize all servers/);
		} finally {
			await session.kill();
		}
	});
});
