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
	/** `--backup-age DAYS`: the backup was taken this many days ago, and the domain's accounts changed since (lab/change-log.ts). */
	backupAgeDays?: number;
	/** `--change-log-size N`: the domain's change log holds the last N account changes. */
	changeLogSize?: number;
	/** `--wont-start`: MSSYNC fails to start after a crash, until dsmpack /r repairs the database. */
	wontStart?: boolean;
	/** `--new-pdc`: the PDC was lost; a promoted BDC runs a freshly installed DSMN with an empty database. */
	newPdc?: boolean;
	/** `--netware FS2=4.x`: servers that run another NetWare than 3.x; a 4.x server runs bindery emulation and has no BINDFIX backup. */
	netware?: Readonly<Record<string, '2.x' | '3.x' | '4.x'>>;
	/** `--allow4x`: Allow4X is set on the PDC, so DSMN adds 4.x servers. */
	allow4x?: boolean;
	/** `--nt 3.51|4.0`: the NT version the lab's server reports (srvinfo, and so the validation); 4.0 when not given. */
	nt?: '3.51' | '4.0';
	/** `--role bdc`: the lab's server reports itself as a BDC (its srvinfo), where DSMN's database is not restored; the PDC when not given. */
	role?: 'pdc' | 'bdc';
};

export const LAB_DEFAULTS: LabOptions = {servers: 5, accounts: 120, backup: true, offline: [], pace: 125, seed: 1};

/** The change log's size when only --backup-age is given. */
export const CHANGE_LOG_SIZE_DEFAULT = 64;

export const LAB_LIMITS = {
	servers: {min: 1, max: 999},
	accounts: {min: 1, max: 2000},
	pace: {min: 0, max: 60_000},
	/** 258 pages (a new Jet 500 database) to 524,290 (`cpgDatabaseMax` + the two header pages, 2 GiB). */
	dbPages: {min: 258, max: 524_290},
	backupAgeDays: {min: 0, max: 3650},
	changeLogSize: {min: 1, max: 1_000_000},
} as const;

/**
 * A failure staged on purpose (`lab fault DIR KIND`), obeyed by the stand-in net and sc until cleared:
 * stop-refused — MSSYNC refuses the stop control; stop-hangs — it stays STOP_PENDING; start-refused —
 * it starts and stops at once, as when JET refuses the database; access-denied — this account may query
 * the service but not control it; gateway-stopped — NwcWorkstation (Gateway Service for NetWare), which
 * MSSYNC depends on, is stopped, so MSSYNC's start fails with System error 1068 until `net start
 * NwcWorkstation`; stop-says-2184 — a stop that succeeds while net says NET HELPMSG 2184.
 */
export const labFaults = ['stop-refused', 'start-refused', 'stop-hangs', 'access-denied', 'gateway-stopped', 'stop-says-2184'] as const;
export type LabFault = (typeof labFaults)[number];
