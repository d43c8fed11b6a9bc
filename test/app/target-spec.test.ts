/** The target a run names, parsed once into the fields its kind needs (ARCHITECTURE.md, "The command line and the front ends"). */
import {describe, expect, expectTypeOf, it} from 'vitest';
import type {WizardOptions} from '../../source/app/options.js';
import {scriptedAnswers} from '../../source/app/scripted-answers.js';
import type {TargetSpec} from '../../source/app/target-spec.js';
import {UsageError} from '../../source/errors/hinted-error.js';
import {parseCommandLine} from '../../source/cli/parse-args.js';
import {WizardController} from '../../source/wizard/controller.js';

function fromArgv(argv: string[]): WizardOptions {
	const command = parseCommandLine(argv);
	if (command.kind !== 'wizard') throw new Error(`not a run: ${command.kind}`);
	return command.options;
}

function refusal(argv: string[]): string {
	try {
		fromArgv(argv);
	} catch (error) {
		if (error instanceof UsageError) return error.message;
		throw error;
	}
	throw new Error(`not refused: ${argv.join(' ')}`);
}

describe('the target spec', () => {
	it('the lab: its folder and nothing else', () => {
		expect(fromArgv(['--lab', '/tmp/lab']).target).toEqual({kind: 'lab', lab: '/tmp/lab'});
		expect(fromArgv(['--target', 'lab', '--lab', '/tmp/lab', '--syncagnt', 'D:\\X']).target).toEqual({kind: 'lab', lab: '/tmp/lab'});
		expect(refusal(['--target', 'lab'])).toBe('--target lab needs --lab DIR');
		expect(refusal(['--lab', ' '])).toBe('--lab needs a value');
	});

	it('this Windows machine: its SYNCAGNT, servers and NT version when given', () => {
		expect(fromArgv(['--target', 'windows', '--syncagnt', 'D:\\SYNCAGNT', '--select', 'fs1', '--nt', '3.51']).target).toEqual({
			kind: 'windows',
			syncagnt: 'D:\\SYNCAGNT',
			select: ['FS1'],
			nt: '3.51',
		});
		expect(fromArgv(['--target', 'windows']).target).toEqual({kind: 'windows'});
	});

	it('a remote server: its name always, the account file when given; without a name it is refused', () => {
		expect(fromArgv(['--target', 'remote', '--host', 'NTPDC1', '--credentials-file', '/root/.smb']).target).toEqual({
			kind: 'remote',
			host: 'NTPDC1',
			credentialsFile: '/root/.smb',
		});
		expect(refusal(['--target', 'remote'])).toBe('--target remote needs --host NAME');
		expect(refusal(['--host', 'NTPDC1'])).toBe('--host goes with --target remote');
		// The type has no remote target without its host: the one check is the parser's.
		expectTypeOf<{kind: 'remote'; syncagnt: string}>().not.toExtend<TargetSpec>();
		expectTypeOf<{kind: 'remote'; host: string}>().toExtend<TargetSpec>();
		expectTypeOf<{kind: 'lab'}>().not.toExtend<TargetSpec>();
	});

	it('none named: the wizard asks (carrying --syncagnt, --credentials-file and --nt to the server chosen); a scripted run is refused, naming the flags', () => {
		const options = fromArgv(['--syncagnt', '/mnt/SYNCAGNT', '--nt', '4.0', '--flow', 'restore']);
		expect(options.target).toBeUndefined();
		expect(options.realFlags).toEqual({syncagnt: '/mnt/SYNCAGNT', nt: '4.0'});
		expect(fromArgv(['--target', 'windows', '--syncagnt', 'X']).realFlags).toEqual({});
		expect(scriptedAnswers(options).missing[0]).toBe('--lab DIR (or --target windows|remote)');
	});

	it('the options are read-only to the code that receives them', () => {
		expectTypeOf<WizardOptions['target']>().toEqualTypeOf<TargetSpec | undefined>();
		const options = fromArgv(['--lab', '/tmp/lab']);
		// @ts-expect-error the wizard derives a new target; it cannot assign the command line's
		options.target = {kind: 'lab', lab: '/elsewhere'};
	});

	it("the wizard's target is a value of its own: a host typed there leaves the options main holds as parsed", async () => {
		const options = Object.freeze(fromArgv(['--syncagnt', '/mnt/SYNCAGNT']));
		const before = structuredClone(options);
		const wizard = new WizardController(options, {platform: 'linux', seenMs: 0});
		await wizard.start();
		await wizard.answers.target('remote');
		void wizard.dispatch({type: 'type-text', text: 'NTPDC1'});
		await wizard.dispatch({type: 'submit-text'});
		// From Linux the account comes next: the remote target now has its host (and --syncagnt), in the wizard only.
		expect(wizard.getState().screen).toMatchObject({name: 'target-field', field: 'username'});
		expect(options).toEqual(before);
		expect(options.target).toBeUndefined();
		await wizard.dispose();
	});
});
