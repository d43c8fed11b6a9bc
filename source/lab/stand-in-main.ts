/** Entry of dist/lab-tool.js: `node dist/lab-tool.js net|sc ARGS…` with DSMN_LAB_DIR naming the lab. */
import {LabError} from './lab-error.js';
import {net, sc} from './stand-in.js';

const [program, ...args] = process.argv.slice(2);
const dir = process.env['DSMN_LAB_DIR'];

async function main(): Promise<number> {
	if (!dir || (program !== 'net' && program !== 'sc')) {
		process.stderr.write('usage: DSMN_LAB_DIR=LAB lab-tool net|sc ARGS…\n');
		return 1;
	}
	try {
		const output = await (program === 'net' ? net(dir, args) : sc(dir, args));
		process.stdout.write(output.stdout);
		process.stderr.write(output.stderr);
		return output.exitCode;
	} catch (error) {
		process.stderr.write(`System error 1067 has occurred.\n\n${error instanceof LabError ? error.message : String(error)}\n`);
		return 2;
	}
}

process.exitCode = await main();
