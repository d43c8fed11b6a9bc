import {LabError} from './lab-error.js';
import {labIo, net, sc, type StandInOutput} from './stand-in.js';
import {labSrvinfo} from './srvinfo.js';

/** The programs the lab answers for: net.exe, sc.exe and rpcclient's srvinfo. */
export type StandInProgram = 'net' | 'sc' | 'rpcclient';

/**
 * What the lab's stand-in PROGRAM prints for ARGS, and its exit code; a failure of the lab itself is what
 * net or sc says when a service fails (System error 1067). When `signal` aborts, its waits end and it
 * rejects. The lab target answers its commands with this in its own process (ARCHITECTURE.md, "The lab").
 */
export async function answerStandIn(program: StandInProgram, dir: string, args: readonly string[], signal?: AbortSignal): Promise<StandInOutput> {
	try {
		return await (program === 'net' ? net(dir, args, labIo(signal)) : program === 'sc' ? sc(dir, args, labIo(signal)) : labSrvinfo(dir, args));
	} catch (error) {
		if (signal?.aborted) throw error;
		return {exitCode: 2, stdout: '', stderr: `System error 1067 has occurred.\n\n${error instanceof LabError ? error.message : String(error)}\n`};
	}
}

/**
 * The same as a program: `net|sc|rpcclient ARGS…` with DSMN_LAB_DIR naming the lab, its output on stdout and
 * stderr. Run by dist/lab-tool.js, which a test puts on PATH as net and sc where a real process is wanted.
 */
export async function runStandIn(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
	const [program, ...args] = argv;
	const dir = env['DSMN_LAB_DIR'];
	if (!dir || (program !== 'net' && program !== 'sc' && program !== 'rpcclient')) {
		process.stderr.write('usage: DSMN_LAB_DIR=LAB lab-tool net|sc|rpcclient ARGS…\n');
		return 1;
	}
	const output = await answerStandIn(program, dir, args);
	process.stdout.write(output.stdout);
	process.stderr.write(output.stderr);
	return output.exitCode;
}
