/**
 * The roll back of a restore run, and what it reads of the run's journal: the originals moved into the
 * snapshot, the files the copy put in SYNCAGNT (journaled or not), the folder the restored files go to.
 * It puts SYNCAGNT back from the journal and the disk alone (never the backup), as a journaled sequence
 * of its own. ARCHITECTURE.md, "The run and its journal".
 */
import type {NewEntry} from '../journal/journal.js';
import type {JournalEntry, MoveEntry, RunStarted} from '../journal/entries.js';
import type {DatabaseFiles, FileDigest, Target} from '../targets/capabilities.js';
import type {RunTimings} from './mssync-service.js';
import {putServiceBack, stopForRollback} from './rollback-service.js';
import type {RunHooks, StepOutcome} from './procedure-run.js';
import {journaledRollback, moveCopiesAside} from './restore-rollback-common.js';
import {classifyName} from '../backup/classify.js';
import {generationFromName} from '../jet/log-names.js';

/** A partial copy of ours, left by a run cut off in the middle of a file: ".NAME.dsmn-copy". */
const PARTIAL_COPY = /^\..+\.dsmn-copy$/;

/** The moves the journal holds into a folder, in their order (a retried move appears twice). */
function movesInto(entries: readonly JournalEntry[], files: DatabaseFiles, folder: string): MoveEntry[] {
	const prefix = files.join(folder, '');
	return entries.filter((e): e is MoveEntry => e.type === 'move' && e.to.startsWith(prefix));
}

/** The originals this run moved into the snapshot, one per name (a retried move is journaled twice). */
export function originalMoves(entries: readonly JournalEntry[], files: DatabaseFiles, snapshot: string): MoveEntry[] {
	const seen = new Map<string, MoveEntry>();
	for (const move of movesInto(entries, files, snapshot)) seen.set(move.to, move);
	return [...seen.values()];
}

/** The folder that holds the restored files after a roll back, when there is one. */
export function rolledBackFolder(entries: readonly JournalEntry[]): string | undefined {
	const plan = entries.find((e): e is Extract<JournalEntry, {type: 'step-plan'}> => e.type === 'step-plan' && e.step === 'rollback' && e.folder !== undefined);
	return plan?.folder;
}

/**
 * What an earlier roll back of this run already did, by the journal: the copies moved aside (every file it
 * planned to, or the originals' return begun, which comes after), and every original moved back from `snapshot`.
 */
export function rolledBackSoFar(entries: readonly JournalEntry[], files: DatabaseFiles, snapshot: string): {copiesAside: boolean; originalsBack: boolean} {
	const moved = movedByRollback(entries);
	const originals = originalMoves(entries, files, snapshot);
	const returned = originals.filter(o => moved.some(m => m.from === o.to && m.to === o.from));
	return {copiesAside: copiesMovedAside(entries, files) || returned.length > 0, originalsBack: originals.length > 0 && returned.length === originals.length};
}

/** The renames a roll back of this run finished (none before one began). */
function movedByRollback(entries: readonly JournalEntry[]): Extract<JournalEntry, {type: 'moved'}>[] {
	const began = entries.findIndex(e => e.type === 'step-started' && e.step === 'rollback');
	return began < 0 ? [] : entries.slice(began).filter((e): e is Extract<JournalEntry, {type: 'moved'}> => e.type === 'moved');
}

/** An earlier roll back moved every copy it planned to into its rolled-back folder (moveCopiesAside). */
export function copiesMovedAside(entries: readonly JournalEntry[], files: DatabaseFiles): boolean {
	const aside = rolledBackFolder(entries);
	if (aside === undefined) return false;
	const moved = movedByRollback(entries);
	const planned = entries.flatMap(e => (e.type === 'step-plan' && e.step === 'rollback' ? e.files : []));
	return planned.every(name => moved.some(m => m.to === files.join(aside, name)));
}

