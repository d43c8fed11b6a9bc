import {describe, expect, it} from 'vitest';
import {reconstructCrashTrial, restoreCrashTrial, timeReconstruct, timeRestore} from './crash-harness.js';

/** CI keeps this bounded; `npm run crash-test` runs many more points (CRASH_POINTS, CRASH_SEED). */
const POINTS = Number(process.env['CRASH_POINTS'] ?? 12);
const SEED = Number(process.env['CRASH_SEED'] ?? 1);

function summarize(flow: string, reports: {killed: boolean; at: string; recovery: string; problems: string[]}[]) {
	const where = new Map<string, number>();
	for (const r of reports) where.set(`${r.at} → ${r.recovery}`, (where.get(`${r.at} → ${r.recovery}`) ?? 0) + 1);
	for (const r of reports.filter(x => x.problems.length)) console.log(`PROBLEM at ${r.at} → ${r.recovery}: ${r.problems.join(' | ')}`);
	console.log(`${flow}: ${reports.length} kill points, ${reports.filter(r => r.killed).length} killed mid-run, files lost: ${reports.filter(r => r.problems.length).length}\n  ${[...where].map(([k, n]) => `${n}× ${k}`).join('\n  ')}`);
}

describe('SIGKILL anywhere, then --resume or --rollback', () => {
	it(`restore: ${POINTS} kill points, nothing lost, never a mix`, async () => {
		const reports = [];
		// Kill points spread uniformly over a whole run, as long as it takes on this machine now.
		const spanMs = await timeRestore(128);
		for (let point = 0; point < POINTS; point++) reports.push(await restoreCrashTrial(point, SEED, {databaseMiB: 128, spanMs}));
		summarize('restore', reports);
		const failed = reports.filter(r => r.problems.length > 0);
		expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
		expect(new Set(reports.map(r => r.recovery)).size).toBe(2);
		expect(reports.filter(r => r.killed).length).toBeGreaterThanOrEqual(POINTS / 3);
	}, 600_000);

	it(`reconstruct: ${Math.ceil(POINTS / 2)} kill points, every server green after --resume`, async () => {
		const reports = [];
		const spanMs = await timeReconstruct();
		for (let point = 0; point < Math.ceil(POINTS / 2); point++) reports.push(await reconstructCrashTrial(point, SEED, {spanMs}));
		summarize('reconstruct', reports);
		const failed = reports.filter(r => r.problems.length > 0);
		expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
	}, 600_000);
});
