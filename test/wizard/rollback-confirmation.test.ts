/** The roll back's confirmation (issue 29): what it moves, from what the journal recorded, and MSSYNC as read now. */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {findUnfinishedRun} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths, loadLab, saveLab} from '../../source/lab/state.js';
import {NewPdcRun} from '../../source/procedure/new-pdc-run.js';
import {RestoreRun} from '../../source/procedure/restore-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {rollbackConfirmation, rollbackConfirmationOf, rolledBackRun, rollingBack} from '../../source/wizard/rollback-confirmation.js';
import {rolledBack} from '../../source/wizard/summary.js';
import {tempDir} from '../helpers/run-cli.js';

describe("the roll back's confirmation (pure wording)", () => {
	it('the roll back confirmation names the snapshot and how MSSYNC is left', () => {
		const screen = rollbackConfirmation('/w/SYNCAGNT.before-restore-1', 'STOPPED');
		expect(screen).toMatchObject({name: 'confirm', step: 'rollback'});
		if (screen.name !== 'confirm') return;
		expect(screen.changes.join(' ')).toContain('from /w/SYNCAGNT.before-restore-1');
		expect(screen.changes.at(-1)).toBe('Leaves MSSYNC stopped, as the run found it.');
	});

	it('the roll back confirmation says only what the journal holds: before the copy, no "files this run copied" (issue 29)', () => {
		const moved = rollbackConfirmation('/w/SYNCAGNT.before-restore-1', 'RUNNING', undefined, {moved: true, copied: false});
		if (moved.name !== 'confirm') throw new Error(moved.name);
		expect(moved.changes.join(' ')).not.toMatch(/files this run copied/);
		expect(moved.changes[0]).toBe('Moves the original files back from /w/SYNCAGNT.before-restore-1 (nothing was copied into SYNCAGNT yet).');
		const service = 'MSSYNC is stuck stopping (STOP_PENDING): the roll back waits up to 8 s for it to stop, then starts it again, as the run found it.';
		const none = rollbackConfirmation('/w/SYNCAGNT.before-restore-1', 'RUNNING', undefined, {moved: false, copied: false, service});
		if (none.name !== 'confirm') throw new Error(none.name);
		// Nothing moved: no "Stops MSSYNC if it runs … moves", and MSSYNC as it is now, with what the roll back does about it.
		expect(none.changes).toEqual(['Nothing had been changed on disk: the run moved and copied no file, so the roll back moves none.', service]);
	});

	it('the roll back confirmation after a copy that finished no file does not speak of "the files this run copied"; folders beside SYNCAGNT by name (issue 29)', () => {
		const screen = rollbackConfirmation('/w/SYNCAGNT.before-restore-1', 'RUNNING', undefined, {
			moved: true,
			copied: true,
			anyCopied: false,
			aside: '/w/SYNCAGNT.rolled-back-2',
			syncagnt: '/w/SYNCAGNT',
		});
		if (screen.name !== 'confirm') throw new Error(screen.name);
		expect(screen.changes.slice(0, 2)).toEqual([
			'Moves what the copy put into SYNCAGNT before it stopped, if anything, to SYNCAGNT.rolled-back-2 beside SYNCAGNT (kept); it finished no file.',
			'Moves the original files back from SYNCAGNT.before-restore-1 beside SYNCAGNT.',
		]);
		// A folder elsewhere is named by its path.
		const elsewhere = rollbackConfirmation('/x/SYNCAGNT.before-restore-1', 'RUNNING', undefined, {moved: true, copied: false, syncagnt: '/w/SYNCAGNT'});
		if (elsewhere.name !== 'confirm') throw new Error(elsewhere.name);
		expect(elsewhere.changes[0]).toBe('Moves the original files back from /x/SYNCAGNT.before-restore-1 (nothing was copied into SYNCAGNT yet).');
	});

	it('a roll back continued after the copies went aside promises only the originals (issue 29)', () => {
		const screen = rollbackConfirmation('/w/SYNCAGNT.before-restore-1', 'RUNNING', undefined, {
			moved: true,
			copied: true,
			copiesAside: true,
			syncagnt: '/w/SYNCAGNT',
		});
		if (screen.name !== 'confirm') throw new Error(screen.name);
		expect(screen.changes.join(' ')).not.toMatch(/files this run copied/);
		expect(screen.changes[0]).toBe('Moves the original files back from SYNCAGNT.before-restore-1 beside SYNCAGNT.');
	});
});

describe("the roll back's confirmation, continued after a roll back that failed", () => {
	it('with the originals back and the snapshot gone, it promises no move: the files are back, MSSYNC only (issue 29)', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 20});
		const target = labTarget(dir);
		const fast = {serviceTimeoutMs: 2000, pollIntervalMs: 20};
		const run = await RestoreRun.begin(target, labPaths(dir).backup, {timings: fast});
		for (const step of ['stop-service', 'move-aside', 'copy-backup']) expect(await run.execute(step)).toMatchObject({status: 'done'});
		await saveLab(dir, {...(await loadLab(dir)), fault: 'start-refused'});
		expect(await run.rollback()).toMatchObject({status: 'failed', message: expect.stringMatching(/^the original files are back in SYNCAGNT/)});
		run.leaveServer();
		const again = await RestoreRun.resume(target, (await findUnfinishedRun(target.journalDir))!, fast);
		const screen = rollbackConfirmationOf(again, 'STOPPED', line => line);
		if (screen.name !== 'confirm') throw new Error(screen.name);
		expect(screen.changes[0]).toMatch(
			/^The files are already back: an earlier roll back moved the original files back into SYNCAGNT and this run's copies to SYNCAGNT\.rolled-back-\S+ beside SYNCAGNT \(kept\), so this one moves none\.$/,
		);
		expect(screen.changes.join(' ')).not.toMatch(/before-restore|Moves the/);
		expect(screen.help?.why).toMatch(/^An earlier roll back of this run already put SYNCAGNT back byte for byte: this one only brings MSSYNC back/);
		again.leaveServer();
	});
});

describe("the roll back's end, titled from its run", () => {
	it('a new PDC\'s: its copies are out of SYNCAGNT\\Backup, never "SYNCAGNT is as it was" (MSSYNC may have taken its database from them); a restore\'s: SYNCAGNT as it was', async () => {
		for (const newPdc of [true, false]) {
			const dir = join(await tempDir(), 'lab');
			await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 20, newPdc});
			const options = {timings: {serviceTimeoutMs: 500, pollIntervalMs: 20}};
			const run = newPdc
				? await NewPdcRun.begin(labTarget(dir), labPaths(dir).backup, options)
				: await RestoreRun.begin(labTarget(dir), labPaths(dir).backup, options);
			expect(rolledBackRun(run)).toEqual({serviceBefore: 'RUNNING', synchronizeBegan: false, newPdc});
			expect(rolledBack('x', [], [], 'dsmn-resync --lab /tmp/lab', rolledBackRun(run)).title).toBe(
				newPdc ? "Rolled back: this run's copies are out of SYNCAGNT\\Backup" : 'Rolled back: SYNCAGNT is as it was',
			);
			// Its running screen says the same (step-help.ts words its `?`).
			expect(rollingBack(run, 0)).toEqual({
				name: 'running',
				step: 'rollback',
				title: 'Rolling back',
				progress: {kind: 'none'},
				startedAt: 0,
				...(newPdc ? {newPdc} : {}),
			});
			await run.end('nothing-changed');
		}
	});
});
