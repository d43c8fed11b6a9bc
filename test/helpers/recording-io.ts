/** The Io that `main` is given in-process with no terminal (ARCHITECTURE.md, "The command line and the front ends"), keeping what it prints. */
import type {Io} from '../../source/app/io.js';

/** An Io with no terminal whose `out` and `err` keep what is printed, each read back whole; `env` and `script` as given. */
export function recordingIo(env: NodeJS.ProcessEnv = {}, script?: string): {io: Io; out: () => string; err: () => string} {
	const out: string[] = [];
	const err: string[] = [];
	const io: Io = {out: t => void out.push(t), err: t => void err.push(t), stdinIsTty: false, stdoutIsTty: false, env, script, stdout: process.stdout};
	return {io, out: () => out.join(''), err: () => err.join('')};
}
