/**
 * The wizard's question when a backup's verdict depends on which Windows NT the server runs (a JET 200-format
 * database: usable on NT 3.51, refused by NT 4.0's Jet 500) and the target could not learn it from the
 * server (ARCHITECTURE.md, "Validation rules"). Asked on the validation screen, in place of "continue": the
 * answer re-checks the backup with that version.
 */
import type {ValidationReport} from '../backup/report.js';
import type {Choice} from './state.js';

export type NtAnswer = 'nt-4.0' | 'nt-3.51';

/** The version an answer names. */
export const NT_OF: Record<NtAnswer, '4.0' | '3.51'> = {'nt-4.0': '4.0', 'nt-3.51': '3.51'};

/** The question's items, when the report waits for the version; undefined otherwise. */
export function ntVersionChoices(report: ValidationReport): Choice<NtAnswer>[] | undefined {
	if (!report.valid || !report.needsNt?.length) return undefined;
	const files = report.needsNt.join(' and ');
	return [
		{label: `The server runs Windows NT 4.0 — check ${files} again for NT 4.0 (Jet 500 refuses a JET 200-format database)`, value: 'nt-4.0'},
		{label: `The server runs Windows NT 3.51 — check ${files} again for NT 3.51 (its DSMN uses this format)`, value: 'nt-3.51'},
	];
}
