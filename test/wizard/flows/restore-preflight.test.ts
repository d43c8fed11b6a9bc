/**
 * The wizard runs the restore's preflight with the bytes the copy needs, as a scripted run does, before
 * anything changes (ARCHITECTURE.md, "Use cases"): on a disk too small for the backup it refuses on the
 * validated backup, before MSSYNC is stopped, and Esc leads back to choose another backup.
 */
import {cp, open, readdir, rm} from 'node:fs/promises';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {isStaleInLiveFolder} from '../../../source/backup/classify.js';
import {parseCommandLine} from '../../../source/cli/parse-args.js';
import {createLab} from '../../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../../source/lab/options.js';
import {labTarget} from '../../../source/targets/lab/lab-target.js';
import {WizardController} from '../../../source/wizard/controller.js';
import {hashFolder} from '../../helpers/hash-folder.js';
import {mountSmallDisk, type SmallDisk} from '../../helpers/small-disk.js';

let disk: SmallDisk;
beforeAll(async () => {
	disk = await mountSmallDisk(20, 'dsmn-wizard-preflight-');
});
afterAll(async () => disk.unmount());

/** A lab on the 20 MiB disk whose backup, on another disk, holds a 40 MiB MSSYNC.MDB. */
async function labWithBigBackup(mountPoint: string) {
	const lab = join(mountPoint, 'lab');
	await createLab(lab, {...LAB_DEFAULTS, pace: 0});
	const backup = join(disk.scratch, 'backup');
	await cp(join(lab, 'backup'), backup, {recursive: true});
	await rm(join(lab, 'backup'), {recursive: true});
	const handle = await open(join(backup, 'MSSYNC.MDB'), 'r+');
	await handle.truncate(40 * 1024 * 1024);
	await handle.close();
	return {lab, backup, syncagnt: join(lab, 'SystemRoot', 'SYSTEM32', 'SYNCAGNT')};
}

function wizardOn(lab: string): WizardController {
	const command = parseCommandLine(['--lab', lab]);
	if (command.kind !== 'wizard') throw new Error('not the wizard');
	return new WizardController(command.options, {platform: 'linux'});
}

describe('the wizard on a disk too small for the backup', () => {
	it('refuses on the validated backup, before MSSYNC is stopped and before any journal, saying how much is free and needed', async ({skip}) => {
		if (!disk.mountPoint) return skip();
		const {lab, backup, syncagnt} = await labWithBigBackup(disk.mountPoint);
		const originals = await hashFolder(syncagnt, isStaleInLiveFolder);
		const controller = wizardOn(lab);
		try {
			await controller.start();
			expect(controller.getState().screen).toMatchObject({name: 'inspect', checks: []});
			await controller.answers.inspect('continue');
			await controller.answers['ask-backup']('yes');
			await controller.answers.discover(backup);
			expect(controller.getState().screen).toMatchObject({name: 'validation', report: {valid: true}});
			await controller.answers.validation('accept');
			await controller.answers.situation('normal');

			expect(controller.getState().screen).toMatchObject({
				name: 'summary',
				ok: false,
				exit: 1,
				title: expect.stringContaining('nothing was changed'),
				lines: expect.arrayContaining([
					expect.stringMatching(/^[\d.]+ MiB free, 4\d\.\d MiB needed for the copy: [\d.]+ MiB short$/),
					expect.stringContaining('free some space'),
				]),
			});
			// Nothing began: MSSYNC runs, SYNCAGNT is as it was, no run was journaled.
			const service = await labTarget(lab).service.query();
			expect(service).toMatchObject({ok: true, state: 'RUNNING'});
			expect(await hashFolder(syncagnt, isStaleInLiveFolder)).toEqual(originals);
			expect(await readdir(join(lab, 'journal')).catch(() => [])).toEqual([]);

			// Esc goes back to the validated backup, to choose another.
			expect(controller.canGoBack()).toBe(true);
			await controller.dispatch({type: 'back'});
			expect(controller.getState().screen).toMatchObject({name: 'validation'});
		} finally {
			await controller.dispose();
		}
	});
});
