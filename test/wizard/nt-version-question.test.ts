/**
 * The wizard asks which Windows NT the server runs when a backup's verdict depends on it (a JET 200-format
 * MSSYNC.MDB) and the target cannot learn it (here --target windows: this machine is not an NT 3.51 or 4.0
 * server), then checks the backup again with the answer.
 */
import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {parseCommandLine} from '../../source/cli/parse-args.js';
import {choicesOf} from '../../source/wizard/choices.js';
import {WizardController} from '../../source/wizard/controller.js';
import {jet200File} from '../jet/jet500-file-writer.js';
import {standinServer} from '../helpers/standin-server.js';

const savedEnv = {...process.env};
afterEach(() => {
	process.env = {...savedEnv};
});

async function validationOfJet200Backup(argv: string[] = []) {
	const server = await standinServer();
	Object.assign(process.env, server.env);
	await writeFile(join(server.backup, 'MSSYNC.MDB'), jet200File());
	const command = parseCommandLine(['--target', 'windows', ...argv]);
	if (command.kind !== 'wizard') throw new Error('not the wizard');
	const controller = new WizardController(command.options, {platform: 'win32'});
	await controller.start();
	await controller.answers.inspect('continue');
	await controller.answers['ask-backup']('yes');
	await controller.answers.discover(server.backup);
	return {controller, server};
}

const labels = (c: WizardController) => choicesOf(c.getState().screen)?.items.map(i => i.value);

describe('the NT version question', {timeout: 60_000}, () => {
	it('is asked in place of "continue"; NT 4.0 refuses the backup with -1210, NT 3.51 (chosen with the keys) accepts it', async () => {
		const {controller} = await validationOfJet200Backup();
		try {
			expect(controller.getState().screen).toMatchObject({name: 'validation', report: {valid: true, needsNt: ['MSSYNC.MDB']}});
			expect(labels(controller)).toEqual(['nt-4.0', 'nt-3.51', 'back']);

			await controller.answers.validation('nt-4.0');
			const refused = controller.getState().screen;
			expect(refused).toMatchObject({name: 'validation', report: {valid: false}});
			if (refused.name !== 'validation') return;
			expect(refused.report.needsNt).toBeUndefined();
			expect(refused.report.errors.join('\n')).toMatch(/the Jet 500 engine of NT 4\.0 refuses it \(error -1210/);
			expect(labels(controller)).toEqual(['back']);
		} finally {
			await controller.dispose();
		}

		const again = await validationOfJet200Backup();
		try {
			// As the keys do it: the pointer down to NT 3.51, then Enter.
			await again.controller.dispatch({type: 'move-cursor', delta: 1});
			await again.controller.dispatch({type: 'choose'});
			expect(again.controller.getState().screen).toMatchObject({name: 'validation', report: {valid: true}});
			expect(labels(again.controller)).toEqual(['accept', 'back']);
		} finally {
			await again.controller.dispose();
		}
	});

	it('is not asked when --nt was given', async () => {
		const {controller} = await validationOfJet200Backup(['--nt', '4.0']);
		try {
			expect(controller.getState().screen).toMatchObject({name: 'validation', report: {valid: false}});
			expect(labels(controller)).toEqual(['back']);
		} finally {
			await controller.dispose();
		}
	});
});
