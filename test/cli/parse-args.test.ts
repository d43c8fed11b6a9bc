import {describe, expect, it} from 'vitest';
import {LAB_SUBCOMMANDS, parseCommandLine} from '../../source/cli/parse-args.js';
import {HELP} from '../../source/cli/help.js';
import {missingAnswers} from '../../source/app/scripted-answers.js';

describe('the command line', () => {
	it('reads lab create with every option', () => {
		expect(
			parseCommandLine(['lab', 'create', 'L', '--servers', '3', '--accounts', '50', '--no-backup', '--offline', 'fs2', '--pace', '0', '--seed', '9']),
		).toEqual({
			kind: 'lab-create',
			dir: 'L',
			options: {servers: 3, accounts: 50, backup: false, offline: ['FS2'], pace: 0, seed: 9},
		});
	});

	it('reads check --nt and lab create --db-pages', () => {
		expect(parseCommandLine(['check', 'B', '--nt', '4.0'])).toEqual({kind: 'check', dir: 'B', json: false, nt: '4.0'});
		expect(parseCommandLine(['check', 'B'])).toEqual({kind: 'check', dir: 'B', json: false, nt: undefined});
		expect(parseCommandLine(['lab', 'create', 'L', '--db-pages', '262146'])).toMatchObject({options: {dbPages: 262146}});
	});

	it.each(['stop-refused', 'start-refused', 'stop-hangs', 'access-denied'] as const)('reads lab fault DIR %s', fault => {
		expect(parseCommandLine(['lab', 'fault', 'L', fault])).toEqual({kind: 'lab-fault', dir: 'L', fault});
	});

	it('reads lab allow4x DIR', () => {
		expect(parseCommandLine(['lab', 'allow4x', 'L'])).toEqual({kind: 'lab-allow4x', dir: 'L'});
		expect(() => parseCommandLine(['lab', 'allow4x'])).toThrow(/lab allow4x needs a folder/);
	});

	it('reads lab fault DIR clear as no fault', () => {
		expect(parseCommandLine(['lab', 'fault', 'L', 'clear'])).toEqual({kind: 'lab-fault', dir: 'L', fault: undefined});
	});

	it.each([
		[['--bogus'], /unknown option --bogus/],
		[['lab', 'create', 'L', '--servers', 'five'], /--servers takes a whole number, not "five"/],
		[['lab', 'create', 'L', '--accounts', '2001'], /between 1 and 2000/],
		[['lab', 'create', 'L', '--servers', '-1'], /--servers/],
		[['lab', 'create'], /lab create needs a folder/],
		[['lab', 'status', 'A', 'B'], /takes one folder/],
		[['lab', 'destroy', 'L'], /unknown lab subcommand destroy/],
		[['frobnicate'], /unknown command frobnicate/],
		[['--target', 'remote'], /needs --host/],
		[['--target', 'mainframe'], /--target must be lab or windows or remote/],
		[['--resume', '--rollback', '--lab', 'L'], /exclude each other/],
		[['--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup'], /--backup needs a value/],
		[['check'], /check needs a folder/],
		[['check', 'B', '--nt', '5.0'], /--nt must be 3\.51 or 4\.0, not "5\.0"/],
		[['lab', 'create', 'L', '--db-pages', '16'], /--db-pages must be between 258 and 524290, not 16/],
		[['lab', 'fault', 'L'], /lab fault takes a lab folder and a fault/],
		[
			['lab', 'fault', 'L', 'meltdown'],
			/lab fault must be stop-refused or start-refused or stop-hangs or access-denied or gateway-stopped or stop-says-2184 or clear, not "meltdown"/,
		],
		[['lab', 'fault', 'L', 'clear', 'x'], /lab fault takes a lab folder and a fault/],
	])('refuses %j with a clear reason', (argv, message) => {
		expect(() => parseCommandLine(argv)).toThrow(message);
	});

	it('gives hints that work: check is shown on a backup folder; an unknown command names every command', () => {
		const hintOf = (argv: string[]) => {
			try {
				parseCommandLine(argv);
			} catch (error) {
				return (error as {hint?: string}).hint;
			}
			return undefined;
		};
		expect(hintOf(['check'])).toBe('for example: dsmn-resync check ./practice-lab/backup');
		expect(hintOf(['chek'])).toBe(
			'commands: check, lab create, lab status, lab sync, lab dsmdump, lab dsmchk, lab dsmpack, lab allow4x, lab offline, lab online, lab fault, lab net, lab sc; see: dsmn-resync --help',
		);
	});

	it('names, in every hint about lab subcommands, each one --help shows and parseLab takes', () => {
		const inHelp = new Set([...HELP.matchAll(/dsmn-resync lab ([a-z0-9|]+)/g)].flatMap(m => (m[1] ?? '').split('|')));
		expect([...inHelp].filter(verb => !(LAB_SUBCOMMANDS as readonly string[]).includes(verb))).toEqual([]);
		for (const verb of LAB_SUBCOMMANDS) expect(() => parseCommandLine(['lab', verb])).not.toThrow(/unknown lab subcommand/);
		expect(() => parseCommandLine(['lab', 'nope'])).toThrow(/unknown lab subcommand nope/);
		expect(() => parseCommandLine(['lab'])).toThrow(`lab needs a subcommand: ${LAB_SUBCOMMANDS.join(', ')}`);
	});

	it('names every answer a scripted run still lacks', () => {
		const wizard = parseCommandLine(['--lab', 'L', '--flow', 'reconstruct']);
		expect(wizard.kind === 'wizard' && missingAnswers(wizard.options)).toEqual([
			'--password-policy random|initial',
			'--passwords-file PATH',
			'--supervisor yes|no',
			'--yes',
		]);
		const complete = parseCommandLine(['--lab', 'L', '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', 'B', '--yes']);
		expect(complete.kind === 'wizard' && missingAnswers(complete.options)).toEqual([]);
	});
});
