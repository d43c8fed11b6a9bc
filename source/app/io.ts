/** Where a command's text goes and what it may ask of the terminal; injectable so commands are tested without a process. */
export type Output = {out: (text: string) => void; err: (text: string) => void};

/**
 * The process as a command sees it, decided once by `cli/main.ts` and passed down (ARCHITECTURE.md, "The
 * command line and the front ends"): nothing below it reads `process.argv`, `process.env` or `process.stdout`.
 */
export type Io = Output & {
	stdinIsTty: boolean;
	stdoutIsTty: boolean;
	env: NodeJS.ProcessEnv;
	/** The script this process runs (`process.argv[1]`): the wizard's "start again" names it as it was started. */
	script: string | undefined;
	/** The stream `out` writes to: the wizard draws on it; a closed one (EPIPE) stops a scripted run at its next safe point. */
	stdout: NodeJS.WriteStream;
};
