import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {findUnfinishedRun, readJournal} from '../../source/journal/journal.js';
import {schemaLines} from '../helpers/json-lines.js';
import {runCli, tempDir} from '../helpers/run-cli.js';

describe('a run whose first step failed with nothing changed (issue 12, item 7)', () => {
	it('is closed as such, says so (text and --json), and never blocks the next run', async () => {
		const lab = join(await tempDir(), 'lab');
		expect((await runCli(['lab', 'create', lab, '--pace', '0'])).exitCode).toBe(0);
		// An account that may query MSSYNC but not control it.
		expect((await runCli(['lab', 'fault', lab, 'access-denied'])).exitCode).toBe(0);
		const refused = await runCli([
			'--lab',
			lab,
			'--flow',
			'restore',
			'--pdc',
			'same',
			'--synchronize',
			'normal',
			'--backup',
			join(lab, 'backup'),
			'--yes',
			'--json',
		]);
		expect(refused.exitCode).toBe(1);
		const lines = schemaLines(refused.stdout);
		expect(lines.at(-1)).toMatchObject({event: 'closed', reason: 'nothing-changed', step: 'stop-service'});
		expect(await findUnfinishedRun(join(lab, 'journal'))).toBeUndefined();
		const journals = (await import('node:fs/promises')).readdir;
		const [name] = await journals(join(lab, 'journal'));
		expect((await readJournal(join(lab, 'journal', name!))).at(-1)).toMatchObject({type: 'run-ended', outcome: 'nothing-changed'});

		// Fixed (another account, here the fault cleared): the next run begins, with no --resume asked for.
		expect((await runCli(['lab', 'fault', lab, 'clear'])).exitCode).toBe(0);
		const next = await runCli(['--lab', lab, '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', join(lab, 'backup'), '--yes']);
		expect(next.exitCode, next.stdout + next.stderr).toBe(0);
		expect(next.stdout).toMatch(/Done\./);
	}, 120_000);
});
