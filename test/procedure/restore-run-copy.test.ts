/**
 * The copy step both restore-shaped runs share (source/procedure/restore-run-copy.ts), on a local folder
 * with a scripted service: copies verified and journaled, a file in place that is ours counted, one that is
 * not refused with the caller's words, MSSYNC found running at a safe point, a backup changed since it was
 * validated, and no byte written when the copies cannot fit.
 */
import {createHash} from 'node:crypto';
import {mkdir, readdir, readFile, stat, utimes, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {ValidatedFile} from '../../source/journal/entries.js';
import type {NewEntry} from '../../source/journal/journal.js';
import {backupStillAsValidated, copyValidatedFiles, type CopyPlan} from '../../source/procedure/restore-run-copy.js';
import type {ServiceState} from '../../source/services/service-state.js';
import type {ServiceControl} from '../../source/targets/capabilities.js';
import {LocalFiles} from '../../source/targets/local-files.js';
import {tempDir} from '../helpers/run-cli.js';

function service(states: ServiceState[]): ServiceControl {
	let at = 0;
	return {
		serviceName: 'MSSYNC',
		describe: verb => `net ${verb} MSSYNC`,
		query: () => Promise.resolve({ok: true, state: states[Math.min(at++, states.length - 1)]!}),
		stop: () => Promise.resolve({ok: true}),
		start: () => Promise.resolve({ok: true}),
	};
}

async function backupOf(dir: string, contents: Record<string, string>): Promise<ValidatedFile[]> {
	await mkdir(dir, {recursive: true});
	const files: ValidatedFile[] = [];
	for (const [name, text] of Object.entries(contents)) {
		await writeFile(join(dir, name), text);
		const info = await stat(join(dir, name));
		files.push({name, size: info.size, mtimeMs: info.mtimeMs, sha256: createHash('sha256').update(text).digest('hex')});
	}
	return files;
}

async function setUp(states: ServiceState[] = ['STOPPED']) {
	const root = await tempDir();
	const backup = join(root, 'backup');
	const into = join(root, 'SYNCAGNT');
	await mkdir(into);
	const validated = await backupOf(backup, {'MSSYNC.MDB': 'database bytes', 'JET00001.LOG': 'log bytes'});
	const journal: NewEntry[] = [];
	const plan: CopyPlan = {
		files: new LocalFiles(),
		service: service(states),
		backup,
		validated,
		copied: new Set(),
		record: entry => Promise.resolve(void journal.push(entry)),
		destination: name => join(into, name),
		volume: into,
		where: 'in SYNCAGNT',
		notOurs: (name, mine) => ({message: `${name} is not ours (${mine ? 'changed' : 'a stranger'})`, advice: 'move it out'}),
		verifyPages: false,
	};
	return {backup, into, validated, journal, plan};
}

describe('copyValidatedFiles', () => {
	it('copies each validated file with its bytes, journals each copy, and counts the bytes', async () => {
		const {into, journal, plan} = await setUp();
		const result = await copyValidatedFiles(plan, {});
		expect(result).toEqual({status: 'copied', bytesTotal: 'database bytes'.length + 'log bytes'.length, pagesVerified: 0});
		expect(await readFile(join(into, 'MSSYNC.MDB'), 'utf8')).toBe('database bytes');
		expect((await readdir(into)).sort()).toEqual(['JET00001.LOG', 'MSSYNC.MDB']);
		expect(journal.map(e => e.type === 'copied' && e.name)).toEqual(['MSSYNC.MDB', 'JET00001.LOG']);
	});

	it('a file already in place with the backup’s bytes is journaled as copied, not copied again; one with other bytes is refused in the caller’s words', async () => {
		const {into, journal, plan} = await setUp();
		await writeFile(join(into, 'MSSYNC.MDB'), 'database bytes');
		expect(await copyValidatedFiles(plan, {})).toMatchObject({status: 'copied'});
		expect(journal.filter(e => e.type === 'copied')).toHaveLength(2);

		const other = await setUp();
		await writeFile(join(other.into, 'JET00001.LOG'), 'someone else');
		expect(await copyValidatedFiles(other.plan, {})).toEqual({status: 'failed', message: 'JET00001.LOG is not ours (a stranger)', advice: 'move it out'});
		expect(await readdir(other.into)).toEqual(['JET00001.LOG']);
		expect(other.journal).toEqual([]);
	});

	it('MSSYNC found running before a rename into place: stops there, saying how many files are where', async () => {
		const {into, plan} = await setUp(['STOPPED', 'RUNNING']);
		const result = await copyValidatedFiles(plan, {});
		expect(result).toMatchObject({
			status: 'failed',
			message: expect.stringMatching(/^MSSYNC is RUNNING .*\(before JET00001\.LOG; 1 of 2 files are in SYNCAGNT\)$/),
		});
		expect(await readdir(into)).toEqual(['MSSYNC.MDB']);
	});

	it('stopped on request between files, saying where the copies are', async () => {
		const {plan} = await setUp();
		expect(await copyValidatedFiles(plan, {stopRequested: () => true})).toEqual({
			status: 'interrupted',
			message: 'stopped before MSSYNC.MDB; 0 of 2 files are in SYNCAGNT',
		});
	});
});

describe('backupStillAsValidated', () => {
	it('nothing when the backup is as validated; a changed or missing file named, nothing copied', async () => {
		const {backup, validated} = await setUp();
		expect(await backupStillAsValidated(backup, validated)).toBeUndefined();
		await utimes(join(backup, 'JET00001.LOG'), new Date(), new Date(Date.now() + 60_000));
		expect(await backupStillAsValidated(backup, validated)).toMatchObject({
			status: 'failed',
			message: 'JET00001.LOG in the backup changed after it was validated: nothing more was copied',
		});
		expect(await backupStillAsValidated(backup, [...validated, {name: 'GONE.LOG', size: 1, mtimeMs: 0, sha256: ''}])).toMatchObject({
			message: expect.stringMatching(/JET00001\.LOG in the backup changed/),
		});
		expect(await backupStillAsValidated(join(backup, 'nowhere'), validated)).toMatchObject({
			message: expect.stringMatching(/disappeared after it was validated/),
		});
	});
});
