/** --synchronize full in a scripted restore: the run ends with "Fully synchronize all servers", journaled, and the stale accounts are fixed. */
import {readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {labPaths} from '../../source/lab/state.js';
import {runCli, tempDir} from '../helpers/run-cli.js';

describe('--synchronize normal|full', () => {
	it('full: after a restore past the change log, every server blue and no account stale', {timeout: 120_000}, async () => {
		const dir = join(await tempDir(), 'lab');
		expect(
			(await runCli(['lab', 'create', dir, '--pace', '0', '--servers', '2', '--accounts', '30', '--backup-age', '30', '--change-log-size', '10'])).exitCode,
		).toBe(0);
		const run = await runCli(['--lab', dir, '--flow', 'restore', '--pdc', 'same', '--backup', join(dir, 'backup'), '--synchronize', 'full', '--yes']);
		expect(run.exitCode, run.stdout + run.stderr).toBe(0);
		const status = JSON.parse((await runCli(['lab', 'status', dir, '--json'])).stdout.trim()) as {
			servers: {synchronized: boolean; staleAccounts: string[]}[];
			events: {id: number}[];
		};
		expect(status.events.map(e => e.id)).toEqual([8005]);
		expect(status.servers.map(s => [s.synchronized, s.staleAccounts])).toEqual([
			[true, []],
			[true, []],
		]);
		const journal = labPaths(dir).journal;
		const [name] = await readdir(journal);
		expect(JSON.parse((await readFile(join(journal, name!), 'utf8')).split('\n')[0]!)).toMatchObject({synchronize: 'full'});
	});

	it('anything but normal or full is refused, naming the flag', async () => {
		const run = await runCli(['--lab', 'x', '--synchronize', 'fast']);
		expect(run.exitCode).toBe(2);
		expect(run.stderr).toMatch(/--synchronize/);
	});
});
