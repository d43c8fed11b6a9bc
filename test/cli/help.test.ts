import {describe, expect, it} from 'vitest';
import {HELP} from '../../source/cli/help.js';
import {displayWidth} from '../../source/text/measure.js';

describe('--help', () => {
	it('writes the one exit rule of the wizard and scripted runs, and fits 80 columns', () => {
		expect(HELP).toContain('EXIT STATUS (the same rule for the wizard and scripted runs)');
		expect(HELP).toMatch(/1 {4}a step failed, the backup or the target was refused, or servers are still\n {7}red at the end/);
		expect(HELP).toMatch(/130 {2}left before the end \(q, Ctrl\+C, "Not now", "Leave it for now"/);
		// Every way of leaving that README's exit table names for 130, in the help's words (lines joined).
		const joined = HELP.replace(/\n {7}/g, ' ');
		for (const way of ['"Leave now, nothing changed"', 'SIGTERM', 'a closed session']) expect(joined).toContain(way);
		expect(HELP).toMatch(/Ctrl\+C leaves from there/);
		for (const line of HELP.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
	});
});
