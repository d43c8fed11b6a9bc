/** The validation report (ARCHITECTURE.md, "Validation rules"; `check --json` prints it). Its zod schema is in report-schema.ts. */
export const fileKinds = ['database', 'log', 'checkpoint', 'reserve-log', 'patch', 'other'] as const;
export const fileStatuses = ['ok', 'warning', 'error'] as const;

export type FileKind = (typeof fileKinds)[number];
export type FileStatus = (typeof fileStatuses)[number];

export type FileReport = {
	name: string;
	size: number;
	mtime: string;
	kind: FileKind;
	status: FileStatus;
	messages: string[];
	/** Whether the restore copies this file into SYNCAGNT (KB Q148678 step 2: the databases, JET*.LOG, *.PAT). */
	restored: boolean;
};

export type ValidationReport = {
	folder: string;
	valid: boolean;
	files: FileReport[];
	errors: string[];
	warnings: string[];
	/** Pages of MSSYNC.MDB, SYSTEM.MDB and the patch files whose checksum and number were verified. */
	pagesVerified?: number | undefined;
	/** When the newest database of the set was written, if known. */
	taken?: string | undefined;
	/** JET 200-format databases whose verdict depends on the server's NT version, which was not known (`--nt 3.51|4.0`). */
	needsNt?: string[] | undefined;
};
