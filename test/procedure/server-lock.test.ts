/**
 * The server's writer lock (source/procedure/server-lock.ts) on a local folder: taken atomically, named
 * by its holder, refused to anyone else with who and since when, taken back by the same run after a
 * crash, never broken unless asked and the holder is believed gone (and then said why).
 */
import {spawnSync} from 'node:child_process';
import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {lockFolder, ServerBusyError, ServerLock, type LockHolder} from '../../source/procedure/server-lock.js';
import {LocalFiles} from '../../source/targets/local-files.js';
import type {DatabaseFolder} from '../../source/targets/capabilities.js';
import {tempDir} from '../helpers/run-cli.js';

const timings = {refreshMs: 60_000, staleMs: 60_000};

async function folder(): Promise<DatabaseFolder> {
	const parent = join(await tempDir(), 'SYSTEM32');
	await mkdir(join(parent, 'SYNCAGNT'), {recursive: true});
	return {syncagnt: join(parent, 'SYNCAGNT'), snapshotParent: parent, files: new LocalFiles()};
}

/** A process id that is certainly not running: a child that has exited. */
function deadPid(): number {
	return spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
}

function holder(fields: Partial<LockHolder>): LockHolder {
	const now = new Date().toISOString();
	return {
		machine: 'OTHERPC',
		user: 'colleague',
		pid: 4242,
		since: now,
		refreshed: now,
		runId: 'NTPDC-other',
		journal: 'C:\\state\\x.jsonl',
		what: 'a restore run',
		...fields,
	};
}

async function plant(database: DatabaseFolder, found: LockHolder): Promise<void> {
	await mkdir(lockFolder(database));
	await writeFile(join(lockFolder(database), 'HOLDER.JSON'), JSON.stringify(found));
}

