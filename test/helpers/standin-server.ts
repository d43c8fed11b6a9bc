/**
 * A "real" NT server for tests: a SYNCAGNT folder copied from a lab, its backup, and the stand-in
 * net/sc programs (test/fixtures/standin-bin) first on PATH, which speak the outputs described in ARCHITECTURE.md, "Targets".
 */
import {cp, mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {runCli, tempDir} from './run-cli.js';

const STANDINS = fileURLToPath(new URL('../fixtures/standin-bin', import.meta.url));

/** A "server": a SYNCAGNT folder copied from a lab, a backup, and stand-in net/sc first on PATH. */
export async function standinServer(behaviour = 'normal', state = 'RUNNING') {
	const root = await tempDir();
	await runCli(['lab', 'create', join(root, 'lab'), '--pace', '0']);
	const systemRoot = join(root, 'WINNT');
	await mkdir(join(systemRoot, 'SYSTEM32'), {recursive: true});
	await cp(join(root, 'lab', 'SystemRoot', 'SYSTEM32', 'SYNCAGNT'), join(systemRoot, 'SYSTEM32', 'SYNCAGNT'), {recursive: true});
	await cp(join(root, 'lab', 'backup'), join(root, 'backup'), {recursive: true, preserveTimestamps: true});
	const stateFile = join(root, 'service.json');
	await writeFile(stateFile, JSON.stringify({state, behaviour}));
	const log = join(root, 'argv.log');
	const env = {
		PATH: `${STANDINS}:${process.env['PATH']}`,
		SystemRoot: systemRoot,
		XDG_STATE_HOME: join(root, 'state'),
		STANDIN_STATE: stateFile,
		STANDIN_LOG: log,
		DSMN_RESYNC_SERVICE_TIMEOUT: '2',
	};
	return {root, env, syncagnt: join(systemRoot, 'SYSTEM32', 'SYNCAGNT'), backup: join(root, 'backup'), stateFile, log};
}
