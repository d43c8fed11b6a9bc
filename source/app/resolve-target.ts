import {UsageError} from '../errors/hinted-error.js';
import {loadLab} from '../lab/state.js';
import type {Target} from '../targets/capabilities.js';
import {labTarget} from '../targets/lab/lab-target.js';
import {realTarget} from '../targets/real/real-target.js';
import type {WizardOptions} from './options.js';
import {targetSpecOf} from './target-spec.js';

/** The target the options name, checked to exist (a lab) or to be well named (a real server). */
export async function resolveTarget(options: WizardOptions): Promise<Target> {
	const {spec, missing} = targetSpecOf(options);
	if (!spec) throw new UsageError(`no target is named: give ${missing}`, 'for example: dsmn-resync --lab ./practice-lab');
	if (spec.kind === 'lab') {
		await loadLab(spec.lab); // refuses a folder that is not a lab, naming it
		return labTarget(spec.lab);
	}
	return realTarget(spec);
}
