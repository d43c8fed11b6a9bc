import {UsageError} from '../errors/hinted-error.js';
import {loadLab} from '../lab/state.js';
import type {Target} from '../targets/capabilities.js';
import {labTarget} from '../targets/lab/lab-target.js';
import {realTarget} from '../targets/real/real-target.js';
import type {WizardOptions} from './options.js';

/** The target the options name, checked to exist (a lab) or to be well named (a real server). */
export async function resolveTarget(options: WizardOptions): Promise<Target> {
	if (options.target === 'lab' && options.lab) {
		await loadLab(options.lab); // refuses a folder that is not a lab, naming it
		return labTarget(options.lab);
	}
	if (options.target === 'lab') throw new UsageError('--target lab needs --lab DIR', 'for example: dsmn-resync --lab ./practice-lab');
	return realTarget(options);
}
