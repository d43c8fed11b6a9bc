/**
 * The exit codes of dsmn-resync, the one place they are defined (ARCHITECTURE.md, "Errors and exit codes").
 * 0 done (or nothing to do); 1 failed or refused; 2 a mistake in the command line or the lab folder;
 * 3 stopped at a manual step the admin must do by hand; 130 interrupted (Ctrl+C, SIGTERM, a closed output).
 */
export const EXIT = {ok: 0, failed: 1, usage: 2, manual: 3, interrupted: 130} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
