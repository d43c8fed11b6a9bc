/** The command line (ARCHITECTURE.md, "The command line and the front ends") → a typed command. Pure: no I/O, no Ink. */
import {parseArgs, type ParseArgsConfig} from 'node:util';
import {LAB_DEFAULTS, LAB_LIMITS, labFaults, type LabFault, type LabOptions} from '../lab/options.js';
import {parseNetWareVersions, type NetWareVersion} from '../procedure/netware-versions.js';
import type {RealTargetFlags, WizardOptions} from '../app/options.js';
import type {TargetSpec} from '../app/target-spec.js';
import {UsageError} from '../errors/hinted-error.js';
import {asksForHelp} from './global-flags.js';

export type Command =
	| {kind: 'help'}
	| {kind: 'version'}
	| {kind: 'wizard'; options: WizardOptions}
	| {kind: 'check'; dir: string; json: boolean; nt?: '3.51' | '4.0' | undefined}
	| {kind: 'lab-create'; dir: string; options: LabOptions}
	| {kind: 'lab-status'; dir: string; json: boolean}
	| {kind: 'lab-reachability'; dir: string; server: string; online: boolean}
	/** `lab allow4x DIR`: Allow4X set on the lab's PDC and the PDC restarted, as the admin would (KB Q145589). */
	| {kind: 'lab-allow4x'; dir: string}
	| {kind: 'lab-sync'; dir: string; json: boolean; full: boolean}
	/** `lab dsmpack DIR`: dsmpack /r in the lab's SYNCAGNT (after lab create --wont-start). */
	| {kind: 'lab-dsmpack'; dir: string}
	/** `lab dsmdump DIR` and `lab dsmchk DIR -d DOMAIN -u USER [-n SERVER]`: the optional check after a restore or a repair. */
	| {kind: 'lab-dsmdump'; dir: string}
	| {kind: 'lab-command'; program: 'net' | 'sc'; dir: string; args: string[]}
	| {kind: 'lab-dsmchk'; dir: string; domain: string; user: string; server?: string}
	/** `lab fault DIR KIND|clear`: stage a failure of MSSYNC's control for practice (undefined = clear). */
	| {kind: 'lab-fault'; dir: string; fault: LabFault | undefined};

type Options = NonNullable<ParseArgsConfig['options']>;

const WIZARD_OPTIONS = {
	lab: {type: 'string'},
	target: {type: 'string'},
	host: {type: 'string'},
	syncagnt: {type: 'string'},
	'credentials-file': {type: 'string'},
	flow: {type: 'string'},
	backup: {type: 'string'},
	select: {type: 'string'},
	'restore-bindery': {type: 'string'},
	netware: {type: 'string'},
	supervisor: {type: 'string'},
	synchronize: {type: 'string'},
	pdc: {type: 'string'},
	repair: {type: 'string'},
	'password-policy': {type: 'string'},
	'passwords-file': {type: 'string'},
	'password-env': {type: 'string'},
	yes: {type: 'boolean', short: 'y'},
	json: {type: 'boolean'},
	resume: {type: 'boolean'},
	rollback: {type: 'boolean'},
	'break-lock': {type: 'boolean'},
	nt: {type: 'string'},
} as const satisfies Options;

function parse<O extends Options>(args: string[], options: O, where: string) {
	try {
		return parseArgs({args, options, allowPositionals: true, strict: true});
	} catch (error) {
		const message = (error as Error).message;
		const unknown = /Unknown option '([^']+)'/.exec(message);
		if (unknown) throw new UsageError(`unknown option ${unknown[1]}${where ? ` for ${where}` : ''}`);
		const missing = /Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument missing/.exec(message);
		if (missing) throw new UsageError(`${missing[1]} needs a value`);
		const positional = /Unexpected argument '([^']+)'/.exec(message);
		if (positional) throw new UsageError(`unexpected argument ${positional[1]}`);
		throw new UsageError(message.split('\n')[0] ?? message);
	}
}