/** What a roll back needs of its run: the journal as read so far (kept current by `record`), and the run's journaled renames. */
export type RollbackContext = {
	readonly target: Target;
	readonly entries: readonly JournalEntry[];
	readonly snapshot: string;
	readonly serviceBefore: RunStarted['serviceBefore'];
	readonly timings: RunTimings;
	record(entry: NewEntry): Promise<void>;
	/** A rename journaled before and after. */
	move(from: string, to: string): Promise<void>;
	end(outcome: 'rolled-back'): Promise<void>;
};

export type Stranger = {where: string; name: string; size: number; mtimeMs: number; sha256: string};

/** Digests known from the journal: the originals as moved aside, the copies as this run verified them (or as bound). */
function knownDigests(entries: readonly JournalEntry[], files: DatabaseFiles, snapshot: string) {
	const originals = new Map<string, FileDigest | undefined>();
	for (const move of originalMoves(entries, files, snapshot)) {
		const name = baseName(move.to);
		originals.set(name, move.sha256 !== undefined && move.size !== undefined ? {size: move.size, sha256: move.sha256} : undefined);
	}
	const copies = new Map<string, FileDigest>();
	for (const e of entries) {
		if (e.type === 'backup-validated') for (const f of e.files) if (!copies.has(f.name)) copies.set(f.name, {size: f.size, sha256: f.sha256});
		if (e.type === 'copied') copies.set(e.name, {size: e.size, sha256: e.sha256});
	}
	return {originals, copies};
}

/**
 * What the restored database's engine makes once MSSYNC runs on it (Jet 500: a new log generation when JET.LOG
 * fills, its checkpoint JET.CHK, its reserve logs RESn.LOG): not in the backup, so no copy of this run, and
 * not the originals, which were moved aside before. Such a file belongs to the restored database and goes
 * aside with it (kept); a log generation counts only beyond the highest this run copied. ARCHITECTURE.md,
 * "The run and its journal".
 */
function madeByEngine(name: string, copyNames: ReadonlySet<string>): boolean {
	if (copyNames.has(name)) return false;
	const kind = classifyName(name);
	if (kind === 'checkpoint' || kind === 'reserve-log') return true;
	const generation = generationFromName(name);
	if (typeof generation !== 'number') return false;
	const copied = [...copyNames].map(generationFromName).filter((g): g is number => typeof g === 'number');
	return generation > Math.max(0, ...copied);
}

