/**
 * A vitest setup file (vitest.config.ts), idle unless DSMN_TEST_CPU_LOG names a file: then it appends one
 * line per test file, `CPU-SECONDS FILE`, the CPU its worker used from before the file's import to after its
 * last test, the processes it started and waited for included (user + system, with their children, from
 * /proc/self/stat). Files share a worker one after the other, never at once, so each line is its own file's.
 * How `npm test`'s CPU is spent, file by file.
 */
import {appendFileSync, readFileSync} from 'node:fs';
import {relative} from 'node:path';
import {afterAll, expect} from 'vitest';

const log = process.env['DSMN_TEST_CPU_LOG'];

/** utime + stime + cutime + cstime of this process, in seconds (clock ticks of 1/100 s on Linux). */
function cpuSeconds(): number {
	const stat = readFileSync('/proc/self/stat', 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// After the command's parentheses: field 14 (utime) of proc(5) is index 11 here, then stime, cutime, cstime.
	return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / 100;
}

if (log) {
	const started = cpuSeconds();
	afterAll(() => {
		const file = expect.getState().testPath ?? 'unknown';
		appendFileSync(log, `${(cpuSeconds() - started).toFixed(2)} ${relative(process.cwd(), file)}\n`);
	});
}
