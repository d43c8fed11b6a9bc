/**
 * What the command line answers before the program is loaded: `--help` and a usage error. scripts/build.js
 * bundles this module into a file of its own (dist/quick-answers.js: the argument parser, the help text and
 * the error line, importing nothing), which dist/cli.js loads before anything else; any other command goes
 * on to `main` (ARCHITECTURE.md, "The command line and the front ends"). What it prints is what `main`
 * prints for the same argv (test/cli/quick-answers.test.ts holds them to it).
 */
import type {Io} from '../app/io.js';
import {jsonLine} from '../app/json-line.js';
import {UsageError} from '../errors/hinted-error.js';
import {toAscii} from '../text/ascii.js';
import {asLaunched, launcherOf} from '../wizard/start-again.js';
import {chooseGlyphs} from '../text/glyphs.js';
import {HELP} from './help.js';
import {printError, processOutput} from './output.js';
import {globalFlags, parseCommandLine} from './parse-args.js';

/** The exit code when `argv` asks for help or is a usage error (printed to `given`); undefined when the program must run. */
export function quickAnswer(
	argv: string[],
	given: Pick<Io, 'out' | 'err' | 'env' | 'script'> = {...processOutput, env: process.env, script: process.argv[1]},
): number | undefined {
	const flags = globalFlags(argv);
	const glyphs = chooseGlyphs(given.env, flags.ascii);
	const io = glyphs.ascii ? {...given, out: (text: string) => given.out(toAscii(text)), err: (text: string) => given.err(toAscii(text))} : given;
	try {
		if (parseCommandLine(argv).kind !== 'help') return undefined;
		io.out(HELP);
		return 0;
	} catch (error) {
		// Anything but a usage error (a defect) is left to main, which reports it with its stack saved.
		if (!(error instanceof UsageError)) return undefined;
		// "see: dsmn-resync --help" as it works from where the admin is (`npm start -- --help` after `npm start`).
		const hint = error.hint === undefined ? undefined : asLaunched(error.hint, launcherOf(given.script, given.env));
		if (flags.json) io.out(jsonLine('usage-error', {message: error.message, ...(hint ? {hint} : {})}));
		printError(io, error.message, hint);
		return error.exitCode;
	}
}
