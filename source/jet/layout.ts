/**
 * Where the fields of a JET "Blue" header are, for the two layouts this program reads: Jet 500 (the
 * engine of NT 4.0, which DSMN uses; format version 0x500) and ESE97 and later (format 0x620 and up).
 * The derivation, field by field, is in ARCHITECTURE.md ("JET page and header layouts"); in short:
 *
 * Jet 500 — the structs of the Jet 500 engine's own source (the "xjet" tree of jet500 in the public
 * copies of the Windows source: inc/daedef.h declares `ulDAEVersion 0x00000500` and the database
 * header `DBFILEHDR_FIXED` under `#pragma pack(1)`; inc/log.h declares `LGFILEHDR_FIXED` and
 * `CHECKPOINT_FIXED`, also under `#pragma pack(1)`). Sizes, from the same headers: ULONG and LONG 4,
 * DBID 2 (`typedef WORD DBID`), LOGTIME 8 (six BYTEs and two filler BYTEs), SIGNATURE 28 (ULONG
 * ulRandom, LOGTIME logtimeCreate, BYTE szComputerName[16]), LGPOS 8 (USHORT ib, USHORT isec, LONG
 * lGeneration), BKINFO 24 (LGPOS, LOGTIME, ULONG genLow, ULONG genHigh).
 *
 *   DBFILEHDR_FIXED   ulChecksum 0, ulMagic 4, ulVersion 8, signDb 12, grbitAttributes 40,
 *                     ulDBTimeLow 44, fDBState 48, lgposConsistent 52, logtimeConsistent 60,
 *                     logtimeAttach 68, lgposAttach 76, logtimeDetach 84, lgposDetach 92, dbid 100,
 *                     signLog 102, bkinfoFullPrev 130, bkinfoIncPrev 154, bkinfoFullCur 178,
 *                     ulDBTimeHigh 202; 206 bytes, padded to the 4096-byte page (`cbPage` is fixed at
 *                     4096: there is no page-size field). The header page is written twice (pages 0
 *                     and 1 of the file, the second a shadow).
 *   LGFILEHDR_FIXED   ulChecksum 0, lGeneration 4, tmCreate 8, tmPrevGen 16, ulMajor 24, ulMinor 28,
 *                     ulUpdate 32, cbSec 36, csecLGFile 40, signLog 44, dbms_param 72; the header
 *                     (with its attach area and padding) is 4096 bytes.
 *   CHECKPOINT_FIXED  ulChecksum 0, lgposLastFullBackupCheckpoint 4, lgposCheckpoint 12 (so its
 *                     generation is at 16), signLog 20, dbms_param 48; 4096 bytes, written twice.
 *
 * ESE97+ — `DBFILEHDR` and `LGFILEHDR_FIXED` of Microsoft's open-source ESE (its inc/daedef.hxx and
 * inc/log.hxx, whose comments give the running offsets): the database header puts attributes at 12,
 * a 64-bit DBTime at 16, signDb at 24, the state at 52, a 4-byte dbid at 104, signLog at 108 and the
 * page size at 236 (0 means 4096); its log header puts the generation at 4, 16-bit sector and size
 * fields at 8–15, tmCreate at 16 and signLog at 44.
 *
 * The two database layouts share only the checksum, the magic and the version at 0, 4 and 8: a reader
 * chooses the layout by the version at 8 and never reads one layout's offsets in the other's header.
 */
export const PAGE_SIZE_DEFAULT = 4096;
export const DB_MAGIC = 0x89abcdef;

/** `ulDAEVersion` of the Jet 500 engine. */
export const JET500_VERSION = 0x500;
/** The first format version of ESE97 (`ulDAEVersionESE97`); later ESE versions are higher. */
export const ESE97_VERSION = 0x620;

/** The layouts a header can be read with. */
export type JetLayout = 'jet500' | 'ese97';

/** Jet 500's `DBFILEHDR_FIXED`. */
export const Jet500DatabaseHeader = {
	checksum: 0,
	magic: 4,
	version: 8,
	signDb: 12,
	attributes: 40,
	dbTimeLow: 44,
	state: 48,
	lgposConsistent: 52,
	logtimeConsistent: 60,
	logtimeAttach: 68,
	lgposAttach: 76,
	logtimeDetach: 84,
	lgposDetach: 92,
	dbid: 100,
	signLog: 102,
	bkinfoFullPrev: 130,
	bkinfoIncPrev: 154,
	bkinfoFullCur: 178,
	dbTimeHigh: 202,
} as const;

/** ESE's `DBFILEHDR`, as far as this program reads it (the fields before 240 are ESE97's). */
export const EseDatabaseHeader = {
	checksum: 0,
	magic: 4,
	version: 8,
	attributes: 12,
	dbTimeDirtied: 16,
	signDb: 24,
	state: 52,
	lgposConsistent: 56,
	logtimeConsistent: 64,
	dbid: 104,
	signLog: 108,
	/** `le_ulDaeUpdateMajor`: the format update within the version. */
	update: 232,
	pageSize: 236,
} as const;

/** Jet 500's `LGFILEHDR_FIXED`. */
export const Jet500LogHeader = {
	checksum: 0,
	generation: 4,
	created: 8,
	previousCreated: 16,
	versionMajor: 24,
	versionMinor: 28,
	versionUpdate: 32,
	sectorSize: 36,
	sectors: 40,
	signLog: 44,
	dbmsParam: 72,
} as const;

/** ESE's `LGFILEHDR_FIXED`. */
export const EseLogHeader = {
	checksum: 0,
	generation: 4,
	sectorSize: 8,
	headerSectors: 10,
	sectors: 12,
	pageSize: 14,
	created: 16,
	previousCreated: 24,
	versionMajor: 32,
	signLog: 44,
} as const;

/** Jet 500's `CHECKPOINT_FIXED` (JET.CHK). */
export const Jet500Checkpoint = {
	checksum: 0,
	lgposLastFullBackupCheckpoint: 4,
	lgposCheckpoint: 12,
	/** `lgposCheckpoint.lGeneration`: LGPOS is USHORT ib, USHORT isec, LONG lGeneration. */
	generation: 16,
	signLog: 20,
	dbmsParam: 48,
} as const;

/** What the Jet 500 source stamps in a log header's version fields (`rmj`, `rmm`, `rup` of its version.h). */
export const JET500_LOG_VERSION = {major: 4, minor: 909, update: 0} as const;

/** `fDBState` of Jet 500 (1–3); ESE added 4 and 5. */
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
/** The same for Access 2007 and later (ACE): 00 01 00 00 "Standard ACE DB". */
export const ACE_MAGIC = Buffer.concat([Buffer.from([0, 1, 0, 0]), Buffer.from('Standard ACE DB', 'latin1')]);

/**
 * `ulDAEPrevVersion` of Jet 500's daedef.h ("temporary to make exchange compatible"): a header of this
 * format version has the same `DBFILEHDR_FIXED` and Jet 500 opens it (`ErrDBReadHeaderCheckConsistency`
 * accepts `ulDAEVersion` and `ulDAEPrevVersion`). ARCHITECTURE.md, "JET page and header layouts".
 */
export const JET500_PREV_VERSION = 0x400;
