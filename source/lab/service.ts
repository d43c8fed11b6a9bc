/** The lab's simulated MSSYNC service: its state transitions, and JET's check of SYNCAGNT at start. */
import {open, readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {generationFromName} from '../jet/log-names.js';
import {checkpointGeneration, readDatabaseHeader, readLogHeader} from '../jet/read-header.js';
import type {LabService} from './state.js';

export const SERVICE_NAME = 'MSSYNC';
export const SERVICE_DISPLAY_NAME = 'Directory Service Manager for NetWare';

/** The service's state now: a pending transition whose time has come is complete. */
export function settle(service: LabService, now: number): LabService {
	if (service.pendingUntil === undefined || now < service.pendingUntil) return service;
	if (service.state === 'STOP_PENDING') {
		const {pendingUntil: _done, ...rest} = service;
		return {...rest, state: 'STOPPED'};
	}
	// A start the database refused (net start records why as it begins) ends stopped, with the reason kept and when.
	if (service.state === 'START_PENDING')
		return service.lastError ? {state: 'STOPPED', lastError: service.lastError, refusedAt: service.pendingUntil} : {state: 'RUNNING'};
	return service;
}

async function head(path: string, bytes = 4096): Promise<Uint8Array | undefined> {
	try {
		const handle = await open(path, 'r');
		try {
			const buffer = new Uint8Array(bytes);
			const {bytesRead} = await handle.read(buffer, 0, bytes, 0);
			return buffer.subarray(0, bytesRead);
		} finally {
			await handle.close();
		}
	} catch {
		return undefined;
	}
}

/**
 * What JET would say when the service starts on this folder: undefined if it starts,
 * else the error it would log. Mirrors the checks of a soft recovery, not all of them.
 */
export async function jetStartError(syncagnt: string): Promise<string | undefined> {
	let entries: string[];
	try {
		entries = await readdir(syncagnt);
	} catch {
		return `-1811 JET_errFileNotFound: the folder ${syncagnt} cannot be read`;
	}
	const byUpper = new Map(entries.map(e => [e.toUpperCase(), e]));
	let signLog: string | undefined;
	for (const name of ['MSSYNC.MDB', 'SYSTEM.MDB']) {
		const actual = byUpper.get(name);
		if (!actual) return `-1811 JET_errFileNotFound: ${name} is missing`;
		const bytes = await head(join(syncagnt, actual));
		const info = bytes ? readDatabaseHeader(bytes) : undefined;
		if (info?.kind !== 'jet500' || !info.checksumOk) return `-1206 JET_errDatabaseCorrupted: ${name} has no valid database header`;
		if (info.state !== 3) return `-550 JET_errDatabaseDirtyShutdown: ${name} was not shut down cleanly`;
		if (name === 'MSSYNC.MDB') signLog = info.signLog;
	}
	let current: number | undefined;
	const older: number[] = [];
	for (const entry of entries) {
		const generation = generationFromName(entry);
		if (generation === undefined) continue;
		const bytes = await head(join(syncagnt, entry));
		const info = bytes ? readLogHeader(bytes) : undefined;
		if (info?.kind !== 'jet500') return `-501 JET_errLogFileCorrupt: ${entry}`;
		if (info.signLog !== signLog) return `-530 JET_errBadLogSignature: ${entry} belongs to another database`;
		if (generation === 'current') current = info.generation;
		else older.push(generation);
	}
	if (current !== undefined && older.some(g => g >= current)) {
		return `-501 JET_errLogFileCorrupt: log generations newer than JET.LOG (generation ${current}) are present`;
	}
	const checkpoint = byUpper.get('JET.CHK');
	if (checkpoint && current !== undefined) {
		const bytes = await head(join(syncagnt, checkpoint));
		const generation = bytes ? checkpointGeneration(bytes) : undefined;
		if (generation === undefined || generation > current) {
			return `-533 JET_errCheckpointCorrupt: JET.CHK points at log generation ${generation ?? '?'}, past JET.LOG (${current})`;
		}
	}
	return undefined;
}
