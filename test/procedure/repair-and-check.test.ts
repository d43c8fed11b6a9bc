/** dsmpack /r before a restore when MSSYNC will not start (Q197852), and DSMDUMP/DSMCHK at the end (Q197852, Q154760). */
import {describe, expect, it} from 'vitest';
import {citationProblems} from '../../source/procedure/claims.js';
import {DSMPACK_COMMANDS, dsmpackInstructions, repairFits, repairSteps, resultCheckInstructions} from '../../source/procedure/repair-and-check.js';

describe('repair before restore', () => {
	it('fits only a service that will not start', () => {
		expect(repairFits('wont-start')).toBe(true);
		expect(repairFits('red-x')).toBe(false);
	});

	it('the exact commands, in SYNCAGNT with MSSYNC stopped', () => {
		expect(DSMPACK_COMMANDS).toEqual(['cd /d %SystemRoot%\\System32\\Syncagnt', 'net stop MSSYNC', 'dsmpack /r', 'net start MSSYNC']);
		expect(dsmpackInstructions()[0]).toContain('cd /d %SystemRoot%\\System32\\Syncagnt ; net stop MSSYNC ; dsmpack /r ; net start MSSYNC');
	});

	it('the dsmpack step is manual on a real server, keeps mssync.bkp, and loses nothing since the backup', () => {
		const steps = repairSteps(true);
		expect(steps.map(s => s.id)).toEqual(['stop-service', 'dsmpack', 'start-service']);
		const dsmpack = steps.find(s => s.id === 'dsmpack')!;
		expect(dsmpack.manual).toBe(true);
		expect(dsmpack.why).toMatch(/mssync\.bkp \(KB Q197852\)/);
		expect(dsmpack.why).toMatch(/nothing changed since the last backup is lost/);
		expect(repairSteps(false).find(s => s.id === 'dsmpack')!.manual).toBe(false);
	});
});

describe('checking the result', () => {
	it('DSMDUMP and DSMCHK with the exact commands for this domain and server', () => {
		const text = resultCheckInstructions('CORP', ['FS1', 'FS2']);
		expect(text[1]).toMatch(/cd \/d %SystemRoot%\\System32\\Syncagnt ; net stop MSSYNC ; dsmdump >db\.txt ; net start MSSYNC/);
		expect(text[2]).toMatch(/dsmchk -d CORP -u USERNAME -n FS1 /);
		expect(text[3]).toMatch(/0 in sync; 1 not in sync; 2 .*; 5 the user is not propagated to that server/);
		expect(text[0]).toMatch(/not installed by default/);
	});
});

describe('the texts cite only what the articles say', () => {
	it('repair and check', () => {
		const texts = [...repairSteps(true).flatMap(s => [s.kb, s.why]), ...dsmpackInstructions(), ...resultCheckInstructions('CORP', ['FS1'])];
		expect(citationProblems(texts.join('\n'))).toEqual([]);
	});
});
