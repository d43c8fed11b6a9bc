/**
 * A run refused by the server's writer lock (issue 27): the refusal is its own line, before any step line
 * ("Refused: another dsmn-resync holds this server's writer lock…", who, since when, what to do), exit 1,
 * and its own --json event (server-locked); nothing in SYNCAGNT changes and the new run is closed. Before,
 * it showed as a failed first step ("✗ Stop MSSYNC failed: another dsmn-resync holds…").
 */
import {mkdir, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {labPaths} from '../../source/lab/state.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {schemaLines} from '../helpers/json-lines.js';
import {labCreate} from '../helpers/lab-in-process.js';
import {runCli, tempDir} from '../helpers/run-cli.js';
import {labRestoreArgs} from '../helpers/scripted-args.js';

async function lockedLab(refreshedAgoMs: number): Promise<{dir: string; since: string}> {
	const dir = join(await tempDir(), 'lab');
	await labCreate(dir, '--pace', '0');
	const lock = join(dirname(labPaths(dir).syncagnt), 'SYNCAGNT.dsmn-resync-lock');
	await mkdir(lock);
	const since = new Date(Date.now() - refreshedAgoMs - 60_000).toISOString();
	const holder = {
		machine: 'DESK-B',
		user: 'colleague',
		pid: 4242,
		since,
		refreshed: new Date(Date.now() - refreshedAgoMs).toISOString(),
		runId: 'NTPDC-20261206-101500',
		journal: 'C:\\Users\\colleague\\dsmn-resync\\NTPDC-20261206-101500.jsonl',
		what: 'a restore run',
	};
	await writeFile(join(lock, 'HOLDER.JSON'), JSON.stringify(holder));
	return {dir, since};
}

describe('a run refused by the server writer lock', () => {
	it('says "Refused" with the holder, since when and what to do before any step line, exits 1, changes nothing and closes the new run', async () => {
		const {dir, since} = await lockedLab(1000);
		const before = await hashFolder(dirname(labPaths(dir).syncagnt));
		const run = await runCli(labRestoreArgs(dir));
		expect(run.exitCode).toBe(1);
		const lines = run.stdout.split('\n');
		const refused = lines.findIndex(l => l.startsWith("✗ Refused: another dsmn-resync holds this server's writer lock: run NTPDC-20261206-101500"));
		expect(refused).toBeGreaterThan(-1);
		expect(lines[refused]).toContain(`colleague on DESK-B (process 4242), since ${since.slice(0, 19).replace('T', ' ')} UTC`);
		expect(lines[refused + 1]).toMatch(/^ {2}What to do: wait for it to finish/);
		expect(run.stdout).not.toMatch(/^\[\d\/\d\]/m);
		expect(run.stdout).not.toContain('failed');
		expect(await hashFolder(dirname(labPaths(dir).syncagnt))).toEqual(before);
		// The refused run changed nothing and is closed: the next one is not told of an unfinished run.
		const again = await runCli(['--lab', dir, '--resume']);
		expect(again.stdout + again.stderr).toContain('there is no cut-off run to resume');
	});

	it('--json: its own event, server-locked, with the holder and why it is believed gone; no step event', async () => {
		const {dir} = await lockedLab(10 * 60_000);
		const run = await runCli(labRestoreArgs(dir, '--json'));
		expect(run.exitCode).toBe(1);
		const events = schemaLines(run.stdout);
		expect(events.map(e => e['event'])).not.toContain('step-started');
		const locked = events.find(e => e['event'] === 'server-locked');
		expect(locked).toMatchObject({
			holder: {machine: 'DESK-B', runId: 'NTPDC-20261206-101500'},
			gone: expect.stringMatching(/^no refresh for 10 minutes/) as unknown,
			advice: expect.stringContaining('--break-lock') as unknown,
			lockFolder: expect.stringMatching(/SYNCAGNT\.dsmn-resync-lock$/) as unknown,
		});
		expect(events.at(-1)).toBe(locked);
	});
});
