/**
 * How an expected failure ends a command (ARCHITECTURE.md, "Errors and exit codes"): its message and
 * what to do next on standard error, with --json a line on standard output too, and its exit code. One
 * function for `main` and for the usage errors answered before the program loads (quick-answers.ts).
 */
import type {Io} from '../app/io.js';
import {jsonLine} from '../app/json-line.js';
import {EXIT} from '../errors/exit-codes.js';
import type {HintedError} from '../errors/hinted-error.js';
import {asLaunched, launcherOf} from '../wizard/start-again.js';
import {printError} from './output.js';

export function reportHinted(error: HintedError, json: boolean, io: Pick<Io, 'out' | 'err' | 'env' | 'script'>): number {
	// A command a hint names ("see: dsmn-resync --help", "dsmn-resync lab net DIR stop MSSYNC"), as it works from where the admin is (`npm start -- --help` after `npm start`).
	const hint = error.hint ? asLaunched(error.hint, launcherOf(io.script, io.env)) : error.hint;
	if (json) {
		// With --json, a script reads standard output: the failure is a JSON line there too.
		const hinted = hint ? {hint} : {};
		io.out(
			error.exitCode === EXIT.usage
				? jsonLine('usage-error', {message: error.message, ...hinted})
				: jsonLine('failed', {message: error.message, ...hinted, exit: error.exitCode}),
		);
	}
	printError(io, error.message, hint);
	return error.exitCode;
}