function wholeNumber(flag: string, value: string | undefined, fallback: number, range: {min: number; max: number}): number {
	if (value === undefined) return fallback;
	if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number, not "${value}"`, `for example: ${flag} ${fallback}`);
	const number = Number(value);
	if (number < range.min || number > range.max) throw new UsageError(`${flag} must be between ${range.min} and ${range.max}, not ${value}`);
	return number;
}

function oneOf<T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T | undefined {
	if (value === undefined) return undefined;
	if (!(choices as readonly string[]).includes(value)) throw new UsageError(`${flag} must be ${choices.join(' or ')}, not "${value}"`);
	return value as T;
}

/** A flag's value given: refused when blank. */
function required(flag: string, value: string): string {
	if (value.trim() === '') throw new UsageError(`${flag} needs a value`);
	return value;
}

/** A flag's value given: one of its choices, else a usage error. */
function oneOfGiven<T extends string>(flag: string, value: string, choices: readonly T[]): T {
	const chosen = oneOf(flag, value, choices);
	if (chosen === undefined) throw new UsageError(`${flag} needs a value`);
	return chosen;
}

function onlyDir(positionals: string[], what: string): string {
	const [dir, ...more] = positionals;
	if (dir === undefined) throw new UsageError(`${what} needs a folder`, `for example: dsmn-resync ${what} ./practice-lab${what === 'check' ? '/backup' : ''}`);
	if (more.length > 0) throw new UsageError(`${what} takes one folder, not ${positionals.length} (${positionals.join(' ')})`);
	return dir;
}

function parseWizard(args: string[]): Command {
	const {values, positionals} = parse(args, WIZARD_OPTIONS, '');
	if (positionals.length > 0)
		throw new UsageError(
			`unknown command ${positionals[0]}`,
			`commands: check, ${LAB_SUBCOMMANDS.map(verb => `lab ${verb}`).join(', ')}; see: dsmn-resync --help`,
		);
	const kind = oneOf('--target', values.target, ['lab', 'windows', 'remote'] as const) ?? (values.lab !== undefined ? 'lab' : undefined);
	if (values.lab !== undefined && kind !== 'lab') throw new UsageError(`--lab goes with the practice lab, not --target ${kind ?? ''}`);
	if (values.host !== undefined && kind !== 'remote') throw new UsageError('--host goes with --target remote');
	if (values.resume && values.rollback) throw new UsageError('--resume and --rollback exclude each other: choose one');
	const select = serverList('--select', values.select);
	const restoreBindery = serverList('--restore-bindery', values['restore-bindery']);
	const realFlags: RealTargetFlags = {
		...(values.syncagnt ? {syncagnt: required('--syncagnt', values.syncagnt)} : {}),
		...(values['credentials-file'] ? {credentialsFile: values['credentials-file']} : {}),
		...(values.nt !== undefined ? {nt: oneOfGiven('--nt', values.nt, ['3.51', '4.0'] as const)} : {}),
	};
	const flow = values.flow ? oneOfGiven('--flow', values.flow, ['restore', 'reconstruct'] as const) : undefined;
	const synchronize = values.synchronize ? oneOfGiven('--synchronize', values.synchronize, ['normal', 'full'] as const) : undefined;
	const pdc = values.pdc !== undefined ? oneOfGiven('--pdc', values.pdc, ['same', 'new'] as const) : undefined;
	const repair = values.repair !== undefined ? oneOfGiven('--repair', values.repair, ['dsmpack'] as const) : undefined;
	const supervisor = values.supervisor !== undefined ? oneOfGiven('--supervisor', values.supervisor, ['yes', 'no'] as const) : undefined;
	const passwordPolicy = values['password-policy'] ? oneOfGiven('--password-policy', values['password-policy'], ['random', 'initial'] as const) : undefined;
	return {
		kind: 'wizard',
		options: {
			target: targetSpec(kind, values.lab, values.host, realFlags, select),
			// Named with the target, the real server's flags are in its spec; named alone, the wizard carries them to the target chosen.
			realFlags: kind ? {} : realFlags,
			...(flow ? {flow} : {}),
			...(values.backup !== undefined ? {backup: required('--backup', values.backup)} : {}),
			...(select ? {select} : {}),
			...(restoreBindery ? {restoreBindery} : {}),
			...(values.netware !== undefined ? {netware: netwareVersions(values.netware)} : {}),
			...(supervisor ? {supervisor} : {}),
			...(synchronize ? {synchronize} : {}),
			...(pdc ? {pdc} : {}),
			...(repair ? {repair} : {}),
			...(passwordPolicy ? {passwordPolicy} : {}),
			...(values['passwords-file'] !== undefined ? {passwordsFile: required('--passwords-file', values['passwords-file'])} : {}),
			...(values['password-env'] !== undefined ? {passwordEnv: required('--password-env', values['password-env'])} : {}),
			yes: values.yes ?? false,
			json: values.json ?? false,
			resume: values.resume ?? false,
			rollback: values.rollback ?? false,
			breakLock: values['break-lock'] ?? false,
		},
	};
}

/** The target the flags name, with exactly what its kind needs; a kind without it is a usage error. */
function targetSpec(
	kind: TargetSpec['kind'] | undefined,
	lab: string | undefined,
	host: string | undefined,
	real: RealTargetFlags,
	select: string[] | undefined,
): TargetSpec | undefined {
	switch (kind) {
		case undefined:
			return undefined;
		case 'lab':
			if (lab === undefined) throw new UsageError('--target lab needs --lab DIR', 'for example: --lab ./practice-lab');
			return {kind: 'lab', lab: required('--lab', lab)};
		case 'windows':
			return {kind: 'windows', ...real, ...(select ? {select} : {})};
		case 'remote':
			if (!host) throw new UsageError('--target remote needs --host NAME', 'for example: --target remote --host NTPDC1');
			return {kind: 'remote', host, ...real, ...(select ? {select} : {})};
	}
}

/** "fs1, FS2" → ["FS1", "FS2"]; a flag given with no name is a usage error. */
function serverList(flag: string, value: string | undefined): string[] | undefined {
	if (value === undefined) return undefined;
	const names = [
		...new Set(
			value
				.split(',')
				.map(s => s.trim().toUpperCase())
				.filter(Boolean),
		),
	];
	if (names.length === 0) throw new UsageError(`${flag} needs server names, for example: ${flag} FS1,FS2`);
	return names;
}

/** `--netware FS1=3.x,FS2=4.x`. */
function netwareVersions(text: string): Record<string, NetWareVersion> {
	const parsed = parseNetWareVersions(text);
	if (!parsed.ok) throw new UsageError(`--netware: ${parsed.reason}`, 'for example: --netware FS2=4.x');
	return parsed.versions;
}

/** Every `lab` subcommand parseLab takes: the hints name them all (test/cli/parse-args.test.ts holds them to --help). */
export const LAB_SUBCOMMANDS = ['create', 'status', 'sync', 'dsmdump', 'dsmchk', 'dsmpack', 'allow4x', 'offline', 'online', 'fault', 'net', 'sc'] as const;

function parseLab(args: string[]): Command {
	const [verb, ...rest] = args;
	if (verb === 'create') {
		const {values, positionals} = parse(
			rest,
			{
				servers: {type: 'string'},
				accounts: {type: 'string'},
				'no-backup': {type: 'boolean'},
				offline: {type: 'string', multiple: true},
				pace: {type: 'string'},
				seed: {type: 'string'},
				'db-pages': {type: 'string'},
				'backup-age': {type: 'string'},
				'change-log-size': {type: 'string'},
				'wont-start': {type: 'boolean'},
				'new-pdc': {type: 'boolean'},
				netware: {type: 'string'},
				synchronize: {type: 'string'},
				allow4x: {type: 'boolean'},
				nt: {type: 'string'},
				role: {type: 'string'},
			},
			'lab create',
		);
		const dir = onlyDir(positionals, 'lab create');
		const offline = (values.offline ?? [])
			.flatMap(v => v.split(','))
			.map(v => v.trim().toUpperCase())
			.filter(Boolean);
		return {
			kind: 'lab-create',
			dir,
			options: {
				servers: wholeNumber('--servers', values.servers, LAB_DEFAULTS.servers, LAB_LIMITS.servers),
				accounts: wholeNumber('--accounts', values.accounts, LAB_DEFAULTS.accounts, LAB_LIMITS.accounts),
				backup: !values['no-backup'],
				offline,
				pace: wholeNumber('--pace', values.pace, LAB_DEFAULTS.pace, LAB_LIMITS.pace),
				seed: wholeNumber('--seed', values.seed, LAB_DEFAULTS.seed, {min: 0, max: 2 ** 32 - 1}),
				...(values['db-pages'] === undefined ? {} : {dbPages: wholeNumber('--db-pages', values['db-pages'], LAB_LIMITS.dbPages.min, LAB_LIMITS.dbPages)}),
				...(values['backup-age'] === undefined ? {} : {backupAgeDays: wholeNumber('--backup-age', values['backup-age'], 0, LAB_LIMITS.backupAgeDays)}),
				...(values['change-log-size'] === undefined
					? {}
					: {changeLogSize: wholeNumber('--change-log-size', values['change-log-size'], 0, LAB_LIMITS.changeLogSize)}),
				...(values['wont-start'] ? {wontStart: true} : {}),
				...(values['new-pdc'] ? {newPdc: true} : {}),
				...(values.netware === undefined ? {} : {netware: netwareVersions(values.netware)}),
				...(values.allow4x ? {allow4x: true} : {}),
				...(values.nt !== undefined ? {nt: oneOfGiven('--nt', values.nt, ['3.51', '4.0'] as const)} : {}),
				...(values.role !== undefined ? {role: oneOfGiven('--role', values.role, ['pdc', 'bdc'] as const)} : {}),
			},
		};
	}
	if (verb === 'status') {
		const {values, positionals} = parse(rest, {json: {type: 'boolean'}}, 'lab status');
		return {kind: 'lab-status', dir: onlyDir(positionals, 'lab status'), json: values.json ?? false};
	}
	if (verb === 'online' || verb === 'offline') {
		const {positionals} = parse(rest, {}, `lab ${verb}`);
		const [dir, server] = positionals;
		if (positionals.length !== 2 || dir === undefined || server === undefined)
			throw new UsageError(`lab ${verb} takes a lab folder and a server name`, `for example: dsmn-resync lab ${verb} ./lab FS3`);
		return {kind: 'lab-reachability', dir, server: server.toUpperCase(), online: verb === 'online'};
	}
	if (verb === 'allow4x') {
		const {positionals} = parse(rest, {}, 'lab allow4x');
		return {kind: 'lab-allow4x', dir: onlyDir(positionals, 'lab allow4x')};
	}
	if (verb === 'dsmpack') {
		const {positionals} = parse(rest, {}, 'lab dsmpack');
		return {kind: 'lab-dsmpack', dir: onlyDir(positionals, 'lab dsmpack')};
	}
	if (verb === 'dsmdump') {
		const {positionals} = parse(rest, {}, 'lab dsmdump');
		return {kind: 'lab-dsmdump', dir: onlyDir(positionals, 'lab dsmdump')};
	}
	if (verb === 'dsmchk') {
		const {values, positionals} = parse(rest, {d: {type: 'string'}, u: {type: 'string'}, n: {type: 'string'}}, 'lab dsmchk');
		if (!values.d || !values.u)
			throw new UsageError('lab dsmchk needs -d DOMAIN and -u USER', 'for example: dsmn-resync lab dsmchk ./lab -d LAB -u JSMITH -n FS1');
		return {kind: 'lab-dsmchk', dir: onlyDir(positionals, 'lab dsmchk'), domain: values.d, user: values.u, ...(values.n ? {server: values.n} : {})};
	}
	if (verb === 'net' || verb === 'sc') {
		// The lab's own net and sc, as the wizard runs them: everything after the folder is theirs, flags included.
		const [dir, ...programArgs] = rest;
		if (dir === undefined || dir.startsWith('-') || programArgs.length === 0)
			throw new UsageError(
				`lab ${verb} takes a lab folder and ${verb}'s own arguments`,
				`for example: dsmn-resync lab ${verb} ./lab ${verb === 'net' ? 'stop' : 'query'} MSSYNC`,
			);
		return {kind: 'lab-command', program: verb, dir, args: programArgs};
	}
	if (verb === 'sync') {
		const {values, positionals} = parse(rest, {json: {type: 'boolean'}, full: {type: 'boolean'}}, 'lab sync');
		return {kind: 'lab-sync', dir: onlyDir(positionals, 'lab sync'), json: values.json ?? false, full: values.full ?? false};
	}
	if (verb === 'fault') {
		const {positionals} = parse(rest, {}, 'lab fault');
		const choices = [...labFaults, 'clear'] as const;
		const [dir, named] = positionals;
		if (positionals.length !== 2 || dir === undefined || named === undefined)
			throw new UsageError('lab fault takes a lab folder and a fault', `for example: dsmn-resync lab fault ./lab stop-refused (faults: ${choices.join(', ')})`);
		const fault = oneOfGiven('lab fault', named, choices);
		return {kind: 'lab-fault', dir, fault: fault === 'clear' ? undefined : fault};
	}
	if (verb === undefined) throw new UsageError(`lab needs a subcommand: ${LAB_SUBCOMMANDS.join(', ')}`, 'for example: dsmn-resync lab create ./practice-lab');
	throw new UsageError(`unknown lab subcommand ${verb}`, `lab subcommands: ${LAB_SUBCOMMANDS.join(', ')}`);
}

/** The command; --ascii, taken by every command anywhere on the line, is read by `globalFlags` alone (cli/main.ts decides the glyphs once). */
export function parseCommandLine(allArgs: string[]): Command {
	return parseCommand(allArgs.filter(arg => arg !== '--ascii'));
}

function parseCommand(argv: string[]): Command {
	if (asksForHelp(argv)) return {kind: 'help'};
	if (argv.includes('--version') || argv.includes('-V')) return {kind: 'version'};
	const [first, ...rest] = argv;
	if (first === 'lab') return parseLab(rest);
	if (first === 'check') {
		const {values, positionals} = parse(rest, {json: {type: 'boolean'}, nt: {type: 'string'}}, 'check');
		return {kind: 'check', dir: onlyDir(positionals, 'check'), json: values.json ?? false, nt: oneOf('--nt', values.nt, ['3.51', '4.0'] as const)};
	}
	return parseWizard(argv);
}
