/**
 * The target a run names, narrowed once (ARCHITECTURE.md, "The command line and the front ends"): the
 * practice lab with its folder, this Windows machine, or a remote server with its name, each kind with
 * the fields it needs, so that nothing below re-checks an optional flag. `parse-args.ts` refuses a
 * command line that names a target without what it needs; the wizard gathers the rest (a host typed, an
 * account written); `resolveTarget` narrows the answers here, once, when the target is opened.
 */
import type {RealTargetSpec} from '../targets/real/real-target.js';
import type {WizardOptions} from './options.js';

export type TargetSpec = {kind: 'lab'; lab: string} | RealTargetSpec;

type TargetAnswers = Pick<WizardOptions, 'target' | 'lab' | 'host' | 'syncagnt' | 'credentialsFile' | 'credentialsTyped' | 'select' | 'nt'>;

/** The spec the answers name; or, when one is missing, the flag that gives it (as --help names it). */
export function targetSpecOf(options: TargetAnswers): {spec: TargetSpec; missing?: undefined} | {spec?: undefined; missing: string} {
	const {target, lab, host, syncagnt, credentialsFile, credentialsTyped, select, nt} = options;
	if (target === 'lab') return lab ? {spec: {kind: 'lab', lab}} : {missing: '--lab DIR'};
	if (target === 'windows') return {spec: {kind: 'windows', syncagnt, select, nt}};
	if (target === 'remote') return host ? {spec: {kind: 'remote', host, syncagnt, credentialsFile, credentialsTyped, select, nt}} : {missing: '--host NAME'};
	return {missing: '--lab DIR (or --target windows|remote)'};
}
