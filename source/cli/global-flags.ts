/**
 * What the command line says before it is parsed: the flags every command takes, and whether it asks for
 * the help. Importing nothing, so that dist/cli.js answers `--help` without the parser (ARCHITECTURE.md,
 * "The command line and the front ends"); parse-args.ts decides the help by this same rule.
 */

/**
 * Flags every command takes: --ascii (draw ASCII only) and --json (JSON lines), read before the
 * command itself so that even a refused command line answers in the form asked for.
 */
export function globalFlags(argv: readonly string[]): {ascii: boolean; json: boolean} {
	const upTo = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
	return {ascii: upTo.includes('--ascii'), json: upTo.includes('--json')};
}

/** The help is asked for by --help or -h anywhere, or by `help` as the command unless --version (-V) is given too; --ascii is no word of the command. */
export function asksForHelp(allArgs: readonly string[]): boolean {
	const argv = allArgs.filter(arg => arg !== '--ascii');
	if (argv.includes('--help') || argv.includes('-h')) return true;
	return argv[0] === 'help' && !argv.includes('--version') && !argv.includes('-V');
}
