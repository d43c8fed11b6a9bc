/**
 * Use case: prepare a reconstruct (ARCHITECTURE.md, "Use cases"): the target's preflight for a
 * reconstruct (DSMN must be running to add each server back) before anything changes.
 */
import type {ControlOptions, Target} from '../targets/capabilities.js';
import {preflight, type Check} from '../targets/preflight.js';

export function reconstructPreflight(target: Target, options: {onCommand?: ControlOptions['onCommand']} = {}): Promise<Check[]> {
	return preflight(target, {flow: 'reconstruct', ...options});
}
