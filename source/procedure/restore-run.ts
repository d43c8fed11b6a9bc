/**
 * One restore run (KB Q148678 steps 1–4) against a target, journaled so that it can be resumed or rolled
 * back after anything: each step writes "started" before it touches anything and "finished" after, each
 * rename is journaled before it happens, and each step is idempotent — run again, it checks the disk
 * and does only what is left.
 */
import {mkdir, readdir, rename, rm} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {validateBackup} from '../backup/validate.js';
import {isStaleInLiveFolder} from '../backup/classify.js';
import {exists} from '../fs/exists.js';
import {copyVerified, sameContent, temporaryName} from '../fs/copy-verified.js';
import {syncFolder} from '../fs/atomic-write.js';
import {freeBytes} from '../fs/free-space.js';
import {Journal, type UnfinishedRun} from '../journal/journal.js';
import type {JournalEntry, RunStarted} from '../journal/entries.js';
import type {Target} from '../targets/capabilities.js';
import type {CommandListener} from '../targets/run-command.js';
import {waitForState} from '../targets/wait-for-state.js';
import {formatBytes} from '../text/format.js';
import {adviceFor, JournaledRun, startJournal} from './journaled-run.js';
import type {RunHooks, StepDef, StepOutcome} from './procedure-run.js';
import {RESTORE_STEPS, type RestoreStepId} from './restore-steps.js';
import {synchronizeStep} from './synchronize-step.js';
import {snapshotName} from './snapshot-name.js';


/** Stop answers that mean "it is stopped, or on its way": net's 3521/2189/3528, sc's 1062/1061. Polling says which. */
const STOP_UNDER_WAY = [3521, 2189, 3528, 1062, 1061];
/** Start answers that mean "it already runs": net's 2182, sc's 1056. */
const ALREADY_RUNNING = [2182, 1056];
export type {CopyProgressEvent, RunHooks, StepOutcome} from './procedure-run.js';

export type FileToCopy = {name: string; size: number};

export type RunTimings = {serviceTimeoutMs: number; pollIntervalMs: number};
/** How long MSSYNC may take to stop or start: 90 s, or DSMN_RESYNC_SERVICE_TIMEOUT seconds for a slow server. */
function defaultTimings(env: NodeJS.ProcessEnv = process.env): RunTimings {
	const seconds = Number(env['DSMN_RESYNC_SERVICE_TIMEOUT']);
	return {serviceTimeoutMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 90_000, pollIntervalMs: 250};
}

