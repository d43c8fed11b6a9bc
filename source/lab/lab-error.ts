/** Something about a lab folder that the user must fix: a one-line message and a hint. */
export class LabError extends Error {
	constructor(
		message: string,
		readonly hint?: string,
	) {
		super(message);
	}
}
