/**
 * Files known by their bytes, MSSYNC watched while files change, a failed query said as such, and roll
 * back counts read from the disk (issue 27, findings 1, 2, 3, 6 and 7; issue 29, item 4): each test
 * stages on a lab what was reproduced, and failed before the change.
 */
import {appendFile, readdir, readFile, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {isStaleInLiveFolder} from '../../source/backup/classify.js';
import {findUnfinishedRun, readJournal} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {RestoreRun} from '../../source/procedure/restore-run.js';
import type {ServiceControl, ServiceQuery, Target} from '../../source/targets/capabilities.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {tempDir} from '../helpers/run-cli.js';

const fast = {serviceTimeoutMs: 3000, pollIntervalMs: 20};

async function newLab() {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0});
	const paths = labPaths(dir);
	return {dir, paths, target: labTarget(dir), system32: join(paths.systemRoot, 'SYSTEM32')};
}

/** The lab's service, with an answer to `query` the test can force (someone started it; the query fails). */
function overlaid(inner: ServiceControl): ServiceControl & {force: (answer: ServiceQuery | undefined) => void} {
	let forced: ServiceQuery | undefined;
	return {
		serviceName: inner.serviceName,
		describe: verb => inner.describe(verb),
		query: options => (forced ? Promise.resolve(forced) : inner.query(options)),
		stop: options => inner.stop(options),
		start: options => inner.start(options),
		force: answer => {
			forced = answer;
		},
	};
}

async function resumed(target: Target) {
	return RestoreRun.resume(target, (await findUnfinishedRun(target.journalDir))!, fast);
}

describe('MSSYNC watched while files change (finding 2)', () => {
	it('stops the copy at the next rename into place once someone started MSSYNC, and says so', async () => {
		const {paths, target} = await newLab();
		const service = overlaid(target.service);
		const run = await RestoreRun.begin({...target, service}, paths.backup, {timings: fast});
		for (const step of ['stop-service', 'move-aside'] as const) expect(await run.execute(step)).toMatchObject({status: 'done'});
		// Started by someone while the third file is being copied: two are in place.
		const seen = new Set<string>();
		const outcome = await run.execute('copy-backup', {
			onCopyProgress: e => {
				if (seen.add(e.file).size === 3) service.force({ok: true, state: 'RUNNING'});
			},
		});
		expect(outcome).toMatchObject({
			status: 'failed',
			message: expect.stringMatching(/^MSSYNC is RUNNING \(sc query MSSYNC\): someone or something started it/),
		});
		expect(outcome.status === 'failed' && outcome.message).toContain('2 of 7 files are in place');
		const restored = new Set(await readdir(paths.backup));
		const inPlace = (await readdir(paths.syncagnt)).filter(n => restored.has(n));
		expect(inPlace, (await readdir(paths.syncagnt)).join(' ')).toHaveLength(2);
		expect(await readdir(paths.syncagnt)).not.toContain(expect.stringMatching(/dsmn-copy$/));
		const journal = await readJournal(run.journalPath);
		expect(journal.filter(e => e.type === 'copied')).toHaveLength(2);
		expect(journal.at(-1)).toMatchObject({type: 'step-failed', step: 'copy-backup'});
	});
});

describe('a failed query is a failed query (finding 3)', () => {
	it("gives the command's own words and error number, never a guessed state", async () => {
		const {paths, target} = await newLab();
		const service = overlaid(target.service);
		const run = await RestoreRun.begin({...target, service}, paths.backup, {timings: fast});
		expect(await run.execute('stop-service')).toMatchObject({status: 'done'});
		service.force({
			ok: false,
			error: {
				code: 1326,
				meaning: 'NTPDC refused the user name or password',
				advice: 'check the username, password and domain lines in /root/auth',
				output: 'session setup failed: NT_STATUS_LOGON_FAILURE',
			},
		});
		const before = await hashFolder(paths.syncagnt);
		const outcome = await run.execute('move-aside');
		expect(outcome).toMatchObject({
			status: 'failed',
			message:
				'sc query MSSYNC failed: NTPDC refused the user name or password (it said: "session setup failed: NT_STATUS_LOGON_FAILURE") (error 1326); MSSYNC\'s state is not known, so nothing more was changed',
			advice: expect.stringMatching(/^check the username, password and domain lines in \/root\/auth/),
		});
		expect(outcome.status === 'failed' && `${outcome.message} ${outcome.advice}`).not.toMatch(/unknown state|started it/);
		expect(await hashFolder(paths.syncagnt)).toEqual(before);
	});
});

