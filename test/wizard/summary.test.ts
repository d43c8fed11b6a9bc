import {describe, expect, it} from 'vitest';
import {serviceNotAsFound} from '../../source/app/service-as-found.js';
import {EXIT} from '../../source/errors/exit-codes.js';
import {
	finishedInLab,
	finishedOnRealServer,
	left,
	leavingNote,
	rolledBack,
	cannotOpenTarget,
	stillRedLines,
	synchronizeOnlyFailed,
} from '../../source/wizard/summary.js';

const where = ['Journal: /var/lib/dsmn-resync/run.jsonl'];
const again = 'npm start -- --lab /tmp/lab';

describe("the wizard's summaries (pure wording)", () => {
	it('says which servers stay red and why: those the run did not reconstruct need a run of their own', () => {
		const result = {flow: 'reconstruct', servers: ['FS1', 'FS2']} as const;
		const lines = stillRedLines(result, ['FS2', 'FS3'], true, again);
		// Issue 29: one server, and "When they answer again".
		expect(lines[0]).toMatch(/^Still red: FS2 \(did not synchronize\)\. When it answers again, start again/);
		expect(stillRedLines({flow: 'restore', backup: '/b', syncagnt: '/s'}, ['FS2', 'FS3'], true, again)[0]).toMatch(
			/^Still red: FS2, FS3 \(did not synchronize\)\. When they answer again, start again/,
		);
		expect(lines[1]).toBe('FS3 was not reconstructed in this run: start again (npm start -- --lab /tmp/lab) and choose it.');
		const summary = finishedInLab(result, ['FS2', 'FS3'], true, where, again);
		expect(summary).toMatchObject({title: 'Done, but FS2, FS3 still show a red X', ok: false, exit: EXIT.failed});
		expect(summary.lines.at(-1)).toBe(where[0]);
		expect(finishedInLab(result, [], false, where, again)).toMatchObject({title: 'Done: every server shows a blue check', ok: true, exit: EXIT.ok});
	});

	it('after the plain synchronize, Event 8005 seen: never "Done" alone, what to do instead of where to look, exit 1; a doubt from the age only: exit 0', () => {
		const result = {flow: 'restore', backup: '/b', syncagnt: '/s', synchronize: 'normal'} as const;
		const lines = ['MSSYNC logged Event 8005.', 'Next: fully synchronize.'];
		const seen = finishedInLab(result, [], false, where, again, 'CORP', {because: 'event-8005', lines});
		expect(seen).toMatchObject({title: 'Done, but Event 8005: the servers need a full synchronize', ok: false, exit: EXIT.failed});
		expect(seen.lines.slice(1, 3)).toEqual(lines);
		expect(seen.lines.join(' ')).not.toMatch(/look for Event 8005/);
		const aged = finishedOnRealServer(result, [], where, {because: 'backup-age', lines});
		expect(aged).toMatchObject({title: 'Done, but not known to be in step: look for Event 8005', ok: false, exit: EXIT.ok});
		// Servers still red say so first.
		expect(finishedInLab(result, ['FS1'], false, where, again, 'CORP', {because: 'event-8005', lines}).title).toBe('Done, but FS1 still shows a red X');
	});

	it("a repair's end names mssync.bkp once: where it is and how long to keep it (issue 29: it said so three times)", () => {
		const result = {flow: 'repair', syncagnt: '/lab/SYNCAGNT'} as const;
		const kept = 'The database as it was before the repair is kept as /lab/SYNCAGNT/mssync.bkp: keep it until every server shows a blue check.';
		for (const summary of [finishedInLab(result, ['FS2'], false, [kept, ...where], again, 'CORP'), finishedOnRealServer(result, [], [kept, ...where])])
			expect(summary.lines.join('\n').match(/mssync\.bkp/g)).toHaveLength(1);
	});

	it('on a real server claims only what the admin saw: unticked servers are named, not called green', () => {
		const result = {flow: 'restore', backup: '/backups/SYNCAGNT', syncagnt: '//NTPDC1/ADMIN$/SYSTEM32/SYNCAGNT'} as const;
		const unticked = finishedOnRealServer(result, ['FS2', 'FS3'], where);
		expect(unticked.title).toBe('Done, but FS2, FS3 were not seen with a blue check');
		expect(unticked.exit).toBe(EXIT.failed);
		expect(unticked.lines[0]).toBe('The backup from /backups/SYNCAGNT is in //NTPDC1/ADMIN$/SYSTEM32/SYNCAGNT, verified by SHA-256.');
		expect(finishedOnRealServer(result, [], where)).toMatchObject({title: 'Done: every step is finished', ok: true});
	});

	// Issue 29: "Not seen with a blue check: FS2, FS3. Its reason is…": one server's sentence after two names.
	it('says where the reason is for one unticked server, and for several', () => {
		const result = {flow: 'restore', backup: '/backups/SYNCAGNT', syncagnt: '//NTPDC1/ADMIN$/SYSTEM32/SYNCAGNT'} as const;
		expect(finishedOnRealServer(result, ['FS2', 'FS3'], where).lines).toContain(
			'Not seen with a blue check: FS2, FS3. Why each is red is in the Event Viewer\'s Application log on the PDC; when fixed, "Synchronize all servers" again.',
		);
		expect(finishedOnRealServer(result, ['FS2'], where).lines.join('\n')).toMatch(/Not seen with a blue check: FS2\. Its reason is in the Event Viewer/);
	});

	it("a new PDC's end names the Backup folder once (the procedure's own line about its copies is not said again), keeping the other lines", () => {
		const backupFolder = '/tmp/lab/SystemRoot/SYSTEM32/SYNCAGNT/Backup';
		const result = {flow: 'restore', backup: '/tmp/lab/backup', syncagnt: backupFolder, synchronize: 'full'} as const;
		const procedure = [`The backup's copies are in ${backupFolder}.`, 'The journal of this run: /tmp/lab/journal/NTPDC-1.jsonl'];
		for (const summary of [finishedInLab(result, [], false, procedure, again), finishedOnRealServer(result, [], procedure)]) {
			expect(summary.lines.filter(line => line.includes(backupFolder))).toHaveLength(1);
			expect(summary.lines.at(-1)).toBe(procedure[1]);
		}
		const moved = 'The original files were moved to /tmp/lab/SystemRoot/SYSTEM32/SYNCAGNT.before-restore-1.';
		expect(finishedInLab({...result, syncagnt: '/tmp/lab/SystemRoot/SYSTEM32/SYNCAGNT'}, [], false, [moved], again).lines).toContain(moved);
	});

	it('says what leaving means before it happens, and where things are after', () => {
		expect(leavingNote(true, true, true, again)).toMatch(/^A step is running: it will finish to a safe point first/);
		// A synchronization is not let finish: it stops part way (issue 29).
		expect(leavingNote('part-way', true, true, again)).toBe(
			'A synchronization is running: on leaving, the synchronization stops at its next safe point, without finishing (every server is synchronized at the same time): what the servers received stays, and a server not finished shows a red X until it is run again. The run waits in its journal, to resume next time.',
		);
		expect(leavingNote(false, true, false, again)).toBe(
			'Everything done so far is in the journal: to resume, start again on this target: npm start -- --lab /tmp/lab',
		);
		expect(leavingNote(false, false, true, again)).toBe('Nothing has been changed on the target.');
		// The last walk: q during a Stop MSSYNC that hangs said "MSSYNC stays stopped"; it ended stuck stopping (STOP_PENDING).
		const stopping = leavingNote(true, true, true, again, 'stopping');
		expect(stopping).toContain('MSSYNC is left as Stop MSSYNC leaves it, stopped or, if it does not stop in time, still stopping');
		expect(stopping).not.toContain('stays stopped');
		expect(leavingNote(false, true, true, again, true)).toContain('MSSYNC stays stopped (it was running when this run began)');
		expect(left({kind: 'run', left: {event: 'interrupted', rollback: true, kept: where}}, again)).toMatchObject({
			title: 'Left at a safe point',
			exit: EXIT.interrupted,
		});
		expect(left({kind: 'nothing'}, again).lines).toEqual(['Nothing was changed.']);
	});

	it('says MSSYNC is not as the run found it, and how to bring it back; nothing when it is as found', () => {
		const line = serviceNotAsFound('RUNNING', 'STOPPED', 'npm start -- --lab /tmp/lab, then Resume');
		expect(line).toBe(
			'MSSYNC is stopped (it was running when this run began): DSMN synchronizes nothing until it runs again. To bring it back: npm start -- --lab /tmp/lab, then Resume.',
		);
		expect(serviceNotAsFound('RUNNING', 'RUNNING', 'x')).toBeUndefined();
		expect(serviceNotAsFound('STOPPED', 'START_PENDING', 'x')).toBe(
			'MSSYNC is starting (START_PENDING; it was stopped when this run began). To bring it back: x.',
		);
		const summary = left({kind: 'run', left: {event: 'interrupted', rollback: true, kept: where, ...(line ? {service: line} : {})}}, again);
		expect(summary.lines).toEqual([
			'The run waits in its journal: to resume it or roll it back, start again on this target:',
			'npm start -- --lab /tmp/lab',
			line,
			...where,
		]);
	});

	it('"Only synchronize" that could not run: what failed, and the command to come back whole on its own line', () => {
		const summary = synchronizeOnlyFailed('Fully synchronize all servers', 'the lab cannot be read', undefined, again);
		expect(summary).toMatchObject({title: 'Fully synchronize all servers failed', exit: EXIT.failed});
		expect(summary.lines.at(-1)).toBe(again);
	});

	it('after a roll back: the servers red again, and what to do next', () => {
		expect(rolledBack('11 files put back', where, ['FS2', 'FS4'], again).lines).toEqual([
			'11 files put back',
			'FS2, FS4 show a red X again, as before the run.',
			'Nothing more needs doing now. A server with a red X keeps it until a restore or a reconstruct is finished: when you are ready, start again (npm start -- --lab /tmp/lab); the wizard asks the same questions as the first time.',
			...where,
		]);
		expect(rolledBack('x', where, undefined, again).lines[1]).toBe('The servers are as the run found them: those that showed a red X still do.');
		// Before the run's synchronize began the servers never lost their red X: not "again" (issue 29); the summary opens a sentence.
		const unchanged = rolledBack('nothing had been changed on disk', where, ['FS2'], again, {serviceBefore: 'RUNNING', synchronizeBegan: false}).lines;
		expect(unchanged.slice(0, 2)).toEqual(['Nothing had been changed on disk', 'FS2 still shows a red X, as before the run.']);
		// A roll back the admin chose: no "another backup", as if the one used were wrong.
		for (const red of [['FS2'], [], undefined]) expect(rolledBack('x', where, red, again).lines.join('\n')).not.toMatch(/another backup/);
		expect(rolledBack('x', where, [], again).lines[2]).toBe('Nothing more needs doing now.');
		// A new PDC's roll back takes this run's copies out of SYNCAGNT\Backup: SYNCAGNT itself may hold the database MSSYNC took from them.
		expect(rolledBack('x', where, [], again).title).toBe('Rolled back: SYNCAGNT is as it was');
		expect(rolledBack('x', where, [], again, {newPdc: true}).title).toBe("Rolled back: this run's copies are out of SYNCAGNT\\Backup");
	});

	it('after a roll back that left MSSYNC stopped, as found: not "nothing more needs doing", but how to start it or repair it', () => {
		for (const red of [['FS2'], [], undefined]) {
			const said = rolledBack('x', where, red, again, {serviceBefore: 'STOPPED'}).lines[2] ?? '';
			expect(said).not.toMatch(/Nothing more needs doing/);
			expect(said).toMatch(/^MSSYNC is stopped, as the run found it: DSMN synchronizes nothing until it runs\./);
			expect(said).toContain(`start again (${again}) and answer "MSSYNC will not start"`);
		}
	});

	it('after a roll back of a run that began with MSSYNC in a state not read: not "nothing more needs doing", but to start it (issue 29)', () => {
		const said = rolledBack('MSSYNC is STOPPED; its state when the run began is not known (UNKNOWN)', where, [], again, {serviceBefore: 'UNKNOWN'}).lines[2];
		expect(said).toBe(
			"MSSYNC's state when the run began is not known, so the roll back did not start it: if it is stopped, DSMN synchronizes nothing until it runs; start it when the servers should synchronize again.",
		);
	});

	it('a target that cannot be opened: the command in the hint is printed as it works from where the admin started', () => {
		const hint = 'create one with: dsmn-resync lab create /tmp/x';
		expect(cannotOpenTarget('/tmp/x is not a practice lab', hint, 'npm start --').lines).toEqual([
			'/tmp/x is not a practice lab',
			'create one with: npm start -- lab create /tmp/x',
		]);
		expect(cannotOpenTarget('/tmp/x is not a practice lab', hint, 'node /opt/d/dist/cli.js').lines[1]).toBe(
			'create one with: node /opt/d/dist/cli.js lab create /tmp/x',
		);
		expect(cannotOpenTarget('/tmp/x is not a practice lab', hint).lines[1]).toBe(hint);
	});

	it('after a roll back, the folder the restored files went to is named once', () => {
		const aside = '/lab/SYNCAGNT.rolled-back-1';
		const {lines} = rolledBack(
			`11 original files back in SYNCAGNT; the 7 restored files moved to ${aside}; MSSYNC is RUNNING`,
			[`The restored files were moved to ${aside}.`, 'The journal of this run: /j'],
			[],
			again,
		);
		expect(lines.join('\n').split(aside)).toHaveLength(2);
		expect(lines).toContain('The journal of this run: /j');
	});
});
