/**
 * `lab create DIR FLAGS…` in-process: the options the command line parses to, then what the command does with
 * them (source/cli/lab-commands.ts: createLab), its printing aside. For tests whose lab is their set-up, not
 * what they test: it saves a Node start each (test/cli/cli.test.ts runs `lab create` as a process).
 */
import {parseCommandLine} from '../../source/cli/parse-args.js';
import {createLab} from '../../source/lab/create.js';

export async function labCreate(dir: string, ...flags: string[]): Promise<void> {
	const command = parseCommandLine(['lab', 'create', dir, ...flags]);
	if (command.kind !== 'lab-create') throw new Error(`lab create ${flags.join(' ')} is not a lab create command (${command.kind})`);
	await createLab(dir, command.options);
}
