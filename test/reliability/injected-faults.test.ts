/**
 * Faults injected under the restore's copy, on any machine (the real full disk of disk-full.test.ts
 * needs root): the disk fills, a backup file cannot be read (EIO), SYNCAGNT refuses a write (EACCES),
 * and a copy that reads back different from its source. Each: a plain message with what to do, no
 * partial file, a retry that works once the fault is gone, and a roll back byte for byte.
 */
import {readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import {isStaleInLiveFolder} from '../../source/backup/classify.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {labStatus} from '../../source/lab/status.js';
import {RestoreRun} from '../../source/procedure/restore-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {hashFolder} from '../helpers/hash-folder.js';
import {tempDir} from '../helpers/run-cli.js';

type Fault = {kind: 'ENOSPC' | 'EIO' | 'EACCES' | 'flip'; file: string} | undefined;
const injected = vi.hoisted(() => ({fault: undefined as Fault}));

vi.mock('node:fs/promises', async importOriginal => {
	const real = await importOriginal<typeof import('node:fs/promises')>();
	const failure = (code: string) => Object.assign(new Error(`${code}: injected fault`), {code});
	return {
		...real,
		open: async (path: Parameters<typeof real.open>[0], flags?: string | number, mode?: number) => {
			const fault = injected.fault;
			const name = String(path);
			const temporary = fault && name.endsWith(`.${fault.file}.dsmn-copy`);
			const source = fault && name.endsWith(`/backup/${fault.file}`);
			if (fault?.kind === 'EACCES' && temporary && flags === 'w') throw failure('EACCES');
			const handle = await real.open(path, flags, mode);
			if (fault?.kind === 'ENOSPC' && temporary && flags === 'w') {
				// Half of the first block goes to disk, then the volume is full.
				const write = handle.write.bind(handle) as (buffer: Buffer, offset: number, length: number) => Promise<{bytesWritten: number}>;
				let full = false;
				(handle as unknown as {write: unknown}).write = async (buffer: Buffer, offset: number, length: number) => {
					if (full) throw failure('ENOSPC');
					full = true;
					return write(buffer, offset, Math.max(1, Math.floor(length / 2)));
				};
			}
			if (fault?.kind === 'EIO' && source) {
				(handle as unknown as {read: unknown}).read = async () => {
					throw failure('EIO');
				};
			}
			if (fault?.kind === 'flip' && temporary && flags === 'r') {
				// The copy reads back with one byte changed: what a failing disk or cable does.
				const read = handle.read.bind(handle) as (
					buffer: Buffer,
					offset: number,
					length: number,
					position: number | null,
				) => Promise<{bytesRead: number; buffer: Buffer}>;
				let first = true;
				(handle as unknown as {read: unknown}).read = async (buffer: Buffer, offset: number, length: number, position: number | null) => {
					const result = await read(buffer, offset, length, position);
					if (first && result.bytesRead > 100) buffer[100] = buffer[100]! ^ 0xff;
					first = false;
					return result;
				};
			}
			return handle;
		},
	};
});

const FAST = {serviceTimeoutMs: 5000, pollIntervalMs: 20};

async function restoreUntilCopy() {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0});
	const paths = labPaths(dir);
	const originals = await hashFolder(paths.syncagnt, isStaleInLiveFolder);
	const target = labTarget(dir);
	const run = await RestoreRun.begin(target, paths.backup, {timings: FAST});
	for (const step of ['stop-service', 'move-aside'] as const) expect(await run.execute(step)).toMatchObject({status: 'done'});
	return {dir, paths, originals, run};
}

describe('faults injected under the copy', () => {
	it.each([
		['ENOSPC', 'MSSYNC.MDB', /ENOSPC/, 'the disk is full: free some space on that volume, then retry'],
		['EIO', 'SYSTEM.MDB', /EIO/, 'the disk reported an I/O error'],
		['EACCES', 'MSSYNC.MDB', /EACCES/, 'permission denied: run as an administrator of that server'],
		['flip', 'MSSYNC.MDB', /read back different from what was written \(SHA-256 differs\)/, ''],
	] as const)('%s on %s: a plain message, no partial file; a retry works once it is gone', async (kind, file, message, advice) => {
		const {paths, run} = await restoreUntilCopy();
		injected.fault = {kind, file};
		let outcome;
		try {
			outcome = await run.execute('copy-backup');
		} finally {
			injected.fault = undefined;
		}
		expect(outcome).toMatchObject({status: 'failed', message: expect.stringMatching(message), advice: expect.stringContaining(advice)});
		expect((await readdir(paths.syncagnt)).filter(n => n.endsWith('.dsmn-copy'))).toEqual([]);
		// The fault is gone: the same step again finishes the copy, and the run goes on to the end.
		expect(await run.execute('copy-backup')).toMatchObject({status: 'done'});
		expect(await run.execute('start-service')).toMatchObject({status: 'done'});
	});

	it('rolls back byte for byte after a fault, whatever was copied before it', async () => {
		const {dir, paths, originals, run} = await restoreUntilCopy();
		injected.fault = {kind: 'ENOSPC', file: 'SYSTEM.MDB'};
		try {
			expect(await run.execute('copy-backup')).toMatchObject({status: 'failed'});
		} finally {
			injected.fault = undefined;
		}
		expect(await run.rollback()).toMatchObject({status: 'done'});
		expect(await hashFolder(paths.syncagnt, isStaleInLiveFolder)).toEqual(originals);
		expect((await labStatus(dir)).service.state).toBe('RUNNING');
	});
});
