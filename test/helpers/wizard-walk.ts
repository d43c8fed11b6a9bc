/**
 * The wizard's controller on a practice lab, and the walk most wizard tests begin with: from the first look to
 * the first confirmation of a restore. Driven as the front end drives it, through `dispatch` and the `answers`
 * map (ARCHITECTURE.md, "The wizard"). Shared by the controller's tests and the rendered App's.
 */
import {join} from 'node:path';
import type {WizardOptions} from '../../source/app/options.js';
import {parseCommandLine} from '../../source/cli/parse-args.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS, type LabOptions} from '../../source/lab/options.js';
import {WizardController} from '../../source/wizard/controller.js';
import {tempDir} from './run-cli.js';

/** The wizard's options as its command line gives them. */
export function wizardOptions(argv: string[]): WizardOptions {
	const command = parseCommandLine(argv);
	if (command.kind !== 'wizard') throw new Error('not the wizard');
	return command.options;
}

export type ControllerSettings = ConstructorParameters<typeof WizardController>[1];

/** A practice lab made in-process (pace 0, and `lab`'s options): its folder. */
export async function makeLab(lab: Partial<LabOptions> = {}): Promise<string> {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0, ...lab});
	return dir;
}

/** A controller on the lab in `dir` (`--lab DIR`, no progress throttle, and `settings`), not yet started: a test that renders the App mounts it first. */
export function controllerOnLab(dir: string, settings: ControllerSettings = {}): WizardController {
	return new WizardController(wizardOptions(['--lab', dir]), {progressIntervalMs: 0, ...settings});
}

/** A new practice lab and a controller on it, started: on its first screen. */
export async function labController(lab: Partial<LabOptions> = {}, settings: ControllerSettings = {}): Promise<{dir: string; controller: WizardController}> {
	const dir = await makeLab(lab);
	const controller = controllerOnLab(dir, settings);
	await controller.start();
	return {dir, controller};
}

/**
 * From the first look to the first confirmation of a restore: Continue, "Yes" to a backup, the lab's backup
 * folder as offered, its report accepted, a normal synchronize, then Begin. The controller is left on the
 * confirmation of Stop MSSYNC (where MSSYNC runs).
 */
export async function toFirstConfirmation(controller: WizardController): Promise<void> {
	void controller.answers.inspect('continue');
	await controller.answers['ask-backup']('yes');
	await controller.dispatch({type: 'submit-text'});
	await controller.answers.validation('accept');
	await controller.answers.situation('normal');
	await controller.answers.plan('begin');
}

/**
 * From the confirmation of Stop MSSYNC to the confirmation of the synchronize: Stop MSSYNC, the move aside,
 * RESTORE typed for the copy, and Start MSSYNC, each confirmed.
 */
export async function toSynchronizeConfirmation(controller: WizardController): Promise<void> {
	await controller.dispatch({type: 'confirm'}); // Stop MSSYNC
	await controller.dispatch({type: 'confirm'}); // Move aside
	void controller.dispatch({type: 'type-text', text: 'RESTORE'});
	await controller.dispatch({type: 'submit-text'}); // Copy
	await controller.dispatch({type: 'confirm'}); // Start MSSYNC
}
