/** The options of `lab create` (ARCHITECTURE.md, "The lab"), their defaults and limits. */
export type LabOptions = {
	servers: number;
	accounts: number;
	backup: boolean;
	offline: string[];
	/** Simulated milliseconds to propagate one account; 0 = as fast as possible. */
	pace: number;
	seed: number;
};

export const LAB_DEFAULTS: LabOptions = {servers: 5, accounts: 120, backup: true, offline: [], pace: 125, seed: 1};

export const LAB_LIMITS = {servers: {min: 1, max: 999}, accounts: {min: 1, max: 2000}, pace: {min: 0, max: 60_000}} as const;
