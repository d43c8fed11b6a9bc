import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {findUnfinishedRun} from '../../source/journal/journal.js';
import {CLI, runCli, tempDir, userEnv} from '../helpers/run-cli.js';

describe('a scripted run whose output is closed (`--json | head -2`)', () => {
	it('is not a crash: the step finishes, is journaled, the run stops at the next safe point and resumes', async () => {
		const lab = join(await tempDir(), 'lab');
		expect((await runCli(['lab', 'create', lab, '--pace', '0'])).exitCode).toBe(0);
		const child = spawn(
			process.execPath,
			[CLI, '--lab', lab, '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', join(lab, 'backup'), '--yes', '--json'],
			{
				env: userEnv(),
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let stderr = '';
		child.stderr.on('data', chunk => (stderr += String(chunk)));
		let lines = 0;
		let text = '';
		// Read two lines, then close the pipe as `head -2` does.
		await new Promise<void>(resolve => {
			child.stdout.on('data', chunk => {
				text += String(chunk);
				lines = text.split('\n').length - 1;
				if (lines >= 2) {
					child.stdout.destroy();
					resolve();
				}
			});
		});
		const [code] = (await once(child, 'exit')) as [number | null];
		expect(stderr).not.toMatch(/EPIPE|Error:|at .*\.js/);
		expect(code).toBe(130);
		const unfinished = await findUnfinishedRun(join(lab, 'journal'));
		expect(unfinished?.entries.some(e => e.type === 'interrupted' && e.signal === 'output closed')).toBe(true);
		const resumed = await runCli(['--lab', lab, '--resume']);
		expect(resumed.exitCode, resumed.stdout + resumed.stderr).toBe(0);
	}, 60_000);
});
