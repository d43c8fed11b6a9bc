import {LabError} from './lab-error.js';
import {net, sc} from './stand-in.js';
import {labSrvinfo} from './srvinfo.js';

/**
 * The lab's stand-in net.exe or sc.exe (and rpcclient's srvinfo) as a command: `net|sc|rpcclient ARGS…` with DSMN_LAB_DIR naming the lab.
 * Run by dist/lab-tool.js, and by the single executable when started as its own stand-in (ARCHITECTURE.md, "The lab").
 */
export async function runStandIn(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
	const [program, ...args] = argv;
	const dir = env['DSMN_LAB_DIR'];
	if (!dir || (program !== 'net' && program !== 'sc' && program !== 'rpcclient')) {
		process.stderr.write('usage: DSMN_LAB_DIR=LAB lab-tool net|sc|rpcclient ARGS…\n');
		return 1;
	}
	try {
		const output = await (program === 'net' ? net(dir, args) : program === 'sc' ? sc(dir, args) : labSrvinfo(dir, args));
		process.stdout.write(output.stdout);
		process.stderr.write(output.stderr);
		return output.exitCode;
	} catch (error) {
		process.stderr.write(`System error 1067 has occurred.\n\n${error instanceof LabError ? error.message : String(error)}\n`);
		return 2;
	}
}
