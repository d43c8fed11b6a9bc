import {loadLab} from '../lab/state.js';
import type {Target} from '../targets/capabilities.js';
import {labTarget} from '../targets/lab/lab-target.js';
import {realTarget} from '../targets/real/real-target.js';
import type {TargetSpec} from './target-spec.js';

/** The target a spec names, checked to exist (a lab) or to be well named (a real server). */
export async function resolveTarget(spec: TargetSpec): Promise<Target> {
	if (spec.kind === 'lab') {
		await loadLab(spec.lab); // refuses a folder that is not a lab, naming it
		return labTarget(spec.lab);
	}
	return realTarget(spec);
}
