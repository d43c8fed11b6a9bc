#!/usr/bin/env node
// Ink and chalk do not honour NO_COLOR: map it before either is loaded (they load lazily, with the wizard).
if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') process.env['FORCE_COLOR'] = '0';

const {main} = await import('./source/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
