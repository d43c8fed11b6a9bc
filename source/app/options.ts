/**
 * The answers of a wizard or scripted run: what the command line gave, and what the wizard asked for the
 * rest. The front ends fill it; the application layer and the runs read it (ARCHITECTURE.md, "Layers").
 */
import type {NetWareVersion} from '../procedure/reconstruct-texts.js';
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
	/** Restore: on the PDC that ran DSMN (same, KB Q148678) or on a promoted BDC with DSMN newly installed (new, KB Q154761) (`--pdc same|new`). */
	pdc?: 'same' | 'new';
	/** MSSYNC will not start after a crash: repair the database with dsmpack /r (KB Q197852) instead of restoring (`--repair dsmpack`). */
	repair?: 'dsmpack';
	/** Restore: "Synchronize all servers" or "Fully synchronize all servers" at the end (`--synchronize normal|full`). */
	synchronize?: 'normal' | 'full';
	/** Reconstruct: each server's NetWare version where it is not 3.x (`--netware FS2=4.x`). */
	netware?: Record<string, NetWareVersion>;
	passwordPolicy?: PasswordPolicy;
	passwordsFile?: string;
	passwordEnv?: string;
	yes: boolean;
	json: boolean;
	resume: boolean;
	rollback: boolean;
	/** Break the server's writer lock when its holder is believed gone (said why; journaled). */
	breakLock?: boolean;
	/** `--nt 3.51|4.0`: the server's NT version, used where the target cannot ask the server (ARCHITECTURE.md, "Targets"). */
	nt?: '3.51' | '4.0';
	ascii: boolean;
};