describe('originals known by their bytes (finding 1)', () => {
	it('journals the size and SHA-256 of every original as it is moved aside', async () => {
		const {paths, target} = await newLab();
		const originals = await hashFolder(paths.syncagnt, isStaleInLiveFolder);
		const run = await RestoreRun.begin(target, paths.backup, {timings: fast});
		for (const step of ['stop-service', 'move-aside'] as const) expect(await run.execute(step)).toMatchObject({status: 'done'});
		const moves = (await readJournal(run.journalPath)).filter(e => e.type === 'move');
		expect(Object.fromEntries(moves.map(m => [m.from.split('/').pop(), m.type === 'move' && m.sha256]))).toEqual(originals);
	});

	it('a roll back stops before touching a file that is neither the copy nor the original, and names it', async () => {
		const {paths, target, system32} = await newLab();
		const run = await RestoreRun.begin(target, paths.backup, {timings: fast});
		for (const step of ['stop-service', 'move-aside', 'copy-backup'] as const) expect(await run.execute(step)).toMatchObject({status: 'done'});
		await appendFile(join(paths.syncagnt, 'JET00002.LOG'), 'x');
		const before = await hashFolder(system32);
		const outcome = await (await resumed(target)).rollback();
		expect(outcome).toMatchObject({
			status: 'failed',
			message: expect.stringMatching(
				/neither what this run copied nor the original it moved aside: JET00002\.LOG in .*SYNCAGNT \(\d+ bytes, modified .* UTC, SHA-256 [0-9a-f]{16}…\)\. Nothing was moved/,
			),
			advice: expect.stringContaining('move it out of that folder to keep it, then roll back again'),
		});
		expect(await hashFolder(system32)).toEqual(before);
		// Moved out by the admin, the roll back goes on: the originals are back, checked.
		await writeFile(join(await tempDir(), 'kept.log'), await readFile(join(paths.syncagnt, 'JET00002.LOG')));
		await (await import('node:fs/promises')).rm(join(paths.syncagnt, 'JET00002.LOG'));
		const again = await (await resumed(target)).rollback();
		expect(again).toMatchObject({status: 'done', summary: expect.stringContaining('each checked by SHA-256 against what was moved aside')});
	});

	it('a roll back stops when an original in the snapshot is no longer what was moved aside', async () => {
		const {paths, target, system32} = await newLab();
		const run = await RestoreRun.begin(target, paths.backup, {timings: fast});
		for (const step of ['stop-service', 'move-aside'] as const) expect(await run.execute(step)).toMatchObject({status: 'done'});
		await appendFile(join(run.snapshot, 'MSSYNC.MDB'), 'x');
		const before = await hashFolder(system32);
		expect(await (await resumed(target)).rollback()).toMatchObject({status: 'failed', message: expect.stringContaining(`MSSYNC.MDB in ${run.snapshot}`)});
		expect(await hashFolder(system32)).toEqual(before);
	});
});

