import {UsageError} from '../errors/hinted-error.js';
import type {PasswordPolicy, WizardOptions} from './options.js';
import {TARGET_FLAG, type TargetSpec} from './target-spec.js';

/**
 * What a run without a terminal was told to do, typed (ARCHITECTURE.md, "The command line and the front
 * ends"): every question of the wizard answered on the command line, each flow with the fields it needs,
 * so that the scripted runner never re-checks an optional flag.
 */
export type ScriptedAnswers =
	| {intent: 'resume'}
	| {intent: 'rollback'}
	| {intent: 'restore'; backup: string; pdc: 'same' | 'new'; synchronize: 'normal' | 'full'}
	/** MSSYNC will not start: dsmpack /r first (KB Q197852), a run of its own. */
	| {intent: 'repair'}
	| {
			intent: 'reconstruct';
			/** The servers named with --select; undefined: those with a red X. */
			select: string[] | undefined;
			restoreBindery: string[];
			/** The lab's reconstruct sets the passwords itself: how, and where the list goes. On a real server the admin does (a manual step). */
			passwords: {policy: PasswordPolicy; file: string} | undefined;
			/** A Supervisor (or equivalent) login on each server (`--supervisor`): "no" ends the run before anything changes, as in the wizard. */
			supervisor: 'yes' | 'no';
	  };

/** A run without a terminal: its target and its typed answers. */
export type ScriptedRun = {target: TargetSpec; answers: ScriptedAnswers};

/** The typed answers and their target, or the flags still missing (each as --help names it). */
export function scriptedAnswers(options: WizardOptions): {run: ScriptedRun; missing: []} | {run: undefined; missing: string[]} {
	const missing: string[] = [];
	const {target} = options;
	if (!target) missing.push(TARGET_FLAG);
	if (options.resume || options.rollback)
		return target && !missing.length
			? {run: {target, answers: options.rollback ? {intent: 'rollback'} : {intent: 'resume'}}, missing: []}
			: {run: undefined, missing};
	let answers: ScriptedAnswers | undefined;
	if (options.repair) {
		if (options.flow)
			throw new UsageError(`--repair dsmpack is a run of its own: leave out --flow ${options.flow}`, 'restore after it only if MSSYNC still will not start');
		answers = {intent: 'repair'};
	} else if (!options.flow) {
		missing.push('--flow restore|reconstruct');
	} else if (options.flow === 'restore') {
		const {backup, pdc, synchronize} = options;
		if (!backup) missing.push('--backup DIR');
		if (!pdc) missing.push('--pdc same|new');
		if (!synchronize) missing.push('--synchronize normal|full');
		if (backup && pdc && synchronize) answers = {intent: 'restore', backup, pdc, synchronize};
	} else {
		const {passwordPolicy: policy, passwordsFile: file, supervisor} = options;
		// On a real server the admin sets the passwords by hand (a manual step): no policy, no file.
		if (target?.kind === 'lab') {
			if (!policy) missing.push('--password-policy random|initial');
			if (!file) missing.push('--passwords-file PATH');
		}
		if (!supervisor) missing.push('--supervisor yes|no');
		answers = supervisor && {
			intent: 'reconstruct',
			select: options.select,
			restoreBindery: options.restoreBindery ?? [],
			passwords: policy && file ? {policy, file} : undefined,
			supervisor,
		};
	}
	if (!options.yes) missing.push('--yes');
	return target && answers && missing.length === 0 ? {run: {target, answers}, missing: []} : {run: undefined, missing};
}

/** The flags a run without a terminal still needs: empty when the run can go to the end unattended. */
export function missingAnswers(options: WizardOptions): string[] {
	return scriptedAnswers(options).missing;
}
