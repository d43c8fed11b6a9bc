#!/usr/bin/env node
// Ink and chalk do not honour NO_COLOR: map it before either is loaded (they load lazily, with the wizard).
if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') process.env['FORCE_COLOR'] = '0';

// What each start loads (ARCHITECTURE.md, "The command line and the front ends"): this file imports nothing
// statically. `--version` prints the line scripts/build.js baked in; `--help` and a usage error are answered
// by one small file (dist/quick-answers.js); only the rest loads the program.
declare const __VERSION_LINE__: string | undefined;

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version' && typeof __VERSION_LINE__ === 'string') process.stdout.write(`${__VERSION_LINE__}\n`);
else {
	// No argument at all is the wizard: nothing to answer quickly, so its first frame does not wait for the parser twice.
	const answered = argv.length === 0 ? undefined : (await import('./source/cli/quick-answers.js')).quickAnswer(argv);
	if (answered !== undefined) process.exitCode = answered;
	else {
		const {main} = await import('./source/cli/main.js');
		process.exitCode = await main(argv);
	}
}
