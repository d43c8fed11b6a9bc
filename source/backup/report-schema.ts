/**
 * The zod schema of a validation report, for reading one back (tests, scripts). Kept apart from the
 * validator so that `check` does not load zod.
 */
import {z} from 'zod';
import {fileKinds, fileStatuses, type ValidationReport} from './report.js';

const fileReportSchema = z.object({
	name: z.string(),
	size: z.number().int().nonnegative(),
	mtime: z.string(),
	kind: z.enum(fileKinds),
	status: z.enum(fileStatuses),
	messages: z.array(z.string()),
	restored: z.boolean(),
});

export const validationReportSchema = z.object({
	folder: z.string(),
	valid: z.boolean(),
	files: z.array(fileReportSchema),
	errors: z.array(z.string()),
	warnings: z.array(z.string()),
	pagesVerified: z.number().int().nonnegative().optional(),
	taken: z.string().optional(),
	needsNt: z.array(z.string()).optional(),
});

// The schema and the type must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agrees: Same<z.infer<typeof validationReportSchema>, ValidationReport> = true;
void agrees;
