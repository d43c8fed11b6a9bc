#!/usr/bin/env node
// What each start loads (ARCHITECTURE.md, "The command line and the front ends"): this file is bundled alone
// into dist/cli.js, which imports nothing statically. `--version` prints the line scripts/build.js baked in;
// `--help` is printed from the text bundled here (help-answer.ts); a usage error is answered by one small
// file (dist/quick-answers.js); only the rest loads the program.
import {helpAnswer} from './source/cli/help-answer.js';
import {directOutput} from './source/cli/output.js';

declare const __VERSION_LINE__: string | undefined;

// Ink and chalk do not honour NO_COLOR: map it before either is loaded (they load lazily, with the wizard).
if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') process.env['FORCE_COLOR'] = '0';

/** The exit code of any command line but `--version` and `--help`: a usage error answered quickly, or the program's. */
async function answer(argv: string[]): Promise<number> {
	// No argument at all is the wizard: nothing to answer quickly, so its first frame does not wait for the parser twice.
	const answered = argv.length === 0 ? undefined : (await import('./source/cli/quick-answers.js')).quickAnswer(argv);
	if (answered !== undefined) return answered;
	const {main} = await import('./source/cli/main.js');
	return main(argv);
}

// No top-level await: a module that awaits at its top level is evaluated asynchronously, which `--version`
// and `--help` need not wait for.
const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version' && typeof __VERSION_LINE__ === 'string') directOutput.out(`${__VERSION_LINE__}\n`);
else {
	const help = argv.length === 0 ? undefined : helpAnswer(argv, {...directOutput, env: process.env});
	if (help !== undefined) process.exitCode = help;
	else
		void answer(argv).then(code => {
			process.exitCode = code;
		});
}
