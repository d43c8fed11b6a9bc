/** The options of `lab create` (ARCHITECTURE.md, "The lab"), their defaults and limits. */
export type LabOptions = {
	servers: number;
	accounts: number;
	backup: boolean;
	offline: string[];
	/** Simulated milliseconds to propagate one account; 0 = as fast as possible. */
	pace: number;
	seed: number;
	/** MSSYNC.MDB's size in pages (header pages included); at least Jet 500's 258. */
	dbPages?: number;
};

export const LAB_DEFAULTS: LabOptions = {servers: 5, accounts: 120, backup: true, offline: [], pace: 125, seed: 1};

export const LAB_LIMITS = {
	servers: {min: 1, max: 999},
	accounts: {min: 1, max: 2000},
	pace: {min: 0, max: 60_000},
	/** 258 pages (a new Jet 500 database) to 524,290 (`cpgDatabaseMax` + the two header pages, 2 GiB). */
	dbPages: {min: 258, max: 524_290},
} as const;

/**
 * A failure staged on purpose (`lab fault DIR KIND`), obeyed by the stand-in net and sc until cleared:
 * stop-refused — MSSYNC refuses the stop control; stop-hangs — it stays STOP_PENDING; start-refused —
 * it starts and stops at once, as when JET refuses the database; access-denied — this account may query
 * the service but not control it.
 */
export const labFaults = ['stop-refused', 'start-refused', 'stop-hangs', 'access-denied'] as const;
export type LabFault = (typeof labFaults)[number];
