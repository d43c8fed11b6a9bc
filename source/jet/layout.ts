/** Offsets of the Jet 500+ header fields that this program reads or writes (DESIGN.md §5, the ESE source). */
export const PAGE_SIZE_DEFAULT = 4096;
export const DB_MAGIC = 0x89abcdef;

export const DatabaseHeader = {
	checksum: 0,
	magic: 4,
	formatVersion: 8,
	formatRevision: 12,
	signDb: 24,
	state: 52,
	signLog: 108,
	pageSize: 236,
} as const;

export const LogHeader = {
	checksum: 0,
	generation: 4,
	formatVersion: 8,
	created: 12,
	signLog: 44,
} as const;

export const DatabaseState = {
	justCreated: 1,
	dirtyShutdown: 2,
	cleanShutdown: 3,
	beingConverted: 4,
	forceDetach: 5,
} as const;

export const databaseStateName: Record<number, string> = {
	1: 'just created',
	2: 'dirty shutdown',
	3: 'clean shutdown',
	4: 'being converted',
	5: 'force detach',
};

/** The bytes an Access (JET "Red") database starts with: 00 01 00 00 "Standard Jet DB". */
export const ACCESS_MAGIC = Buffer.concat([Buffer.from([0, 1, 0, 0]), Buffer.from('Standard Jet DB', 'latin1')]);
