import {homedir} from 'node:os';
import {join} from 'node:path';

/** Where journals of real targets go (ARCHITECTURE.md, "The run and its journal"): the user's state folder. */
export function stateFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
	if (platform === 'win32' && env['LOCALAPPDATA']) return join(env['LOCALAPPDATA'], 'dsmn-resync');
	if (env['XDG_STATE_HOME']) return join(env['XDG_STATE_HOME'], 'dsmn-resync');
	return join(env['HOME'] ?? homedir(), '.local', 'state', 'dsmn-resync');
}
