/**
 * Kills a real run with SIGKILL at points spread over it (deterministic from a seed), starts it again
 * with --resume or --rollback, and checks what must hold whatever the moment of the kill.
 */
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdtemp, open, readdir, readFile, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {isRestoredFile, isStaleInLiveFolder} from '../../source/backup/classify.js';
import {readJournal} from '../../source/journal/journal.js';
import {readBindery} from '../../source/lab/bindery.js';
import {seededRandom} from '../../source/lab/random.js';
import {labStatus} from '../../source/lab/status.js';
import {labCreate} from '../helpers/lab-in-process.js';
import {CLI, runCli, userEnv} from '../helpers/run-cli.js';
import {PAGE, RESERVED, writtenPage} from '../jet/jet500-file-writer.js';

/** The preload that SIGKILLs the CLI just before its Nth journal entry (KILL_BEFORE_ENTRY). */
const KILL_BEFORE_ENTRY = fileURLToPath(new URL('../helpers/kill-before-entry.mjs', import.meta.url));

export type KillReport = {point: number; killedAfterMs: number; killed: boolean; at: string; recovery: 'resume' | 'rollback'; problems: string[]};

/**
 * Where to kill: after a time (anywhere, the copy of a large file included), or just before the run's Nth
 * journal entry — the window between a file operation and its journal line, hit on purpose every time.
 */
export type KillPoint = {afterMs: number} | {beforeEntry: number};

/** Where the run was when it was killed: the journal's last entry. */
async function lastEntry(lab: string): Promise<string> {
	const names = await readdir(join(lab, 'journal')).catch(() => [] as string[]);
	if (names.length === 0) return 'before the journal';
	const entries = await readJournal(join(lab, 'journal', names.sort().at(-1)!)).catch(() => []);
	const last = entries.at(-1) as {type: string; step?: string; name?: string} | undefined;
	return last ? [last.type, last.step ?? last.name ?? ''].join(' ').trim() : 'empty journal';
}

async function hashes(dir: string, filter: (name: string) => boolean): Promise<Map<string, string>> {
	const out = new Map<string, string>();
	for (const entry of await readdir(dir, {withFileTypes: true}).catch(() => [])) {
		if (!entry.isFile() || !filter(entry.name)) continue;
		out.set(
			entry.name.toUpperCase(),
			createHash('sha256')
				.update(await readFile(join(dir, entry.name)))
				.digest('hex'),
		);
	}
	return out;
}

/** Runs the CLI and SIGKILLs it at the kill point (if it has not finished): the harshest stop there is. */
function runAndKill(args: string[], kill: KillPoint | number): Promise<{killed: boolean}> {
	const point: KillPoint = typeof kill === 'number' ? {afterMs: kill} : kill;
	return new Promise(resolve => {
		// The kill before an entry is injected from outside, by a preload: the product holds no test hook.
		const inject = 'beforeEntry' in point ? ['--import', KILL_BEFORE_ENTRY] : [];
		const env = 'beforeEntry' in point ? userEnv({KILL_BEFORE_ENTRY: String(point.beforeEntry)}) : userEnv();
		const child = spawn(process.execPath, [...inject, CLI, ...args], {env, stdio: 'ignore'});
		const timer = 'afterMs' in point ? setTimeout(() => child.kill('SIGKILL'), point.afterMs) : undefined;
		child.on('exit', (_code, signal) => {
			clearTimeout(timer);
			resolve({killed: signal === 'SIGKILL'});
		});
	});
}

/** A database of `size` bytes whose copy takes long enough to be killed in the middle of. */
async function growBackupDatabase(path: string, size: number): Promise<void> {
	const handle = await open(path, 'r+');
	try {
		// Written pages, as Jet 500 writes them (each sealed, carrying its own number): the validator verifies every page.
		const chunk = new Uint8Array(1024 * 1024);
		for (let at = (await handle.stat()).size; at < size; at += chunk.length) {
			const length = Math.min(chunk.length, size - at);
			for (let offset = 0; offset < length; offset += PAGE) chunk.set(writtenPage((at + offset) / PAGE - RESERVED + 1, 0x5a), offset);
			await handle.write(chunk, 0, length, at);
		}
	} finally {
		await handle.close();
	}
}

/** The entries of the one journal in a lab. */
async function journalLength(lab: string): Promise<number> {
	const names = await readdir(join(lab, 'journal')).catch(() => [] as string[]);
	return names.length === 1 ? (await readJournal(join(lab, 'journal', names[0]!))).length : 0;
}

/** How long a whole scripted restore takes here, and how many journal entries it writes, to spread the kill points over it. */
export async function timeRestore(databaseMiB: number): Promise<{ms: number; entries: number}> {
	const root = await mkdtemp(join(tmpdir(), 'dsmn-crash-'));
	try {
		const lab = join(root, 'lab');
		await labCreate(lab, '--pace', '0');
		await growBackupDatabase(join(lab, 'backup', 'MSSYNC.MDB'), databaseMiB * 1024 * 1024);
		const started = performance.now();
		await runAndKill(['--lab', lab, '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', join(lab, 'backup'), '--yes'], 600_000);
		return {ms: performance.now() - started, entries: await journalLength(lab)};
	} finally {
		await rm(root, {recursive: true, force: true});
	}
}