function stamp(at: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

async function freshFolderName(base: string): Promise<string> {
	let candidate = base;
	for (let n = 2; await exists(candidate); n++) candidate = `${base}-${n}`;
	return candidate;
}

export class RestoreRun extends JournaledRun {
	readonly flow = 'restore' as const;
	readonly canRollback = true;

	private constructor(
		target: Target,
		journal: Journal,
		start: RunStarted,
		entries: JournalEntry[],
		private readonly timings: RunTimings,
	) {
		super(target, journal, start, entries);
	}

	static async begin(target: Target, backup: string, options: {now?: Date; timings?: RunTimings; onCommand?: CommandListener} = {}): Promise<RestoreRun> {
		const now = options.now ?? new Date();
		const snapshot = await freshFolderName(join(target.database.snapshotParent, snapshotName(target.database.syncagnt, stamp(now))));
		const {journal, start} = await startJournal(target, now, {flow: 'restore', backup, snapshot}, options.onCommand);
		return new RestoreRun(target, journal, start, [start], options.timings ?? defaultTimings());
	}

	static async resume(target: Target, run: UnfinishedRun, timings: RunTimings = defaultTimings()): Promise<RestoreRun> {
		return new RestoreRun(target, await Journal.reopen(run.path), run.start, run.entries, timings);
	}

	/** How many entries SYNCAGNT holds now (for the look at the target). */
	static async countFiles(syncagnt: string): Promise<number> {
		try {
			return (await readdir(syncagnt)).length;
		} catch {
			return 0;
		}
	}

	get snapshot(): string {
		return this.start.snapshot!;
	}

	get backup(): string {
		return this.start.backup!;
	}

	steps(): StepDef[] {
		return RESTORE_STEPS.map(s => (s.id === 'synchronize' && !this.target.sync ? {...s, manual: true} : s));
	}

	/** What the move-aside step would move now: the databases and every JET log, checkpoint, reserve log and patch file. */
	async previewMoveAside(): Promise<string[]> {
		return (await readdir(this.target.database.syncagnt)).filter(isStaleInLiveFolder).sort();
	}

	/** What the copy step copies: the backup's databases, JET*.LOG and *.PAT, as validated. */
	async previewCopy(): Promise<FileToCopy[]> {
		const report = await validateBackup(this.backup, {liveSyncagnt: this.target.database.syncagnt});
		if (!report.valid) throw new Error(`the backup is no longer valid: ${report.errors[0]}`);
		return report.files.filter(f => f.restored).map(f => ({name: f.name, size: f.size}));
	}

	/** What a step will change, in the words its confirmation shows. */
	async describeChanges(step: string): Promise<string[]> {
		const {target} = this;
		switch (step as RestoreStepId) {
			case 'stop-service':
				return [`Runs "${target.service.describe('stop')}" on ${target.description}, then "${target.service.describe('query')}" until it reports STOPPED.`, 'Synchronization pauses until MSSYNC starts again (step 4).'];
			case 'move-aside': {
				const names = await this.previewMoveAside();
				return [`Moves ${names.length} files out of ${target.database.syncagnt}`, `into ${this.snapshot} (a rename: nothing is deleted):`, listNames(names)];
			}
			case 'copy-backup': {
				const files = await this.previewCopy();
				const total = files.reduce((n, f) => n + f.size, 0);
				return [
					`Replaces the live database: copies ${files.length} files (${formatBytes(total)}) from ${this.backup}`,
					`into ${target.database.syncagnt}:`,
					listNames(files.map(f => f.name)),
					'Each is copied under a temporary name, flushed, verified by SHA-256, then renamed into place.',
				];
			}
			case 'start-service':
				return [`Runs "${target.service.describe('start')}", then "${target.service.describe('query')}" until it reports RUNNING.`];
			case 'synchronize':
				if (!target.sync) return synchronizeInstructions((await target.servers.list()).map(s => s.name), this.start.at);
				return ['Runs "Synchronize all servers": every domain account is propagated again to every managed NetWare server.', 'It can take a long time; a server that fails does not stop the others.'];
		}
		return [];
	}

	whereThingsAre(): string[] {
		return [`The replaced files are kept in ${this.snapshot}.`, `The journal of this run: ${this.journalPath}`];
	}

	protected perform(stepId: string, hooks: RunHooks): Promise<StepOutcome> {
		switch (stepId as RestoreStepId) {
			case 'stop-service':
				return this.stopService(hooks);
			case 'move-aside':
				return this.moveAside(hooks);
			case 'copy-backup':
				return this.copyBackup(hooks);
			case 'start-service':
				return this.startService(hooks);
			case 'synchronize':
				return this.synchronize(hooks);
		}
		return Promise.resolve({status: 'failed', message: `unknown step ${stepId}`, advice: 'start again'});
	}

	private async stopService(hooks: RunHooks): Promise<StepOutcome> {
		const {service} = this.target;
		const now = await service.query({onCommand: hooks.onCommand});
		if (now.ok && now.state === 'STOPPED') return {status: 'done', summary: 'MSSYNC was already stopped'};
		if (!now.ok) return {status: 'failed', message: `cannot query MSSYNC: ${now.error.meaning}`, advice: now.error.advice};
		if (now.state === 'RUNNING' || now.state === 'PAUSED') {
			const stop = await service.stop({onCommand: hooks.onCommand});
			// 3521 already stopped; 2189 and 3528: it is on its way (or stuck): polling says which, within the timeout.
			if (!stop.ok && !STOP_UNDER_WAY.includes(stop.error.code)) {
				return {status: 'failed', message: `${service.describe('stop')} failed: ${stop.error.meaning} (error ${stop.error.code})`, advice: stop.error.advice};
			}
		}
		const waited = await waitForState(service, 'STOPPED', {timeoutMs: this.timings.serviceTimeoutMs, intervalMs: this.timings.pollIntervalMs, onCommand: hooks.onCommand, onPoll: hooks.onPoll});
		if (waited.ok) return {status: 'done', summary: `MSSYNC stopped (confirmed by ${service.describe('query')} after ${(waited.waitedMs / 1000).toFixed(1)} s)`};
		if (waited.reason === 'timeout') {
			return {
				status: 'failed',
				message: `MSSYNC did not stop within ${Math.round(this.timings.serviceTimeoutMs / 1000)} s: it is still ${waited.state ?? 'in an unknown state'}`,
				advice: 'wait a minute and retry; if it stays STOP_PENDING, stop it from Control Panel ▸ Services, or restart the server',
			};
		}
		return {status: 'failed', message: `cannot query MSSYNC: ${waited.error.meaning}`, advice: waited.error.advice};
	}

	private async requireStopped(hooks: RunHooks): Promise<StepOutcome | undefined> {
		const now = await this.target.service.query({onCommand: hooks.onCommand});
		if (now.ok && now.state === 'STOPPED') return undefined;
		return {
			status: 'failed',
			message: `MSSYNC is ${now.ok ? now.state : 'in an unknown state'}: the database must not be touched while it runs`,
			advice: 'someone or something started it again: stop it (the "Stop MSSYNC" step) and retry',
		};
	}

	private async moveAside(hooks: RunHooks): Promise<StepOutcome> {
		const refused = await this.requireStopped(hooks);
		if (refused) return refused;
		const {syncagnt} = this.target.database;
		const names = await this.previewMoveAside();
		await mkdir(this.snapshot, {recursive: true});
		await syncFolder(dirname(this.snapshot));
		await this.record({type: 'step-plan', step: 'move-aside', files: names});
		for (const name of names) {
			const from = join(syncagnt, name);
			const to = join(this.snapshot, name);
			if (await exists(to)) {
				return {status: 'failed', message: `the snapshot already holds a ${name}: refusing to overwrite it`, advice: `look in ${this.snapshot}; move that file elsewhere, then retry`};
			}
			await this.record({type: 'move', from, to});
			await rename(from, to);
		}
		await syncFolder(syncagnt);
		await syncFolder(this.snapshot);
		const moved = this.entries.filter(e => e.type === 'move').length;
		return {status: 'done', summary: `${moved} file${moved === 1 ? '' : 's'} moved into ${this.snapshot}`, details: names};
	}

	private async copyBackup(hooks: RunHooks): Promise<StepOutcome> {
		const refused = await this.requireStopped(hooks);
		if (refused) return refused;
		const {syncagnt} = this.target.database;
		const files = await this.previewCopy();
		const copied = new Set(this.entries.filter(e => e.type === 'copied').map(e => (e as {name: string}).name));
		const bytesTotal = files.reduce((n, f) => n + f.size, 0);
		// Not a byte written when it cannot fit: a full disk found now costs nothing to fix.
		let toCopy = 0;
		for (const f of files) if (!copied.has(f.name) && !(await exists(join(syncagnt, f.name)))) toCopy += f.size;
		const free = await freeBytes(syncagnt);
		if (free !== undefined && free <= toCopy) {
			return {
				status: 'failed',
				message: `${formatBytes(free)} free on the volume of ${syncagnt}, ${formatBytes(toCopy)} needed: nothing was copied`,
				advice: 'free some space on that volume, then retry; or roll back',
			};
		}
		let bytesBefore = 0;
		for (const file of files) {
			if (hooks.stopRequested?.()) return {status: 'interrupted', message: `stopped before ${file.name}; ${copied.size} of ${files.length} files are in place`};
			const destination = join(syncagnt, file.name);
			if (copied.has(file.name) && (await exists(destination))) {
				bytesBefore += file.size;
				continue;
			}
			if (await exists(destination)) {
				// Killed between putting a verified copy in place and journaling it: the bytes say whether it is ours.
				const same = await sameContent(join(this.backup, file.name), destination);
				if (same) {
					await this.record({type: 'copied', name: file.name, size: same.size, sha256: same.sha256});
					copied.add(file.name);
					bytesBefore += file.size;
					continue;
				}
				return {
					status: 'failed',
					message: `SYNCAGNT already holds a ${file.name} that this run did not copy`,
					advice: 'run the "Move the current database aside" step again (retry), or roll back',
				};
			}
			await rm(temporaryName(destination), {force: true}); // a partial copy of ours from a run cut off
			const result = await copyVerified(join(this.backup, file.name), destination, {
				onProgress: done => hooks.onCopyProgress?.({file: file.name, fileDone: done, fileTotal: file.size, bytesDone: bytesBefore + done, bytesTotal}),
			});
			await this.record({type: 'copied', name: file.name, size: result.size, sha256: result.sha256});
			copied.add(file.name);
			bytesBefore += file.size;
		}
		return {status: 'done', summary: `${files.length} files (${formatBytes(bytesTotal)}) copied and verified by SHA-256`, details: files.map(f => f.name)};
	}

	private async startService(hooks: RunHooks): Promise<StepOutcome> {
		const {service} = this.target;
		const now = await service.query({onCommand: hooks.onCommand});
		if (now.ok && now.state === 'RUNNING') return {status: 'done', summary: 'MSSYNC was already running'};
		const start = await service.start({onCommand: hooks.onCommand});
		if (!start.ok && !ALREADY_RUNNING.includes(start.error.code)) {
			const command = service.describe('start');
			return {status: 'failed', message: `${command} failed: ${start.error.meaning} (${command.startsWith('net start') ? 'NET HELPMSG' : 'error'} ${start.error.code})`, advice: start.error.advice};
		}
		const waited = await waitForState(service, 'RUNNING', {timeoutMs: this.timings.serviceTimeoutMs, intervalMs: this.timings.pollIntervalMs, onCommand: hooks.onCommand, onPoll: hooks.onPoll});
		if (waited.ok) return {status: 'done', summary: `MSSYNC is running (confirmed by ${service.describe('query')} after ${(waited.waitedMs / 1000).toFixed(1)} s)`};
		if (waited.reason === 'timeout') {
			return {status: 'failed', message: `MSSYNC did not reach RUNNING within ${Math.round(this.timings.serviceTimeoutMs / 1000)} s (it is ${waited.state})`, advice: "look in Event Viewer's Application log for Jet errors; retry, or roll back"};
		}
		return {status: 'failed', message: `cannot query MSSYNC: ${waited.error.meaning}`, advice: waited.error.advice};
	}

	private async synchronize(hooks: RunHooks): Promise<StepOutcome> {
		if (!this.target.sync) return {status: 'manual', instructions: await this.describeChanges('synchronize')};
		return synchronizeStep(this.target, hooks);
	}

	/**
	 * Puts SYNCAGNT back as it was: the files this run copied in go aside (kept), the snapshot's files
	 * return byte for byte, and the service is left as it was found. Safe to run again if cut off.
	 */
	async rollback(hooks: RunHooks = {}): Promise<StepOutcome> {
		await this.record({type: 'step-started', step: 'rollback'});
		try {
			const {service} = this.target;
			const now = await service.query({onCommand: hooks.onCommand});
			if (now.ok && now.state !== 'STOPPED') {
				await service.stop({onCommand: hooks.onCommand});
				const waited = await waitForState(service, 'STOPPED', {timeoutMs: this.timings.serviceTimeoutMs, intervalMs: this.timings.pollIntervalMs, onCommand: hooks.onCommand});
				if (!waited.ok) throw new Error('MSSYNC would not stop, so the database cannot be put back yet');
			}
			const {syncagnt} = this.target.database;
			const copiedNames = [...new Set(this.entries.filter(e => e.type === 'copied').map(e => (e as {name: string}).name))];
			const present: string[] = [];
			for (const name of copiedNames) if (await exists(join(syncagnt, name))) present.push(name);
			// Partial copies of ours (a kill in the middle of a file): only copies of the backup, which is still there.
			for (const name of await readdir(syncagnt)) if (/^\..+\.dsmn-copy$/.test(name)) await rm(join(syncagnt, name), {force: true});
			if (present.length > 0) {
				const aside = await freshFolderName(join(this.target.database.snapshotParent, `SYNCAGNT.rolled-back-${stamp(new Date())}`));
				await mkdir(aside, {recursive: true});
				for (const name of present) {
					await this.record({type: 'move', from: join(syncagnt, name), to: join(aside, name)});
					await rename(join(syncagnt, name), join(aside, name));
				}
			}
			const moves = this.entries.filter((e): e is Extract<JournalEntry, {type: 'move'}> => e.type === 'move' && dirname(e.to) === this.snapshot);
			let restored = 0;
			for (const move of [...moves].reverse()) {
				if ((await exists(move.to)) && !(await exists(move.from))) {
					await this.record({type: 'move', from: move.to, to: move.from});
					await rename(move.to, move.from);
					restored++;
				}
			}
			await syncFolder(syncagnt);
			if (this.start.serviceBefore === 'RUNNING') {
				const start = await service.start({onCommand: hooks.onCommand});
				if (!start.ok && !ALREADY_RUNNING.includes(start.error.code)) throw new Error(`the files are back, but MSSYNC would not start again: ${start.error.meaning}`);
				await waitForState(service, 'RUNNING', {timeoutMs: this.timings.serviceTimeoutMs, intervalMs: this.timings.pollIntervalMs, onCommand: hooks.onCommand});
			}
			const summary = `${restored} original file${restored === 1 ? '' : 's'} put back in SYNCAGNT${present.length ? `; the ${present.length} restored files were kept aside` : ''}; MSSYNC ${this.start.serviceBefore === 'RUNNING' ? 'running again' : 'left stopped'}`;
			await this.record({type: 'step-finished', step: 'rollback', summary});
			await this.end('rolled-back');
			return {status: 'done', summary};
		} catch (error) {
			await this.record({type: 'step-failed', step: 'rollback', message: (error as Error).message});
			return {status: 'failed', message: (error as Error).message, advice: adviceFor(error)};
		}
	}
}

/** What the admin does in Synchronization Manager, with a checklist of the servers named for this run. */
/** "Synchronize all servers" as the admin does it in Synchronization Manager, checking these servers. */
export function synchronizeInstructions(names: readonly string[], since: string): string[] {
	return [
		'On the PDC, open Synchronization Manager (Start ▸ Programs ▸ Administrative Tools).',
		'Choose NetWare Server ▸ Synchronize all servers. It can take a long time: about the number of accounts times the number of servers.',
		names.length ? `Wait until each of these shows a blue check: ${listNames([...names])}.` : 'Wait until every server shows a blue check.',
		`A server still showing a red X: note it; the Event Viewer's Application log says why (since ${since.slice(0, 16).replace('T', ' ')}).`,
	];
}

export function listNames(names: string[]): string {
	return names.length > 12 ? `${names.slice(0, 12).join(', ')}, … (${names.length - 12} more)` : names.join(', ');
}
