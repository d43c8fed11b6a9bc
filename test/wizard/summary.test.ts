import {describe, expect, it} from 'vitest';
import {EXIT} from '../../source/errors/exit-codes.js';
import {finishedInLab, finishedOnRealServer, left, leavingNote, rollbackConfirmation, stillRedLines} from '../../source/wizard/summary.js';

const where = ['Journal: /var/lib/dsmn-resync/run.jsonl'];

describe("the wizard's summaries (pure wording)", () => {
	it('says which servers stay red and why: those the run did not reconstruct need a run of their own', () => {
		const result = {flow: 'reconstruct', servers: ['FS1', 'FS2']} as const;
		const lines = stillRedLines(result, ['FS2', 'FS3'], true);
		expect(lines[0]).toMatch(/^Still red: FS2 \(did not synchronize\)\./);
		expect(lines[1]).toBe('FS3 was not reconstructed in this run: start dsmn-resync again and choose it.');
		const summary = finishedInLab(result, ['FS2', 'FS3'], true, where);
		expect(summary).toMatchObject({title: 'Done, but FS2, FS3 still show a red X', ok: false, exit: EXIT.failed});
		expect(summary.lines.at(-1)).toBe(where[0]);
		expect(finishedInLab(result, [], false, where)).toMatchObject({title: 'Done: every server shows a blue check', ok: true, exit: EXIT.ok});
	});

	it('on a real server claims only what the admin saw: unticked servers are named, not called green', () => {
		const result = {flow: 'restore', backup: '/backups/SYNCAGNT', syncagnt: '//NTPDC1/ADMIN$/SYSTEM32/SYNCAGNT'} as const;
		const unticked = finishedOnRealServer(result, ['FS2', 'FS3'], where);
		expect(unticked.title).toBe('Done, but FS2, FS3 were not seen with a blue check');
		expect(unticked.exit).toBe(EXIT.failed);
		expect(unticked.lines[0]).toBe('The backup from /backups/SYNCAGNT is in //NTPDC1/ADMIN$/SYSTEM32/SYNCAGNT, verified by SHA-256.');
		expect(finishedOnRealServer(result, [], where)).toMatchObject({title: 'Done: every step is finished', ok: true});
	});

	it('says what leaving means before it happens, and where things are after', () => {
		expect(leavingNote(true, true, true)).toMatch(/^A step is running: it will finish to a safe point first/);
		expect(leavingNote(false, true, false)).toBe('Everything done so far is in the journal: start again on this target to resume.');
		expect(leavingNote(false, false, true)).toBe('Nothing has been changed on the target.');
		expect(left({kind: 'run', canRollback: true, where})).toMatchObject({title: 'Left at a safe point', exit: EXIT.interrupted});
		expect(left({kind: 'nothing'}).lines).toEqual(['Nothing was changed.']);
	});

	it('the roll back confirmation names the snapshot and how MSSYNC is left', () => {
		const screen = rollbackConfirmation('/w/SYNCAGNT.before-restore-1', 'STOPPED');
		expect(screen).toMatchObject({name: 'confirm', step: 'rollback'});
		if (screen.name !== 'confirm') return;
		expect(screen.changes.join(' ')).toContain('from /w/SYNCAGNT.before-restore-1');
		expect(screen.changes.at(-1)).toBe('and leaves MSSYNC stopped, as it was found.');
	});
});
