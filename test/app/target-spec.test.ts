/** The target a run names, narrowed once to the fields its kind needs (ARCHITECTURE.md, "The command line and the front ends"). */
import {describe, expect, it} from 'vitest';
import {resolveTarget} from '../../source/app/resolve-target.js';
import {targetSpecOf} from '../../source/app/target-spec.js';
import {UsageError} from '../../source/errors/hinted-error.js';
import {parseCommandLine} from '../../source/cli/parse-args.js';

function fromArgv(argv: string[]) {
	const command = parseCommandLine(argv);
	if (command.kind !== 'wizard') throw new Error(`not a run: ${command.kind}`);
	return targetSpecOf(command.options);
}

describe('targetSpecOf', () => {
	it('narrows each kind of target to the fields it needs', () => {
		expect(fromArgv(['--lab', '/tmp/lab'])).toEqual({spec: {kind: 'lab', lab: '/tmp/lab'}});
		expect(fromArgv(['--target', 'windows', '--syncagnt', 'D:\\SYNCAGNT']).spec).toMatchObject({kind: 'windows', syncagnt: 'D:\\SYNCAGNT'});
		expect(fromArgv(['--target', 'remote', '--host', 'NTPDC1', '--credentials-file', '/root/.smb']).spec).toMatchObject({
			kind: 'remote',
			host: 'NTPDC1',
			credentialsFile: '/root/.smb',
		});
	});

	it('names the flag still missing: none given, a lab without its folder, a remote server without its name (as the wizard has it before asking)', async () => {
		expect(fromArgv([])).toEqual({missing: '--lab DIR (or --target windows|remote)'});
		expect(targetSpecOf({target: 'lab'})).toEqual({missing: '--lab DIR'});
		expect(targetSpecOf({target: 'remote'})).toEqual({missing: '--host NAME'});
		const refused = await resolveTarget({target: 'remote', yes: false, json: false, resume: false, rollback: false, ascii: false}).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(UsageError);
		expect((refused as UsageError).message).toBe('no target is named: give --host NAME');
	});
});
