import {readdir, readlink, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {findUnfinishedRun, Journal, journalName, parseJournal} from '../../source/journal/journal.js';
import {tempDir} from '../helpers/run-cli.js';

const start = {
	type: 'run-started' as const,
	runId: 'r',
	flow: 'restore' as const,
	target: {kind: 'lab' as const, description: 'lab', location: '/lab'},
	syncagnt: '/lab/SYNCAGNT',
	serviceBefore: 'RUNNING',
};

describe('the run journal', () => {
	it('reads a journal whose last line was cut by a crash up to that line', () => {
		const text = `${JSON.stringify({...start, at: 'x'})}\n${JSON.stringify({type: 'step-started', at: 'y', step: 'stop-service'})}\n{"type":"step-fini`;
		expect(parseJournal(text, 'j').map(e => e.type)).toEqual(['run-started', 'step-started']);
	});

	it('refuses a journal with a damaged line in the middle, naming the line and the field', () => {
		const text = `${JSON.stringify({...start, at: 'x'})}\n${JSON.stringify({type: 'step-started', at: 'y'})}\n${JSON.stringify({type: 'run-ended', at: 'z', outcome: 'completed'})}\n`;
		expect(() => parseJournal(text, 'j.jsonl')).toThrow(/j\.jsonl line 2: field step/);
		expect(() => parseJournal('not json\n', 'j.jsonl')).toThrow(/line 1 is not JSON/);
	});

	it('finds the newest unfinished run, and none once it has ended', async () => {
		const dir = await tempDir();
		const journal = await Journal.create(dir, journalName('NT PDC', new Date('2026-01-02T03:04:05Z')));
		expect(journal.path).toMatch(/NT_PDC-20260102-030405\.jsonl$/);
		await journal.append(start);
		expect((await findUnfinishedRun(dir))?.path).toBe(journal.path);
		await journal.append({type: 'run-ended', outcome: 'completed'});
		expect(await findUnfinishedRun(dir)).toBeUndefined();
		await writeFile(join(dir, 'notes.txt'), 'ignored');
		expect(await findUnfinishedRun(dir)).toBeUndefined();
	});

	it('never writes a field its schema does not know', async () => {
		const journal = await Journal.create(await tempDir(), 'x.jsonl');
		await expect(journal.append({type: 'copied', name: 'A', size: -1, sha256: 'x'} as never)).resolves.toBeUndefined();
		await expect(journal.append({type: 'nonsense'} as never)).rejects.toThrow();
	});

	it.skipIf(process.platform !== 'linux')('holds no file open between entries, so a run dropped without an end leaves no handle behind', async () => {
		const openFiles = async () => Promise.all((await readdir('/proc/self/fd')).map(async fd => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
		const journal = await Journal.create(await tempDir(), 'held.jsonl');
		await journal.append(start);
		const resumed = await Journal.reopen(journal.path);
		await resumed.append({type: 'step-started', step: 'stop-service'});
		expect(await openFiles()).not.toContain(journal.path);
		await resumed.close();
		await expect(resumed.append({type: 'run-ended', outcome: 'completed'})).rejects.toThrow(/closed: its run has ended/);
	});
});
