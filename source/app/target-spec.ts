/**
 * The target a run names, narrowed once (ARCHITECTURE.md, "The command line and the front ends"): the
 * practice lab with its folder, this Windows machine, or a remote server with its name, each kind with
 * the fields it needs, so that nothing below re-checks an optional flag. `parse-args.ts` builds it from
 * the command line (and refuses one that names a target without what it needs); the wizard builds its
 * own when the admin chooses the target (a host typed, an account written), never changing the options.
 */
import type {RealTargetSpec} from '../targets/real/real-target.js';

export type LabTargetSpec = {readonly kind: 'lab'; readonly lab: string};
export type TargetSpec = LabTargetSpec | RealTargetSpec;

/** The flag that names a target, as --help gives it: what a scripted run without one is missing. */
export const TARGET_FLAG = '--lab DIR (or --target windows|remote)';
