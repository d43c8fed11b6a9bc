import path, {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {labCreateCommand} from '../../source/cli/lab-commands.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {tempDir} from '../helpers/run-cli.js';

describe('lab create --new-pdc says what the wizard will then show', () => {
	it('every server red, because the newly installed database lists none of them (not "the live database is damaged")', async () => {
		const dir = join(await tempDir(), 'lab');
		let text = '';
		const code = await labCreateCommand(dir, {...LAB_DEFAULTS, pace: 0, newPdc: true}, {out: t => void (text += t), err: t => void (text += t)}, path.posix);
		expect(code).toBe(0);
		expect(text).not.toContain('is damaged');
		expect(text).toContain('red X on every server (FS1…FS5): the newly installed database in SystemRoot/SYSTEM32/SYNCAGNT lists none of them');
	});
});
