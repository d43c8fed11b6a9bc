/** A scripted run's stop: how to go on, in its own words (source/scripted/run-scripted.ts), on the practice lab in-process. */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {main} from '../../source/cli/main.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {recordingIo} from '../helpers/recording-io.js';
import {tempDir} from '../helpers/run-cli.js';

describe('a scripted repair that stops', () => {
	it('says to go on with --resume, never --rollback: a repair cannot be rolled back', {timeout: 60_000}, async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 20, wontStart: true});
		expect(await main(['--lab', dir, '--repair', 'dsmpack', '--yes'], recordingIo().io)).toBe(1);
		expect(await main(['lab', 'fault', dir, 'start-refused'], recordingIo().io)).toBe(0);
		const again = recordingIo();
		expect(await main(['--lab', dir, '--repair', 'dsmpack', '--yes'], again.io), again.out() + again.err()).toBe(1);
		const text = again.out() + again.err();
		expect(text).toMatch(/the repair did not bring MSSYNC back/);
		expect(text).toMatch(/run the same command again with --resume/);
		expect(text).not.toMatch(/--rollback/);
	});
});
