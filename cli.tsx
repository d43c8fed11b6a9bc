#!/usr/bin/env node
// Ink and chalk do not honour NO_COLOR: map it before either is loaded (they load lazily, with the wizard).
if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') process.env['FORCE_COLOR'] = '0';

import {describeBuild} from './source/build-info.js';

const argv = process.argv.slice(2);
// `--version` alone loads nothing but its line (ARCHITECTURE.md, "The command line and the front ends").
if (argv.length === 1 && argv[0] === '--version') process.stdout.write(`${describeBuild()}\n`);
else {
	const {main} = await import('./source/cli/main.js');
	process.exitCode = await main(argv);
}
