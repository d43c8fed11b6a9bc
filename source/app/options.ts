/**
 * The answers of a wizard or scripted run: what the command line gave, and what the wizard asked for the
 * rest. The front ends fill it; the application layer and the runs read it (ARCHITECTURE.md, "Layers").
 */
import type {TargetKind} from '../targets/capabilities.js';

type Flow = 'restore' | 'reconstruct';
export type PasswordPolicy = 'random' | 'initial';

export type WizardOptions = {
	target?: TargetKind;
	lab?: string;
	host?: string;
	syncagnt?: string;
	credentialsFile?: string;
	/** The account was typed in the wizard (its file is the wizard's own, temporary): advice says so. */
	credentialsTyped?: boolean;
	flow?: Flow;
	backup?: string;
	select?: string[];
	/** Reconstruct: the chosen servers whose bindery is restored from NET$*.OLD first. */
	restoreBindery?: string[];
	passwordPolicy?: PasswordPolicy;
	passwordsFile?: string;
	passwordEnv?: string;
	yes: boolean;
	json: boolean;
	resume: boolean;
	rollback: boolean;
	ascii: boolean;
};
