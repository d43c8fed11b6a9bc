import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {isRestoredFile} from '../../source/backup/classify.js';
import {readJournal} from '../../source/journal/journal.js';
import {labStatusSchema} from '../../source/lab/status.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {runCli, tempDir} from '../helpers/run-cli.js';
import {KEYS, PtySession} from './pty-session.js';
import {restoreUpTo} from './restore-keys.js';

async function makeLab(...flags: string[]) {
	const dir = join(await tempDir(), 'lab');
	const created = await runCli(['lab', 'create', dir, '--pace', '0', ...flags]);
	expect(created.exitCode).toBe(0);
	return dir;
}

/** After a restore: every file the run copied has the backup's hash, the snapshot holds the originals, all green. */
async function expectRestored(dir: string, originals: Record<string, string>) {
	const backup = await hashFolder(join(dir, 'backup'), isRestoredFile);
	const syncagnt = join(dir, 'SystemRoot', 'SYSTEM32', 'SYNCAGNT');
	const live = await hashFolder(syncagnt, isRestoredFile);
	expect(Object.keys(live).sort()).toEqual(Object.keys(backup).sort());
	// Synchronizing writes the servers' records into MSSYNC.MDB, as DSMN does: every other file is still the backup's.
	for (const name of Object.keys(backup).filter(n => n !== 'MSSYNC.MDB')) expect(live[name], name).toBe(backup[name]);
	const {readdir} = await import('node:fs/promises');
	const journalName = (await readdir(join(dir, 'journal'))).find(n => n.endsWith('.jsonl'))!;
	const journal = await readJournal(join(dir, 'journal', journalName));
	const copied = Object.fromEntries(journal.flatMap(e => (e.type === 'copied' ? [[e.name.toUpperCase(), e.sha256]] : [])));
	expect(copied).toEqual(backup);
	const start = journal[0]!;
	expect(start.type === 'run-started' && (await hashFolder(start.snapshot!))).toEqual(originals);
	const status = labStatusSchema.parse(JSON.parse((await runCli(['lab', 'status', dir, '--json'])).stdout));
	expect(status.service.state).toBe('RUNNING');
	expect(status.servers.every(s => s.synchronized)).toBe(true);
}

describe('the restore flow, end to end in a pseudo-terminal', () => {
	it('walks from the first screen to every server green, by keystrokes', async () => {
		const dir = await makeLab();
		const originals = await hashFolder(join(dir, 'SystemRoot', 'SYSTEM32', 'SYNCAGNT'), n => n !== 'MSSYNC.LOG');
		const session = new PtySession(['--lab', dir]);
		await session.waitFor('3 of 5 servers show a red X.');
		await restoreUpTo(session, 'move-aside');
		await session.waitFor(/Moves 11 files out of/);
		await session.type('y');
		await session.waitFor('Type RESTORE and press Enter');
		await session.type(...'RESTORE', KEYS.enter);
		await session.waitFor(/Runs "net start MSSYNC"/);
		await session.type('y');
		await session.waitFor(/Runs "(Fully s|S)ynchronize all servers"/);
		await session.type('y');
		await session.waitFor('Done: every server shows a blue check');
		await session.type(KEYS.enter);
		expect(await session.exited).toMatchObject({exitCode: 0});
		expect(session.history()).toMatch(/✓ Copy the backup into SYNCAGNT: 7 files \(6\.0 MiB\) copied: each flushed to disk/);
		await expectRestored(dir, originals);
	});

	it('runs the same restore scripted, without a terminal, one line per step', async () => {
		const dir = await makeLab();
		const originals = await hashFolder(join(dir, 'SystemRoot', 'SYSTEM32', 'SYNCAGNT'), n => n !== 'MSSYNC.LOG');
		const result = await runCli(['--lab', dir, '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', join(dir, 'backup'), '--yes']);
		expect(result.exitCode).toBe(0);
		for (const line of ['[1/5] Stop MSSYNC…', '✓ Move the current database aside: 11 files moved', '✓ Synchronize all servers: 5 servers synchronized'])
			expect(result.stdout).toContain(line);
		await expectRestored(dir, originals);
	});

	it('prints JSON lines with --json', async () => {
		const dir = await makeLab();
		const result = await runCli([
			'--lab',
			dir,
			'--flow',
			'restore',
			'--pdc',
			'same',
			'--synchronize',
			'normal',
			'--backup',
			join(dir, 'backup'),
			'--yes',
			'--json',
		]);
		expect(result.exitCode).toBe(0);
		const events = result.stdout
			.trim()
			.split('\n')
			.map(line => JSON.parse(line) as {event: string});
		expect(events.filter(e => e.event === 'step-finished')).toHaveLength(5);
		expect(events.at(-1)).toMatchObject({event: 'completed'});
	});

	it('refuses an invalid backup scripted (exit 1), changing nothing', async () => {
		const dir = await makeLab();
		const result = await runCli([
			'--lab',
			dir,
			'--flow',
			'restore',
			'--pdc',
			'same',
			'--synchronize',
			'normal',
			'--backup',
			join(dir, 'nothing-here'),
			'--yes',
		]);
		expect(result.exitCode).toBe(1);
		expect(result.stdout).toContain('does not exist');
		expect((await runCli(['lab', 'status', dir, '--json'])).stdout).toContain('"state":"RUNNING"');
	});

	it('asks before leaving on Ctrl+C, and exits 130', async () => {
		const dir = await makeLab();
		const session = new PtySession(['--lab', dir], {cols: 60, rows: 20});
		await session.waitFor('Managed NetWare servers');
		await session.type(KEYS.ctrlC);
		await session.waitFor('Leave dsmn-resync?');
		await session.type('y');
		expect(await session.exited).toMatchObject({exitCode: 130});
	});
});
