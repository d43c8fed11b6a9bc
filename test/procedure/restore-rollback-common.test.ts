/**
 * What the two restore-shaped roll backs share (source/procedure/restore-rollback-common.ts): the copies
 * moved into one rolled-back folder, each rename journaled before and after; and the roll back as one
 * journaled step that ends the run when done, and says how to go on when it fails.
 */
import {mkdir, readdir, writeFile} from 'node:fs/promises';
import {basename, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {HintedError} from '../../source/errors/hinted-error.js';
import type {NewEntry} from '../../source/journal/journal.js';
import {journaledRollback, moveCopiesAside} from '../../source/procedure/restore-rollback-common.js';
import type {Target} from '../../source/targets/capabilities.js';
import {LocalFiles} from '../../source/targets/local-files.js';
import {tempDir} from '../helpers/run-cli.js';

async function setUp() {
	const parent = await tempDir();
	const syncagnt = join(parent, 'SYNCAGNT');
	await mkdir(syncagnt);
	for (const name of ['MSSYNC.MDB', 'JET00001.LOG', 'MSSYNC.LOG']) await writeFile(join(syncagnt, name), name);
	const journal: NewEntry[] = [];
	const target = {database: {syncagnt, snapshotParent: parent, files: new LocalFiles()}} as unknown as Target;
	const run = {target, record: (entry: NewEntry) => Promise.resolve(void journal.push(entry))};
	return {parent, syncagnt, journal, run};
}

describe('moveCopiesAside', () => {
	it('moves only the names given into a fresh rolled-back folder beside SYNCAGNT, each rename journaled before and after', async () => {
		const {parent, syncagnt, journal, run} = await setUp();
		const aside = await moveCopiesAside(run, syncagnt, ['MSSYNC.MDB', 'JET00001.LOG'], undefined, name => `${name} left`);
		expect(basename(aside!)).toMatch(/^SYNCAGNT\.rolled-back-/);
		expect(join(parent, basename(aside!))).toBe(aside);
		expect((await readdir(aside!)).sort()).toEqual(['JET00001.LOG', 'MSSYNC.MDB']);
		expect(await readdir(syncagnt)).toEqual(['MSSYNC.LOG']);
		expect(journal.map(e => e.type)).toEqual(['step-plan', 'move', 'moved', 'move', 'moved']);
		expect(journal[0]).toMatchObject({step: 'rollback', files: ['MSSYNC.MDB', 'JET00001.LOG'], folder: aside});
	});

	it('nothing to move: the earlier folder, nothing journaled; a name the folder holds already stops it, saying where the copy stays', async () => {
		const {syncagnt, journal, run} = await setUp();
		expect(await moveCopiesAside(run, syncagnt, [], '/earlier', () => '')).toBe('/earlier');
		expect(journal).toEqual([]);
		const earlier = join(await tempDir(), 'SYNCAGNT.rolled-back-1');
		await mkdir(earlier);
		await writeFile(join(earlier, 'MSSYNC.MDB'), 'kept before');
		await expect(moveCopiesAside(run, syncagnt, ['MSSYNC.MDB'], earlier, name => `the copy of ${name} was left in SYNCAGNT`)).rejects.toThrow(
			`${earlier} already holds a MSSYNC.MDB: the copy of MSSYNC.MDB was left in SYNCAGNT`,
		);
		expect((await readdir(syncagnt)).sort()).toEqual(['JET00001.LOG', 'MSSYNC.LOG', 'MSSYNC.MDB']);
	});
});

describe('journaledRollback', () => {
	function journaled() {
		const journal: NewEntry[] = [];
		const ended: string[] = [];
		return {journal, ended, run: {record: (e: NewEntry) => Promise.resolve(void journal.push(e)), end: (o: string) => Promise.resolve(void ended.push(o))}};
	}

	it('done: started, finished with its summary, the run ended as rolled back', async () => {
		const {journal, ended, run} = journaled();
		expect(await journaledRollback(run, {}, () => Promise.resolve({summary: 'all back'}))).toEqual({status: 'done', summary: 'all back'});
		expect(journal).toEqual([
			{type: 'step-started', step: 'rollback'},
			{type: 'step-finished', step: 'rollback', summary: 'all back'},
		]);
		expect(ended).toEqual(['rolled-back']);
	});

	it('a refusal is journaled as failed and returned as it is; an error is said with how to go on; the run is not ended', async () => {
		const refusal = {status: 'failed' as const, message: 'a stranger', advice: 'move it'};
		const first = journaled();
		expect(await journaledRollback(first.run, {}, () => Promise.resolve(refusal))).toEqual(refusal);
		expect(first.journal.at(-1)).toEqual({type: 'step-failed', step: 'rollback', message: 'a stranger'});
		const second = journaled();
		const outcome = await journaledRollback(second.run, {}, () => Promise.reject(new HintedError('the share went away', 'reconnect')));
		expect(outcome).toEqual({
			status: 'failed',
			message: 'the share went away',
			advice: 'reconnect; then roll back again: it continues from where this one stopped (nothing it did is undone twice)',
		});
		expect(second.journal.at(-1)).toEqual({type: 'step-failed', step: 'rollback', message: 'the share went away'});
		expect([...first.ended, ...second.ended]).toEqual([]);
	});

	it("the entry that ends it carries the last command the roll back sent (the resume screen shows it); the caller's listener hears each", async () => {
		const heard: string[] = [];
		const hooks = {onCommand: (e: {phase: string; command: string}) => void (e.phase === 'start' && heard.push(e.command))};
		const send = (h: {onCommand?: (e: {phase: 'start'; command: string}) => void}, ...commands: string[]) => {
			for (const command of commands) h.onCommand?.({phase: 'start', command});
		};
		const failed = journaled();
		await journaledRollback(
			failed.run,
			hooks,
			h => (send(h, 'sc query MSSYNC', 'net start MSSYNC'), Promise.resolve({status: 'failed', message: 'refused', advice: 'clear it'})),
		);
		expect(failed.journal.at(-1)).toEqual({type: 'step-failed', step: 'rollback', message: 'refused', command: 'net start MSSYNC'});
		const thrown = journaled();
		await journaledRollback(thrown.run, hooks, h => (send(h, 'sc query MSSYNC'), Promise.reject(new Error('still stuck stopping'))));
		expect(thrown.journal.at(-1)).toEqual({type: 'step-failed', step: 'rollback', message: 'still stuck stopping', command: 'sc query MSSYNC'});
		const done = journaled();
		await journaledRollback(done.run, hooks, h => (send(h, 'sc query MSSYNC'), Promise.resolve({summary: 'all back'})));
		expect(done.journal.at(-1)).toEqual({type: 'step-finished', step: 'rollback', summary: 'all back', command: 'sc query MSSYNC'});
		expect(heard).toEqual(['sc query MSSYNC', 'net start MSSYNC', 'sc query MSSYNC', 'sc query MSSYNC']);
	});
});
