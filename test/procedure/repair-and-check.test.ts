/** dsmpack /r before a restore when MSSYNC will not start (Q197852), and DSMDUMP/DSMCHK at the end (Q197852, Q154760). */
import {describe, expect, it} from 'vitest';
import {citationProblems} from '../../source/procedure/claims.js';
import {
	afterRepairLines,
	DSMPACK_COMMANDS,
	dsmpackInstructions,
	repairFits,
	repairSteps,
	resultCheckInstructions,
	syncagntAtConsole,
} from '../../source/procedure/repair-and-check.js';
import {finishedInLab, finishedOnRealServer} from '../../source/wizard/summary.js';

describe('repair before restore', () => {
	it('fits only a service that will not start', () => {
		expect(repairFits('wont-start')).toBe(true);
		expect(repairFits('red-x')).toBe(false);
	});

	it('the exact commands, in SYNCAGNT with MSSYNC stopped', () => {
		expect(DSMPACK_COMMANDS).toEqual(['cd /d %SystemRoot%\\System32\\Syncagnt', 'net stop MSSYNC', 'dsmpack /r', 'net start MSSYNC']);
		// As typed at cmd.exe, which has no ";" between commands; the sentence ends before the next one (issue 29).
		expect(dsmpackInstructions()[0]).toBe(
			'At the PDC, open a command prompt and type: cd /d %SystemRoot%\\System32\\Syncagnt  then  net stop MSSYNC  then  dsmpack /r  then  net start MSSYNC (each on its own line, Enter after each).',
		);
		expect(dsmpackInstructions().join(' ')).not.toMatch(/ ; |MSSYNC dsmpack/);
	});

	it("SYNCAGNT as the PDC's own prompt names it: a path through ADMIN$ becomes %SystemRoot%, never a share cmd cannot change to", () => {
		expect(syncagntAtConsole('//NTPDC/ADMIN$/SYSTEM32/SYNCAGNT')).toBe('%SystemRoot%\\SYSTEM32\\SYNCAGNT');
		expect(syncagntAtConsole('\\\\NTPDC\\admin$\\System32\\Syncagnt')).toBe('%SystemRoot%\\System32\\Syncagnt');
		expect(syncagntAtConsole('C:\\WINNT\\system32\\SYNCAGNT')).toBe('C:\\WINNT\\system32\\SYNCAGNT');
		// A mount on this machine, or another share: DSMN's own folder on the PDC.
		expect(syncagntAtConsole('/mnt/ntpdc/system32/syncagnt')).toBe('%SystemRoot%\\System32\\Syncagnt');
		expect(syncagntAtConsole('//NTPDC/C$/WINNT/SYSTEM32/SYNCAGNT')).toBe('%SystemRoot%\\System32\\Syncagnt');
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
		expect(text[0]).toMatch(/not installed by default/);
		// Each command a line of its own, whole: a wrap never splits one.
		expect(text.slice(1, 4)).toEqual([
			'cd /d %SystemRoot%\\System32\\Syncagnt',
			'expand d:\\Dsmn\\Nt40\\I386\\Dsmchk.ex_ Dsmchk.exe',
			'expand d:\\Dsmn\\Nt40\\I386\\Swclnt.dl_ Swclnt.dll',
		]);
		expect(text.slice(5, 8)).toEqual(['net stop MSSYNC', 'dsmdump >db.txt', 'net start MSSYNC']);
		expect(text[10]).toBe('dsmchk -d CORP -u USERNAME -n FS1');
		expect(text.at(-1)).toMatch(/0 in sync; 1 not in sync; 2 .*; 5 the user is not propagated to that server/);
	});
});

describe('the texts cite only what the articles say', () => {
	it('repair and check', () => {
		const texts = [...repairSteps(true).flatMap(s => [s.kb, s.why]), ...dsmpackInstructions(), ...resultCheckInstructions('CORP', ['FS1'])];
		expect(citationProblems(texts.join('\n'))).toEqual([]);
	});
});

describe('after the repair (dsmpack /r, MSSYNC started)', () => {
	it('says the servers still red stay red until synchronized (the repair sends nothing), what to do next and what to check', () => {
		const lines = afterRepairLines(['FS1', 'FS3'], 'CORP', 'dsmn-resync --lab /tmp/lab');
		expect(lines[0]).toBe(
			'Still red: FS1, FS3. The repair kept what the database knew and sent nothing: what those servers missed reaches them only when synchronized.',
		);
		expect(lines[1]).toBe(
			'Next: in Synchronization Manager, NetWare Server ▸ Synchronize all servers (or start again, dsmn-resync --lab /tmp/lab, and choose "Only synchronize all servers").',
		);
		expect(lines[2]).toMatch(/^Then check: in Event Viewer on the PDC, Log ▸ Application, MSSYNC's entries .* dsmchk -d CORP -u USERNAME \(KB Q154760\)\.$/);
		expect(lines[3]).toBe('If MSSYNC does not stay running, restore the database from a backup instead.');
		// mssync.bkp is named once at the end, by the run's line that says where it is (issue 29).
		expect(lines.join('\n')).not.toMatch(/mssync\.bkp/);
		// Where the tool cannot see the check marks, it says what the repair did not do; with none red, nothing to synchronize.
		expect(afterRepairLines(undefined)[0]).toMatch(/^The repair sends nothing to the NetWare servers/);
		expect(afterRepairLines([])).not.toContainEqual(expect.stringMatching(/^Next:/));
		for (const text of [lines, afterRepairLines(undefined), afterRepairLines([])]) expect(citationProblems(text.join('\n'))).toEqual([]);
	});

	it('the summaries after a repair never say the servers are red because they did not answer', () => {
		const result = {flow: 'repair', syncagnt: '/lab/SYNCAGNT'} as const;
		const lab = finishedInLab(result, ['FS2'], false, [], 'dsmn-resync --lab /lab');
		expect(lab.title).toBe('Repaired: MSSYNC runs; FS2 still shows a red X: synchronize next');
		expect(lab.lines.join('\n')).not.toMatch(/answer again|did not synchronize/);
		expect(lab.lines).toContainEqual(expect.stringMatching(/^Next: in Synchronization Manager/));
		const real = finishedOnRealServer(result, [], []);
		expect(real.lines.join('\n')).not.toMatch(/should now show a blue check/);
		expect(real.lines[1]).toMatch(/^The repair sends nothing to the NetWare servers/);
	});
});
