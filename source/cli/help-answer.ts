/**
 * `--help`, answered by dist/cli.js itself (ARCHITECTURE.md, "The command line and the front ends"): cli.tsx
 * imports this module statically and scripts/build.js bundles it into dist/cli.js, so the help is printed
 * without loading the argument parser or anything else; `main` prints the same text for the same argv.
 */
import type {Io} from '../app/io.js';
import {EXIT} from '../errors/exit-codes.js';
import {chooseGlyphs} from '../text/glyphs.js';
import {asksForHelp, globalFlags} from './global-flags.js';
import {HELP} from './help.js';
import {inGlyphs} from './output.js';

/** 0 when `argv` asks for the help, which is then printed (in ASCII where the glyphs are); undefined otherwise, with nothing printed. */
export function helpAnswer(argv: readonly string[], given: Pick<Io, 'out' | 'err' | 'env'>): number | undefined {
	if (!asksForHelp(argv)) return undefined;
	inGlyphs(given, chooseGlyphs(given.env, globalFlags(argv).ascii)).out(HELP);
	return EXIT.ok;
}