function baseName(path: string): string {
	return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

function same(a: FileDigest, b: FileDigest | undefined): boolean {
	return b !== undefined && a.size === b.size && a.sha256 === b.sha256;
}

/**
 * SYNCAGNT (and the snapshot) read by their bytes: the files this run restored (bytes as it copied them),
 * the originals already back (bytes as moved aside, none left in the snapshot), and strangers: anything
 * else at a name the roll back would touch. A journal from before originals carried their digest is read
 * by names, as it was then.
 */
async function readInPlace(run: RollbackContext): Promise<{restored: string[]; changed: string[]; engineMade: string[]; strangers: Stranger[]}> {
	const {entries, snapshot} = run;
	const {files, syncagnt} = run.target.database;
	const copyStarted = entries.some(e => e.type === 'step-started' && e.step === 'copy-backup');
	// Once this run started MSSYNC, DSMN writes to the restored database and its logs: a copy's bytes then differ
	// from what was copied and are still this run's (moved aside with the rest, never deleted).
	const dsmnRan = entries.some(e => e.type === 'step-started' && e.step === 'start-service');
	const planned = new Set(entries.filter(e => e.type === 'step-plan' && e.step === 'move-aside').flatMap(e => (e as {files: string[]}).files));
	const {originals, copies} = knownDigests(entries, files, snapshot);
	const copyNames = new Set(copies.keys());
	for (const e of entries) if (e.type === 'step-plan' && e.step === 'copy-backup') for (const name of e.files) copyNames.add(name);
	const restored: string[] = [];
	/** Copies moved aside as found though their bytes are not what this run copied (once MSSYNC's start began). */
	const changed: string[] = [];
	const engineMade: string[] = [];
	const strangers: Stranger[] = [];
	const stranger = async (where: string, name: string, digest: FileDigest) => {
		const facts = await files.stat(files.join(where, name));
		strangers.push({where, name, size: digest.size, mtimeMs: facts?.mtimeMs ?? 0, sha256: digest.sha256});
	};
	const byBytes = originalMoves(entries, files, snapshot).every(m => m.sha256 !== undefined);
	for (const name of (await files.list(syncagnt)).sort()) {
		const isCopy = copyStarted && copyNames.has(name);
		const byEngine = dsmnRan && madeByEngine(name, copyNames);
		if (!isCopy && !byEngine && !originals.has(name)) continue; // not a name this run touched: left as it is
		const originalSafe = !planned.has(name) || (await files.stat(files.join(snapshot, name))) !== undefined;
		if (!byBytes) {
			// A journal from before originals carried their digest: ours once the copy began, when its original is safe.
			if (isCopy && originalSafe) restored.push(name);
			continue;
		}
		const found = await files.digest(files.join(syncagnt, name));
		const original = originals.get(name);
		const inSnapshot = (await files.stat(files.join(snapshot, name))) !== undefined;
		if (original && same(found, original) && !inSnapshot) continue; // the original, back (or never moved)
		if (byEngine && (!original || inSnapshot)) {
			engineMade.push(name); // made by DSMN on the restored database; an original of the same name is safe in the snapshot
			continue;
		}
		if (isCopy && (dsmnRan || same(found, copies.get(name))) && originalSafe) {
			restored.push(name);
			if (copies.get(name) && !same(found, copies.get(name))) changed.push(name);
			continue;
		}
		await stranger(syncagnt, name, found);
	}
	for (const move of originalMoves(entries, files, snapshot)) {
		const expected = originals.get(baseName(move.to));
		if (!expected || !(await files.stat(move.to))) continue;
		const found = await files.digest(move.to);
		if (!same(found, expected)) await stranger(snapshot, baseName(move.to), found);
	}
	return {restored, changed, engineMade, strangers};
}

function describeStranger(s: Stranger): string {
	return `${s.name} in ${s.where} (${s.size} bytes, modified ${new Date(s.mtimeMs).toISOString().slice(0, 19).replace('T', ' ')} UTC, SHA-256 ${s.sha256.slice(0, 16)}…)`;
}

/** The originals in SYNCAGNT, checked against their digests: how many are back, and which are not. */
async function checkOriginalsBack(run: RollbackContext): Promise<{back: number; missing: string[]}> {
	const {files, syncagnt} = run.target.database;
	const {originals} = knownDigests(run.entries, files, run.snapshot);
	let back = 0;
	const missing: string[] = [];
	for (const [name, expected] of originals) {
		const path = files.join(syncagnt, name);
		const there = expected ? (await files.stat(path)) && same(await files.digest(path), expected) : (await files.stat(path)) !== undefined;
		if (there) back++;
		else missing.push(name);
	}
	return {back, missing};
}

/**
 * Puts SYNCAGNT back as it was: the files this run copied in go aside (kept), the snapshot's files
 * return byte for byte, and the service is left as it was found. A journaled sequence of its own: cut
 * off or failed, the next roll back continues it from the disk and the journal. Every file is known by
 * its bytes: a stranger stops it before anything moves, and "back" is counted by reading SYNCAGNT.
 */
export async function rollBackRestore(run: RollbackContext, given: RunHooks): Promise<StepOutcome> {
	return journaledRollback(run, given, async hooks => {
		const {service} = run.target;
		const {files, syncagnt} = run.target.database;
		const {originals, copies} = knownDigests(run.entries, files, run.snapshot);
		const present = await files.list(syncagnt);
		const partials = present.filter(n => PARTIAL_COPY.test(n));
		const copyStarted = run.entries.some(e => e.type === 'step-started' && e.step === 'copy-backup');
		const touched = present.some(n => originals.has(n) || (copyStarted && copies.has(n)));
		const toPutBack: MoveEntry[] = [];
		for (const move of originalMoves(run.entries, files, run.snapshot).reverse()) if (await files.stat(move.to)) toPutBack.push(move);
		// The database may be read and touched only with MSSYNC stopped; with nothing to move it is not stopped at all.
		if (touched || partials.length + toPutBack.length > 0) await stopForRollback(service, run.timings, hooks);
		const {restored: copiesInPlace, changed, engineMade, strangers} = await readInPlace(run);
		const restored = [...copiesInPlace, ...engineMade];
		if (strangers.length > 0) {
			return {
				status: 'failed',
				message: `the roll back found ${strangers.length === 1 ? 'a file' : `${strangers.length} files`} that ${strangers.length === 1 ? 'is' : 'are'} neither what this run copied nor the original it moved aside: ${strangers.map(describeStranger).join('; ')}. Nothing was moved; MSSYNC is stopped`,
				advice:
					'find out who put it there (if MSSYNC ran on the restored database, DSMN itself changed it); move it out of that folder to keep it, then roll back again: nothing this run did is undone twice',
			};
		}
		for (const name of partials) await files.remove(files.join(syncagnt, name));
		// The restored files (and what DSMN made on them) go aside, kept; then the originals come back.
		await moveCopiesAside(run, syncagnt, restored, rolledBackFolder(run.entries), name => `the restored ${name} was left in SYNCAGNT`);
		for (const move of toPutBack) {
			if (await files.stat(move.from))
				throw new Error(`SYNCAGNT holds a ${move.from} that is neither the original nor a file this run copied: the original is still in ${run.snapshot}`);
			await run.move(move.to, move.from);
		}
		await files.flush(syncagnt);
		// "As it was" only once SYNCAGNT was read: every original back with the bytes it had when it was moved aside.
		const {back, missing} = await checkOriginalsBack(run);
		if (missing.length > 0)
			throw new Error(
				`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not back in SYNCAGNT with the bytes moved aside (looked in SYNCAGNT and in ${run.snapshot})`,
			);
		const snapshotLeft = (await files.stat(run.snapshot)) ? await files.list(run.snapshot) : undefined;
		if (snapshotLeft?.length === 0) await files.removeFolder(run.snapshot); // emptied by this roll back: nothing in it to keep
		// Said from the journal: a run whose steps moved and copied nothing left nothing on disk to put back.
		const diskChanged = run.entries.some(e => e.type === 'move' || e.type === 'copied' || (e.type === 'step-started' && e.step === 'copy-backup'));
		const serviceNote = await putServiceBack(
			service,
			run.serviceBefore,
			run.timings,
			hooks,
			diskChanged ? 'the original files are back in SYNCAGNT' : 'nothing had been changed on disk',
			run.target.startRefusedOnPurpose?.bind(run.target),
		);
		if (!diskChanged) return {summary: `nothing had been changed on disk (the run moved and copied no file), so no file was moved; ${serviceNote}`};
		const aside = rolledBackFolder(run.entries);
		const heldAside = aside && (await files.stat(aside)) ? await files.list(aside) : [];
		const keptAside = heldAside.filter(n => copies.has(n)).length;
		const made = heldAside.filter(n => !copies.has(n)).sort();
		const madeNote = made.length
			? `; ${made.join(', ')}, made by DSMN on the restored database after MSSYNC started, moved there too (kept: ${made.length === 1 ? 'it belongs' : 'they belong'} to the restored database, not to the originals)`
			: '';
		// A copy whose bytes changed after the copy is said so, never only "restored" (the run copied other bytes);
		// by whom, only as the journal has it: DSMN is named only once Start MSSYNC was done.
		const started = run.entries.some(e => e.type === 'step-finished' && e.step === 'start-service');
		const changedNote = changed.length
			? ` (of them, ${changed.join(', ')} ${changed.length === 1 ? 'was' : 'were'} not the bytes this run copied: changed after the copy, ${started ? 'by DSMN once MSSYNC ran or by someone else' : 'before Start MSSYNC was done'}; moved as found)`
			: '';
		const checked = originals.size > 0 && [...originals.values()].every(d => d !== undefined) ? ', each checked by SHA-256 against what was moved aside' : '';
		return {
			summary: `${back} original file${back === 1 ? '' : 's'} back in SYNCAGNT${checked}${keptAside ? `; the ${keptAside} restored file${keptAside === 1 ? '' : 's'} moved to ${aside}${changedNote}` : ''}${madeNote}; ${serviceNote}`,
		};
	});
}
