/**
 * The command that starts this wizard again on the same target, as the admin can type it from where
 * they are (ARCHITECTURE.md, "The wizard"): every "start again" on an end screen prints it. Someone who
 * began with `npm start` has no `dsmn-resync` on the PATH, and `npm start` alone makes a fresh lab: for
 * them it is `npm start -- --lab DIR`, which reuses that lab.
 */
import {basename} from 'node:path';
import type {TargetSpec} from '../app/target-spec.js';
import {shellWord} from '../text/shell-word.js';

export {shellWord};

/** What starts dsmn-resync, as typed: `dsmn-resync`, `npm start --`, or `node …/dist/cli.js`. */
export type Launcher = string;

/** Set by scripts/start-lab.js (`npm start`) for the wizard it starts. */
export const NPM_START_ENV = 'DSMN_RESYNC_LAUNCHER';

/**
 * How this process was started: by `npm start` (the variable above), by the package's `bin` (its name
 * on the PATH), or as `node path/to/cli.js` (printed with that script's absolute path, so that it works
 * from any folder).
 */
export function launcherOf(script: string | undefined, env: NodeJS.ProcessEnv): Launcher {
	if (env[NPM_START_ENV] === 'npm start') return 'npm start --';
	// Installed (npm's Windows shims run node on the installed cli.js): the bin's name is on the PATH.
	if (script && /\.[cm]?js$/.test(basename(script)) && !/node_modules[\\/]dsmn-resync[\\/]/.test(script)) return `node ${shellWord(script)}`;
	return 'dsmn-resync';
}

/** The same target again: the lab's folder, this machine, or the remote server (and the SYNCAGNT named); none chosen yet: the launcher alone. */
export function startAgainCommand(launcher: Launcher, target: TargetSpec | undefined): string {
	const words = [launcher];
	if (!target) return launcher;
	if (target.kind === 'lab') return [launcher, '--lab', shellWord(target.lab)].join(' ');
	if (target.kind === 'windows') words.push('--target', 'windows');
	else {
		words.push('--target', 'remote', '--host', shellWord(target.host));
		// A file the admin named is named again; the wizard's own (the account typed here) is gone by then.
		if (target.credentialsFile && !target.credentialsTyped) words.push('--credentials-file', shellWord(target.credentialsFile));
	}
	if (target.syncagnt) words.push('--syncagnt', shellWord(target.syncagnt));
	return words.join(' ');
}

/**
 * A text that names a command (`dsmn-resync lab dsmdump DIR`, `dsmn-resync check FOLDER`, `dsmn-resync --lab DIR
 * --resume`), with the command as it works from where the admin is: `npm start -- lab dsmdump DIR` after `npm
 * start`, which passes a command on as it is. "another dsmn-resync holds…" names the program, not a command: kept.
 */
export function asLaunched(text: string, launcher: Launcher): string {
	if (launcher === 'dsmn-resync') return text;
	return text.replace(/\bdsmn-resync(?= (?:lab |check |--\w))/g, launcher);
}
