/** Where a command's text goes and what it may ask of the terminal; injectable so commands are tested without a process. */
export type Output = {out: (text: string) => void; err: (text: string) => void};

export type Io = Output & {stdinIsTty: boolean; stdoutIsTty: boolean; env: NodeJS.ProcessEnv};