describe('the server writer lock', () => {
	it('is a folder beside SYNCAGNT naming its holder; a second run is refused with who and since when, and nothing is changed', async () => {
		const database = await folder();
		const {lock} = await ServerLock.acquire(database, {runId: 'NTPDC-first', journal: '/state/first.jsonl', what: 'a restore run'}, {timings});
		expect(lockFolder(database)).toBe(join(database.snapshotParent, 'SYNCAGNT.dsmn-resync-lock'));
		const written = JSON.parse(await readFile(join(lockFolder(database), 'HOLDER.JSON'), 'utf8')) as LockHolder;
		expect(written).toMatchObject({machine: hostname(), pid: process.pid, runId: 'NTPDC-first', journal: '/state/first.jsonl'});
		const refused = (await ServerLock.acquire(database, {runId: 'NTPDC-second', journal: '/other/second.jsonl', what: 'a restore run'}, {timings}).catch(
			(e: unknown) => e,
		)) as ServerBusyError;
		expect(refused).toBeInstanceOf(ServerBusyError);
		expect(refused.message).toContain(`run NTPDC-first of ${written.user} on ${hostname()} (process ${process.pid}), since ${written.since.slice(0, 10)}`);
		expect(refused.gone).toBeUndefined();
		expect(refused.hint).toContain('Nothing was changed');
		// Even asked to break it: a live holder is never broken.
		await expect(
			ServerLock.acquire(database, {runId: 'NTPDC-second', journal: '/x', what: 'a restore run'}, {timings, breakIfGone: true}),
		).rejects.toBeInstanceOf(ServerBusyError);
		expect(JSON.parse(await readFile(join(lockFolder(database), 'HOLDER.JSON'), 'utf8'))).toEqual(written);
		await lock.release();
		expect(await readdir(database.snapshotParent)).toEqual(['SYNCAGNT']);
	});

	it('is taken back by the same run whose process is gone (a crash, a closed session)', async () => {
		const database = await folder();
		await plant(database, holder({machine: hostname(), pid: deadPid(), runId: 'NTPDC-mine', journal: '/j'}));
		const {lock, broke} = await ServerLock.acquire(database, {runId: 'NTPDC-mine', journal: '/j', what: 'a resumed run'}, {timings});
		expect(broke).toBeUndefined();
		expect(JSON.parse(await readFile(join(lockFolder(database), 'HOLDER.JSON'), 'utf8'))).toMatchObject({pid: process.pid, runId: 'NTPDC-mine'});
		await lock.release();
	});

	it('says why a holder is believed gone, and breaks it only when asked (journaled by the run)', async () => {
		const database = await folder();
		const pid = deadPid();
		await plant(database, holder({machine: hostname(), pid, runId: 'NTPDC-dead'}));
		const refused = (await ServerLock.acquire(database, {runId: 'NTPDC-new', journal: '/j', what: 'a restore run'}, {timings}).catch(
			(e: unknown) => e,
		)) as ServerBusyError;
		expect(refused.gone).toBe(`its process ${pid} on this machine is no longer running`);
		expect(refused.hint).toContain('--break-lock');
		const {lock, broke} = await ServerLock.acquire(database, {runId: 'NTPDC-new', journal: '/j', what: 'a restore run'}, {timings, breakIfGone: true});
		expect(broke).toMatchObject({holder: {runId: 'NTPDC-dead'}, reason: refused.gone});
		expect((await readdir(database.snapshotParent)).sort()).toEqual(['SYNCAGNT', 'SYNCAGNT.dsmn-resync-lock']);
		await lock.release();
	});

	it('believes a holder on another machine gone only after no refresh for the stated time', async () => {
		const database = await folder();
		await plant(database, holder({refreshed: new Date(Date.now() - 30_000).toISOString()}));
		const fresh = (await ServerLock.acquire(database, {runId: 'NTPDC-new', journal: '/j', what: 'x'}, {timings}).catch((e: unknown) => e)) as ServerBusyError;
		expect(fresh.gone).toBeUndefined();
		expect(fresh.message).toContain('on OTHERPC (process 4242)');
		await writeFile(join(lockFolder(database), 'HOLDER.JSON'), JSON.stringify(holder({refreshed: new Date(Date.now() - 7 * 60_000).toISOString()})));
		const stale = (await ServerLock.acquire(database, {runId: 'NTPDC-new', journal: '/j', what: 'x'}, {timings}).catch((e: unknown) => e)) as ServerBusyError;
		expect(stale.gone).toMatch(/^no refresh for 7 minutes by this machine's clock/);
		expect(stale.hint).toContain('OTHERPC, journal C:\\state\\x.jsonl');
	});

	it('finds out on its next refresh that someone broke it, and a release then leaves the other holder alone', async () => {
		const database = await folder();
		const {lock} = await ServerLock.acquire(database, {runId: 'NTPDC-first', journal: '/j', what: 'x'}, {timings});
		const other = holder({runId: 'NTPDC-breaker'});
		await writeFile(join(lockFolder(database), 'HOLDER.JSON'), JSON.stringify(other));
		await lock.refresh();
		expect(lock.lostTo).toMatchObject({runId: 'NTPDC-breaker'});
		await lock.release();
		expect(JSON.parse(await readFile(join(lockFolder(database), 'HOLDER.JSON'), 'utf8'))).toEqual(other);
	});

	it('refreshes its time while held', async () => {
		const database = await folder();
		const {lock} = await ServerLock.acquire(database, {runId: 'NTPDC-first', journal: '/j', what: 'x'}, {timings, now: () => new Date(Date.now() - 600_000)});
		const before = JSON.parse(await readFile(join(lockFolder(database), 'HOLDER.JSON'), 'utf8')) as LockHolder;
		await lock.refresh();
		const after = JSON.parse(await readFile(join(lockFolder(database), 'HOLDER.JSON'), 'utf8')) as LockHolder;
		expect(Date.parse(after.refreshed) - Date.parse(before.refreshed)).toBeGreaterThan(500_000);
		expect(after.since).toBe(before.since);
		await lock.release();
	});
});