/** How long a whole scripted reconstruct takes here, and how many journal entries it writes. */
export async function timeReconstruct(): Promise<{ms: number; entries: number}> {
	const root = await mkdtemp(join(tmpdir(), 'dsmn-crash-'));
	try {
		const lab = join(root, 'lab');
		await labCreate(lab, '--pace', '1', '--no-backup', '--accounts', '800');
		const started = performance.now();
		await runAndKill(
			['--lab', lab, '--flow', 'reconstruct', '--password-policy', 'random', '--passwords-file', join(root, 'p.txt'), '--supervisor', 'yes', '--yes'],
			600_000,
		);
		return {ms: performance.now() - started, entries: await journalLength(lab)};
	} finally {
		await rm(root, {recursive: true, force: true});
	}
}

export async function restoreCrashTrial(
	point: number,
	seed: number,
	options: {databaseMiB: number; spanMs: number; kill?: KillPoint; recovery?: 'resume' | 'rollback'},
): Promise<KillReport> {
	const random = seededRandom(seed * 1000 + point);
	const root = await mkdtemp(join(tmpdir(), 'dsmn-crash-'));
	const lab = join(root, 'lab');
	const problems: string[] = [];
	try {
		await labCreate(lab, '--pace', '0', '--seed', String(point + 1));
		const syncagnt = join(lab, 'SystemRoot', 'SYSTEM32', 'SYNCAGNT');
		await growBackupDatabase(join(lab, 'backup', 'MSSYNC.MDB'), options.databaseMiB * 1024 * 1024);
		const originals = await hashes(syncagnt, isStaleInLiveFolder);
		const backup = await hashes(join(lab, 'backup'), isRestoredFile);
		const killedAfterMs = Math.floor(random.next() * options.spanMs);
		const kill = options.kill ?? {afterMs: killedAfterMs};
		const {killed} = await runAndKill(
			['--lab', lab, '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', join(lab, 'backup'), '--yes'],
			kill,
		);
		const at = killed ? await lastEntry(lab) : 'finished before the kill';

		// Right after the kill: no file in SYNCAGNT under a final name is partial or foreign. (The preflight's
		// empty write probe may be there if the kill fell between making and removing it: the next start
		// removes it, which the checks after recovery hold it to.)
		const snapshotParent = join(lab, 'SystemRoot', 'SYSTEM32');
		for (const [name, hash] of await hashes(syncagnt, n => !n.endsWith('.dsmn-copy') && !n.toLowerCase().startsWith('.dsmn-resync-write-test-'))) {
			if (name === 'MSSYNC.LOG') continue;
			if (hash !== originals.get(name) && hash !== backup.get(name) && name !== 'MSSYNC.MDB')
				problems.push(`after the kill, ${name} is neither the original nor the backup`);
		}
		// Every original is somewhere, byte for byte: in SYNCAGNT or in the snapshot.
		const snapshots = (await readdir(snapshotParent)).filter(n => n.startsWith('SYNCAGNT.before-restore-'));
		const kept = new Map<string, string>();
		for (const dir of [syncagnt, ...snapshots.map(s => join(snapshotParent, s))])
			for (const [n, h] of await hashes(dir, () => true)) if (originals.get(n) === h) kept.set(n, h);
		for (const name of originals.keys()) if (!kept.has(name)) problems.push(`after the kill, the original ${name} is nowhere`);

		const drawn: 'resume' | 'rollback' = random.next() < 0.5 ? 'resume' : 'rollback';
		const recovery = options.recovery ?? drawn;
		const journals = await readdir(join(lab, 'journal')).catch(() => [] as string[]);
		if (journals.length > 0) {
			for (const name of journals)
				await readJournal(join(lab, 'journal', name)).catch(e => problems.push(`the journal does not read back: ${(e as Error).message}`));
			const again = await runCli(['--lab', lab, `--${recovery}`]);
			// 2: there was no cut-off run — it had ended before the kill, or had not begun (an empty journal).
			if (again.exitCode !== 0 && again.exitCode !== 2) problems.push(`--${recovery} exited ${again.exitCode}: ${again.stdout.slice(-400)} ${again.stderr}`);
			const ended = (await Promise.all(journals.map(n => readJournal(join(lab, 'journal', n)).catch(() => [])))).some(entries =>
				entries.some(e => e.type === 'run-ended'),
			);
			const began = at !== 'empty journal' && at !== 'before the journal';
			const completed = again.exitCode === 2 ? ended : recovery === 'resume';
			if (again.exitCode === 2 && !ended && began) problems.push(`--${recovery} found no cut-off run, though one had begun (${at})`);
			const now = await hashes(syncagnt, n => n.toUpperCase() !== 'MSSYNC.LOG');
			if (completed) {
				for (const [name, hash] of backup) if (name !== 'MSSYNC.MDB' && now.get(name) !== hash) problems.push(`after ${recovery}, ${name} is not the backup's`);
				for (const name of now.keys()) if (!backup.has(name)) problems.push(`after ${recovery}, ${name} is in SYNCAGNT but not in the backup`);
			} else {
				for (const [name, hash] of originals) if (now.get(name) !== hash) problems.push(`after rollback, ${name} is not the original`);
				for (const name of now.keys()) if (!originals.has(name)) problems.push(`after rollback, ${name} is in SYNCAGNT but was not there before`);
			}
		} else {
			// Killed before the run began: starting again finds nothing to resume, and cleans up after the preflight.
			const again = await runCli(['--lab', lab, `--${recovery}`]);
			if (again.exitCode !== 2) problems.push(`--${recovery} with no run begun exited ${again.exitCode}`);
		}
		const probes = (await readdir(syncagnt)).filter(n => n.startsWith('.dsmn-resync-write-test-'));
		if (probes.length) problems.push(`after recovery, the preflight's probe ${probes[0]} is still in SYNCAGNT`);
		const status = await labStatus(lab);
		if (status.service.state !== 'RUNNING') problems.push(`the service ended ${status.service.state}`);
		return {point, killedAfterMs: 'afterMs' in kill ? kill.afterMs : -kill.beforeEntry, killed, at, recovery, problems};
	} finally {
		await rm(root, {recursive: true, force: true});
	}
}

