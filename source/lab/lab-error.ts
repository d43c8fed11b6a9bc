import {EXIT} from '../errors/exit-codes.js';
import {HintedError} from '../errors/hinted-error.js';

/** Something about a lab folder that the user must fix: a one-line message and a hint; exit code 2. */
export class LabError extends HintedError {
	constructor(message: string, hint?: string) {
		super(message, hint, EXIT.usage);
	}
}
