/**
 * Use case: whether the end of a restore may say "Done" as if the servers were in step (ARCHITECTURE.md,
 * "Synchronize all servers"). After "Synchronize all servers" (not the full one), the servers are known
 * out of step when MSSYNC logged Event 8005 since the run began (read in the practice lab's Application
 * log), and not known to be in step when the backup is older than the change log is trusted to reach (a
 * real server's Application log is not read by the tool). The practice lab's log is the truth: no Event
 * 8005 there, no doubt. A journal of an older version records no synchronize: doubted as the plain one,
 * but the end's words do not claim the run chose it.
 */
import {stat} from 'node:fs/promises';
import {join} from 'node:path';
import {REQUIRED_DATABASES} from '../backup/classify.js';
import {findEntry} from '../fs/find-entry.js';
import {loadLab} from '../lab/state.js';
import {formatAge} from '../text/format.js';
import {recommendSynchronize, type SynchronizeDoubt} from '../procedure/synchronize-choice.js';
import type {Target} from '../targets/capabilities.js';
import type {OpenedRun} from './unfinished-run.js';

export async function synchronizeDoubt(run: OpenedRun, target: Target, now = new Date()): Promise<SynchronizeDoubt | undefined> {
	if (run.flow !== 'restore' || run.start.synchronize === 'full') return undefined;
	const began = Date.parse(run.start.at);
	if (target.kind === 'lab') {
		const lab = await loadLab(target.location).catch(() => undefined);
		const seen = (lab?.events ?? []).find(e => e.id === 8005 && !(Date.parse(e.at) < began));
		return seen ? {because: 'event-8005', at: seen.at} : undefined;
	}
	const taken = await backupTaken(run.backup);
	if (taken === undefined || recommendSynchronize(taken, now).recommended === 'normal') return undefined;
	return {because: 'backup-age', age: formatAge(now.getTime() - taken.getTime())};
}

/** When the backup was taken, as `check` dates it: its newest required database file (undefined when they cannot be read any more). */
async function backupTaken(folder: string): Promise<Date | undefined> {
	const times: number[] = [];
	for (const name of REQUIRED_DATABASES) {
		const entry = await findEntry(folder, name);
		if (entry === undefined) continue;
		const info = await stat(join(folder, entry)).catch(() => undefined);
		if (info && info.mtimeMs > 0) times.push(info.mtimeMs);
	}
	return times.length ? new Date(Math.max(...times)) : undefined;
}
