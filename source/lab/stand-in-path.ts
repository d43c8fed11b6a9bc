import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

/**
 * Set only in the single executable (scripts/package.js): the first argument that makes the executable
 * run as the lab's stand-in net and sc instead of as dsmn-resync, there being no lab-tool.js beside it.
 */
declare const __SEA_STAND_IN_ARGUMENT__: string | undefined;

/**
 * What the lab target runs with process.execPath to get the stand-in net and sc: dist/lab-tool.js beside the
 * running bundle, or, when this code runs from source (the tests), in the package's dist/ folder; in the
 * single executable, the executable itself with its stand-in argument.
 */
export function standInScript(): string {
	if (typeof __SEA_STAND_IN_ARGUMENT__ === 'string') return __SEA_STAND_IN_ARGUMENT__;
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 6; i++) {
		for (const candidate of [join(dir, 'lab-tool.js'), join(dir, 'dist', 'lab-tool.js')]) {
			if (existsSync(candidate)) return candidate;
		}
		dir = dirname(dir);
	}
	throw new Error('dist/lab-tool.js is missing: run "npm run build" first');
}
