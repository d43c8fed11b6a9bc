/** KB Q148678's restore procedure as data: what each step does, why the KB asks for it, how it is confirmed. */
export type RestoreStepId = 'stop-service' | 'move-aside' | 'copy-backup' | 'start-service' | 'synchronize';

export type StepInfo = {
	id: RestoreStepId;
	title: string;
	kb: string;
	why: string;
	/** y/N for what the tool can undo; a typed word for what replaces the live database. */
	confirmation: {kind: 'yes-no'} | {kind: 'typed'; word: string};
};

export const RESTORE_STEPS: readonly StepInfo[] = [
	{
		id: 'stop-service',
		title: 'Stop MSSYNC',
		kb: 'KB Q148678, step 1: "In Control Panel Services, select the DSMN service and click Stop … net stop MSSYNC"',
		why: 'JET keeps the database open while DSMN runs. Files copied under a running service are overwritten or ignored, and the copy can be torn. The wizard waits until the service really reports STOPPED.',
		confirmation: {kind: 'yes-no'},
	},
	{
		id: 'move-aside',
		title: 'Move the current database aside',
		kb: 'KB Q148678, step 2, and Q188357 (Jet error -530, bad log signature; its fix runs dsmpack before removing the old logs)',
		why: 'Logs, checkpoints and patch files from another generation make JET refuse to start. They are moved, never deleted, into a folder beside SYNCAGNT named SYNCAGNT.before-restore- and the time: on the same disk this is a rename, instant and needing no space, and a roll back puts them back byte for byte.',
		confirmation: {kind: 'yes-no'},
	},
	{
		id: 'copy-backup',
		title: 'Copy the backup into SYNCAGNT',
		kb: 'KB Q148678, step 2: "Copy the following files from an account synchronization backup to the %SystemRoot%\\SYSTEM32\\SYNCAGNT directory: MSSYNC.MDB, SYSTEM.MDB, JET*.LOG, *.PAT"',
		// How each file is copied and checked is said once, by the confirmation's own lines (restore-changes.ts), which `?` shows first.
		why: 'This replaces the live database with the backup. A file takes its place in SYNCAGNT only once its copy is checked, so a half-copied database can never be found there.',
		confirmation: {kind: 'typed', word: 'RESTORE'},
	},
	{
		id: 'start-service',
		title: 'Start MSSYNC',
		kb: 'KB Q148678, step 3: "select the DSMN service and click Start"',
		why: 'JET opens the restored database and replays its logs. If the files do not belong together it refuses to start; the wizard then offers to roll back.',
		confirmation: {kind: 'yes-no'},
	},
	{
		id: 'synchronize',
		title: 'Synchronize all servers',
		kb: 'KB Q148678, step 4: "select Synchronize all servers from the NetWare server menu. This may take a significant amount of time"',
		why: 'The restored database is older than the domain: every change since the backup must be propagated again. It continues from the position in the domain\'s change log that it recorded; when the circular log no longer holds that position, MSSYNC logs Event 8005 in the Application log and those changes are skipped while every server shows a blue check (KB Q189441). "Fully synchronize all servers" (--synchronize full) sends every account again: recommended for a backup more than a day old. A server that does not answer does not stop the others; it can be retried at the end.',
		confirmation: {kind: 'yes-no'},
	},
];
