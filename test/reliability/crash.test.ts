import {describe, expect, it} from 'vitest';
import {seededRandom} from '../../source/lab/random.js';
import {reconstructCrashTrial, restoreCrashTrial, timeReconstruct, timeRestore, type KillPoint, type KillReport} from './crash-harness.js';

/**
 * CI keeps this bounded; `npm run crash-test` runs many more points (CRASH_POINTS, CRASH_SEED). Two kinds
 * of kill point: after a time drawn over a whole run, and just before a journal entry — the window between
 * a file operation and its journal line. CRASH_ENTRIES=all kills before every entry, once with each recovery.
 */
/** `npm test` runs a small sample of the restore; `npm run test:slow` (DSMN_TEST_SUITE=slow) 12 + 8 points, and the reconstruct. */
const SLOW_SUITE = process.env['DSMN_TEST_SUITE'] === 'slow';
const POINTS = Number(process.env['CRASH_POINTS'] ?? (SLOW_SUITE ? 12 : 2));
const SEED = Number(process.env['CRASH_SEED'] ?? 1);
const ALL_ENTRIES = process.env['CRASH_ENTRIES'] === 'all';
/** In a bounded run: this many entry points, drawn from the seed. */
const ENTRY_POINTS = Number(process.env['CRASH_ENTRY_POINTS'] ?? (SLOW_SUITE ? 8 : 2));
/** `npm test`: not the slow suite, and nothing asked of the harness (CRASH_POINTS, CRASH_ENTRIES). */
const NPM_TEST = !SLOW_SUITE && !ALL_ENTRIES && process.env['CRASH_POINTS'] === undefined;
/**
 * The MSSYNC.MDB the kill points by time restore: 128 MiB, so that most of them fall inside the copy and its
 * hashes; `npm test`'s two points a 16 MiB one (the same steps and windows, about a fifth of the CPU).
 */
const DATABASE_MIB = NPM_TEST ? 16 : 128;

function summarize(flow: string, reports: KillReport[]) {
	const where = new Map<string, number>();
	for (const r of reports) where.set(`${r.at} → ${r.recovery}`, (where.get(`${r.at} → ${r.recovery}`) ?? 0) + 1);
	for (const r of reports.filter(x => x.problems.length)) console.log(`PROBLEM at ${r.at} → ${r.recovery}: ${r.problems.join(' | ')}`);
	const byEntry = reports.filter(r => r.killedAfterMs < 0).length;
	console.log(
		`${flow}: ${reports.length} kill points (${reports.length - byEntry} by time, ${byEntry} before a journal entry), ${reports.filter(r => r.killed).length} killed mid-run, files lost: ${reports.filter(r => r.problems.length).length}\n  ${[...where].map(([k, n]) => `${n}× ${k}`).join('\n  ')}`,
	);
}

/** Entry numbers (1-based) to kill before: all of them, or a seeded sample that always has the last one. */
function entryPoints(entries: number, salt: number): number[] {
	if (ALL_ENTRIES) return Array.from({length: entries}, (_, i) => i + 1);
	const random = seededRandom(SEED * 104_729 + salt);
	const chosen = new Set<number>();
	while (chosen.size < Math.min(ENTRY_POINTS, entries)) chosen.add(1 + Math.floor(random.next() * entries));
	return [...chosen].sort((a, b) => a - b);
}

describe('SIGKILL anywhere, then --resume or --rollback', () => {
	it(`restore: ${POINTS} kill points by time (a ${DATABASE_MIB} MiB database) and ${ALL_ENTRIES ? 'every' : ENTRY_POINTS} before a journal entry, nothing lost, never a mix`, async () => {
		const reports: KillReport[] = [];
		// Kill points spread uniformly over a whole run, as long as it takes on this machine now.
		const {ms: spanMs, entries} = await timeRestore(DATABASE_MIB);
		expect(entries).toBeGreaterThan(20);
		for (let point = 0; point < POINTS; point++) reports.push(await restoreCrashTrial(point, SEED, {databaseMiB: DATABASE_MIB, spanMs}));
		// Before each chosen entry: with a small database (the windows, not the copy, are the point), recovered both ways.
		let point = POINTS;
		// Recovered alternately (every entry both ways with CRASH_ENTRIES=all): any sample of two or more has both.
		for (const [index, entry] of entryPoints(entries, 1).entries()) {
			const kill: KillPoint = {beforeEntry: entry};
			for (const recovery of ALL_ENTRIES ? (['resume', 'rollback'] as const) : [index % 2 === 0 ? ('resume' as const) : ('rollback' as const)]) {
				reports.push(await restoreCrashTrial(point++, SEED, {databaseMiB: 8, spanMs, kill, recovery}));
			}
		}
		summarize('restore', reports);
		const failed = reports.filter(r => r.problems.length > 0);
		expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
		expect(new Set(reports.map(r => r.recovery)).size).toBe(2);
		// The kill points by time, not those before a journal entry (always mid-run): a third at least killed the run mid-way.
		expect(reports.filter(r => r.killedAfterMs >= 0 && r.killed).length).toBeGreaterThanOrEqual(POINTS / 3);
	}, 10_800_000);

	it.skipIf(NPM_TEST)(
		`reconstruct: ${Math.ceil(POINTS / 2)} kill points by time and ${ALL_ENTRIES ? 'every' : Math.ceil(ENTRY_POINTS / 2)} before a journal entry, every server green after --resume`,
		async () => {
			const reports: KillReport[] = [];
			const {ms: spanMs, entries} = await timeReconstruct();
			for (let point = 0; point < Math.ceil(POINTS / 2); point++) reports.push(await reconstructCrashTrial(point, SEED, {spanMs}));
			let point = Math.ceil(POINTS / 2);
			const chosen = ALL_ENTRIES ? entryPoints(entries, 2) : entryPoints(entries, 2).slice(0, Math.ceil(ENTRY_POINTS / 2));
			for (const entry of chosen) reports.push(await reconstructCrashTrial(point++, SEED, {spanMs, kill: {beforeEntry: entry}}));
			summarize('reconstruct', reports);
			const failed = reports.filter(r => r.problems.length > 0);
			expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
		},
		10_800_000,
	);
});
