/**
 * The answers of a wizard or scripted run, as the command line gave them, parsed once (ARCHITECTURE.md,
 * "The command line and the front ends"): the target a discriminated spec, each flag typed. Read-only:
 * the wizard derives its own values from them (the target it is told about), it never changes them.
 */
import type {NetWareVersion} from '../procedure/reconstruct-texts.js';
import type {NtVersion} from '../backup/header-findings.js';
import type {TargetSpec} from './target-spec.js';

type Flow = 'restore' | 'reconstruct';
export type PasswordPolicy = 'random' | 'initial';

/**
 * What the command line says of a real server when it names none (`--syncagnt`, `--credentials-file`,
 * `--nt` without `--target`): the wizard carries them into the target the admin then chooses.
 */
export type RealTargetFlags = {
	readonly syncagnt?: string;
	readonly credentialsFile?: string;
	readonly nt?: NtVersion;
};

export type WizardOptions = {
	/** The target named on the command line, with what its kind needs; undefined: none (the wizard asks, a scripted run refuses). */
	readonly target: TargetSpec | undefined;
	/** Where no target is named: what a real server chosen in the wizard starts with. */
	readonly realFlags: RealTargetFlags;
	readonly flow?: Flow;
	readonly backup?: string;
	readonly select?: string[];
	/** Reconstruct: the chosen servers whose bindery is restored from NET$*.OLD first. */
	readonly restoreBindery?: string[];
	/** Restore: on the PDC that ran DSMN (same, KB Q148678) or on a promoted BDC with DSMN newly installed (new, KB Q154761) (`--pdc same|new`). */
	readonly pdc?: 'same' | 'new';
	/** MSSYNC will not start after a crash: repair the database with dsmpack /r (KB Q197852) instead of restoring (`--repair dsmpack`). */
	readonly repair?: 'dsmpack';
	/** Restore: "Synchronize all servers" or "Fully synchronize all servers" at the end (`--synchronize normal|full`). */
	readonly synchronize?: 'normal' | 'full';
	/** Reconstruct: each server's NetWare version where it is not 3.x (`--netware FS2=4.x`). */
	readonly netware?: Readonly<Record<string, NetWareVersion>>;
	/** Reconstruct: whether the admin has a NetWare Supervisor (or equivalent) login on each chosen server (`--supervisor yes|no`; KB Q183684). */
	readonly supervisor?: 'yes' | 'no';
	readonly passwordPolicy?: PasswordPolicy;
	readonly passwordsFile?: string;
	readonly passwordEnv?: string;
	readonly yes: boolean;
	readonly json: boolean;
	readonly resume: boolean;
	readonly rollback: boolean;
	/** Break the server's writer lock when its holder is believed gone (said why; journaled). */
	readonly breakLock: boolean;
};
