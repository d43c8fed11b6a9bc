import path, {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {labCreateCommand} from '../../source/cli/lab-commands.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {tempDir} from '../helpers/run-cli.js';

async function created(api: typeof path.posix) {
	let text = '';
	const code = await labCreateCommand(join(await tempDir(), 'lab'), {...LAB_DEFAULTS, pace: 0}, {out: t => void (text += t), err: t => void (text += t)}, api);
	return {code, text};
}

describe('lab create names its folders with the platform separator', () => {
	it('on Windows (path.win32): SystemRoot\\SYSTEM32\\SYNCAGNT and backup\\', async () => {
		const {code, text} = await created(path.win32);
		expect(code).toBe(0);
		expect(text).toContain('the live database in SystemRoot\\SYSTEM32\\SYNCAGNT is damaged');
		expect(text).toContain('a valid account synchronization backup in backup\\\n');
		expect(text).not.toContain('SystemRoot/');
	});

	it('on POSIX: SystemRoot/SYSTEM32/SYNCAGNT and backup/', async () => {
		const {text} = await created(path.posix);
		expect(text).toContain('the live database in SystemRoot/SYSTEM32/SYNCAGNT is damaged');
		expect(text).toContain('backup in backup/\n');
	});
});
