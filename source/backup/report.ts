import {z} from 'zod';

export const fileKinds = ['database', 'log', 'checkpoint', 'reserve-log', 'patch', 'other'] as const;
export const fileStatuses = ['ok', 'warning', 'error'] as const;

export const fileReportSchema = z.object({
	name: z.string(),
	size: z.number().int().nonnegative(),
	mtime: z.string(),
	kind: z.enum(fileKinds),
	status: z.enum(fileStatuses),
	messages: z.array(z.string()),
	/** Whether the restore copies this file into SYNCAGNT (KB Q148678 step 2: the databases, JET*.LOG, *.PAT). */
	restored: z.boolean(),
});

export const validationReportSchema = z.object({
	folder: z.string(),
	valid: z.boolean(),
	files: z.array(fileReportSchema),
	errors: z.array(z.string()),
	warnings: z.array(z.string()),
	/** When the newest database of the set was written, if known. */
	taken: z.string().optional(),
});

export type FileKind = (typeof fileKinds)[number];
export type FileStatus = (typeof fileStatuses)[number];
export type FileReport = z.infer<typeof fileReportSchema>;
export type ValidationReport = z.infer<typeof validationReportSchema>;