export async function reconstructCrashTrial(point: number, seed: number, options: {spanMs: number; kill?: KillPoint}): Promise<KillReport> {
	const random = seededRandom(seed * 7919 + point);
	const root = await mkdtemp(join(tmpdir(), 'dsmn-crash-'));
	const lab = join(root, 'lab');
	const problems: string[] = [];
	try {
		await labCreate(lab, '--pace', '1', '--no-backup', '--accounts', '800', '--seed', String(point + 1));
		const passwords = join(root, 'passwords.txt');
		const killedAfterMs = Math.floor(random.next() * options.spanMs);
		const kill = options.kill ?? {afterMs: killedAfterMs};
		const {killed} = await runAndKill(
			['--lab', lab, '--flow', 'reconstruct', '--password-policy', 'random', '--passwords-file', passwords, '--supervisor', 'yes', '--yes'],
			kill,
		);
		const at = killed ? await lastEntry(lab) : 'finished before the kill';
		// Every bindery still reads as one (never a mix of two writes).
		const servers = (await readdir(join(lab, 'netware'))).sort();
		for (const server of servers)
			await readBindery(join(lab, 'netware', server, 'SYS', 'SYSTEM')).catch(e =>
				problems.push(`${server}'s bindery does not read after the kill: ${(e as Error).message}`),
			);
		if (at === 'before the journal' || at === 'empty journal') {
			// Killed before the run began: nothing may have changed; the admin simply starts again.
			for (const server of servers) {
				const names = (await readBindery(join(lab, 'netware', server, 'SYS', 'SYSTEM'))).map(o => o.name);
				if (!names.includes('WINNT_SYNC_AGENT')) problems.push(`killed before the run began, yet ${server} lost WINNT_SYNC_AGENT`);
			}
			const fresh = await runCli([
				'--lab',
				lab,
				'--flow',
				'reconstruct',
				'--password-policy',
				'random',
				'--passwords-file',
				passwords,
				'--supervisor',
				'yes',
				'--yes',
			]);
			if (fresh.exitCode !== 0) problems.push(`starting again exited ${fresh.exitCode}: ${fresh.stdout.slice(-300)} ${fresh.stderr}`);
		} else if (killed) {
			const again = await runCli(['--lab', lab, '--resume']);
			if (again.exitCode !== 0) problems.push(`--resume exited ${again.exitCode}: ${again.stdout.slice(-400)} ${again.stderr}`);
		}
		{
			const status = await labStatus(lab);
			if (!status.servers.every(s => s.synchronized && s.syncAgent))
				problems.push(`after --resume, not every server is green: ${JSON.stringify(status.servers.map(s => [s.name, s.synchronized, s.syncAgent]))}`);
			const info = await stat(passwords).catch(() => undefined);
			if (!info) problems.push('after --resume, there is no passwords file');
			else if ((info.mode & 0o777) !== 0o600) problems.push(`the passwords file has mode ${(info.mode & 0o777).toString(8)}`);
		}
		return {point, killedAfterMs: 'afterMs' in kill ? kill.afterMs : -kill.beforeEntry, killed, at, recovery: 'resume', problems};
	} finally {
		await rm(root, {recursive: true, force: true});
	}
}
