import {EXIT, type ExitCode} from './exit-codes.js';

/**
 * An error the user can act on: a one-line message, what to do next (`hint`), and the exit code a
 * command ends with when this error ends it. Every error that carries advice extends this class, so
 * callers read `hint` after an `instanceof HintedError` test, never by guessing at an object's shape.
 */
export class HintedError extends Error {
	constructor(
		message: string,
		readonly hint: string | undefined,
		readonly exitCode: ExitCode = EXIT.failed,
	) {
		super(message);
	}
}

/** The hint of an error that has one; undefined for any other thrown value. */
export function hintOf(error: unknown): string | undefined {
	return error instanceof HintedError ? error.hint : undefined;
}

/** A mistake in the command line: exit code 2, a one-line reason and a hint. */
export class UsageError extends HintedError {
	declare readonly hint: string;
	constructor(message: string, hint = 'see: dsmn-resync --help') {
		super(message, hint, EXIT.usage);
	}
}
