/**
 * A usage error, answered before the program is loaded. scripts/build.js bundles this module into a file
 * of its own (dist/quick-answers.js: the argument parser and the error line, importing nothing of the
 * program), which dist/cli.js loads when the command line is not `--version` or `--help` (those it prints
 * itself, help-answer.ts); a command line that parses goes on to `main` (ARCHITECTURE.md, "The command line
 * and the front ends"). What it prints is what `main` prints for the same argv (test/cli/quick-answers.test.ts).
 */
import type {Io} from '../app/io.js';
import {UsageError} from '../errors/hinted-error.js';
import {chooseGlyphs} from '../text/glyphs.js';
import {globalFlags} from './global-flags.js';
import {directOutput, inGlyphs} from './output.js';
import {parseCommandLine} from './parse-args.js';
import {reportHinted} from './report-hinted.js';

/** The exit code when `argv` is a usage error (printed to `given`); undefined when the program must run. */
export function quickAnswer(
	argv: string[],
	given: Pick<Io, 'out' | 'err' | 'env' | 'script'> = {...directOutput, env: process.env, script: process.argv[1]},
): number | undefined {
	try {
		parseCommandLine(argv);
		return undefined;
	} catch (error) {
		// Anything but a usage error (a defect) is left to main, which reports it with its stack saved.
		if (!(error instanceof UsageError)) return undefined;
		const flags = globalFlags(argv);
		return reportHinted(error, flags.json, inGlyphs(given, chooseGlyphs(given.env, flags.ascii)));
	}
}
