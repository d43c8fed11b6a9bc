/**
 * A backup older than this is not trusted to be within the domain's change log. The log holds a fixed
 * number of changes (its size, ChangeLogSize), not a fixed time: on a busy domain a day's changes can fill
 * it, and nothing outside the PDC's registry and the log itself says how far back it reaches. `check` warns
 * of a backup's age past it; the synchronization after a restore is recommended from it
 * (procedure/synchronize-choice.ts; ARCHITECTURE.md, "Synchronize all servers").
 */
export const CHANGE_LOG_TRUSTED_MS = 24 * 60 * 60 * 1000;