describe('roll back counts from the disk and the journal together (findings 6 and 7)', () => {
	it('after a kill between a put-back rename and its journal line, counts every original back, and removes the emptied snapshot', async () => {
		const {paths, target, system32} = await newLab();
		const originals = await hashFolder(paths.syncagnt, isStaleInLiveFolder);
		const run = await RestoreRun.begin(target, paths.backup, {timings: fast});
		for (const step of ['stop-service', 'move-aside', 'copy-backup'] as const) expect(await run.execute(step)).toMatchObject({status: 'done'});
		expect(await run.rollback()).toMatchObject({status: 'done'});
		// The state a kill leaves: the last original renamed back, its 'moved' line (and all after it) never written.
		const lines = (await readFile(run.journalPath, 'utf8')).split('\n').filter(Boolean);
		const lastMoved = lines.map(l => (JSON.parse(l) as {type: string}).type).lastIndexOf('moved');
		await writeFile(run.journalPath, `${lines.slice(0, lastMoved).join('\n')}\n`);
		const outcome = await (await resumed(target)).rollback();
		const n = Object.keys(originals).length;
		expect(outcome).toMatchObject({status: 'done', summary: expect.stringMatching(new RegExp(`^${n} original files back in SYNCAGNT`))});
		expect(await hashFolder(paths.syncagnt, isStaleInLiveFolder)).toEqual(originals);
		expect((await readdir(system32)).filter(name => name.includes('.before-restore-'))).toEqual([]);
	});
});

describe('a resumed run reads again the files already in SYNCAGNT (issue 29, item 4)', () => {
	it('after a failed start, a byte appended to JET00002.LOG is found before MSSYNC starts; untouched files are said checked', async () => {
		const {paths, target} = await newLab();
		const refusing: ServiceControl = {
			...target.service,
			describe: verb => target.service.describe(verb),
			query: o => target.service.query(o),
			stop: o => target.service.stop(o),
			start: () => Promise.resolve({ok: false, error: {code: 3534, meaning: 'the service started and then stopped at once', advice: 'look in Event Viewer'}}),
		};
		const run = await RestoreRun.begin({...target, service: refusing}, paths.backup, {timings: fast});
		for (const step of ['stop-service', 'move-aside', 'copy-backup'] as const) expect(await run.execute(step)).toMatchObject({status: 'done'});
		expect(await run.execute('start-service')).toMatchObject({status: 'failed'});
		await appendFile(join(paths.syncagnt, 'JET00002.LOG'), 'x');
		const again = await resumed(target);
		const outcome = await again.execute('start-service');
		expect(outcome).toMatchObject({
			status: 'failed',
			message: expect.stringMatching(/^JET00002\.LOG in SYNCAGNT is not what this run copied: \d+ bytes \(copied: \d+\).*nothing was started$/),
		});
		expect((await target.service.query()).ok && (await target.service.query())).toMatchObject({state: 'STOPPED'});
		// What the advice says a roll back does with the changed file is what it does, and its summary says the file had changed.
		expect(outcome.status === 'failed' && outcome.advice).toMatch(
			/roll back: the roll back moves JET00002\.LOG as it is now \(kept, said to be changed\) into the rolled-back folder/,
		);
		const back = await again.rollback();
		expect(back).toMatchObject({status: 'done'});
		const summary = back.status === 'done' ? back.summary : '';
		expect(summary).toMatch(
			/the 7 restored files moved to \S+rolled-back\S* \(of them, JET00002\.LOG was not the bytes this run copied: changed after the copy, before Start MSSYNC was done; moved as found\)/,
		);
		// Start MSSYNC was never done: the journal does not support "by DSMN" (issue 29).
		expect(summary).not.toMatch(/by DSMN/);
		const aside = (await readdir(dirname(paths.syncagnt))).find(name => name.includes('rolled-back'))!;
		expect((await readFile(join(dirname(paths.syncagnt), aside, 'JET00002.LOG'))).at(-1)).toBe('x'.charCodeAt(0));
		const good = await newLab();
		const clean = await RestoreRun.begin({...good.target, service: {...refusing}}, good.paths.backup, {timings: fast});
		for (const step of ['stop-service', 'move-aside', 'copy-backup'] as const) expect(await clean.execute(step)).toMatchObject({status: 'done'});
		expect(await (await resumed(good.target)).execute('start-service')).toMatchObject({
			status: 'done',
			summary: expect.stringContaining('before it, the 7 files already in SYNCAGNT read again: each still the validated bytes (SHA-256)'),
		});
	});
});
