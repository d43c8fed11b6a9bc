/** A mistake in the command line: exit code 2, a one-line reason and a hint. */
export class UsageError extends Error {
	constructor(
		message: string,
		readonly hint = 'see: dsmn-resync --help',
	) {
		super(message);
	}
}
