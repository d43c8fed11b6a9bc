import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

/**
 * Where dist/lab-tool.js (the lab's stand-in net and sc) is: beside the running bundle, or, when this
 * code runs from source (the tests), in the package's dist/ folder.
 */
export function standInScript(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 6; i++) {
		for (const candidate of [join(dir, 'lab-tool.js'), join(dir, 'dist', 'lab-tool.js')]) {
			if (existsSync(candidate)) return candidate;
		}
		dir = dirname(dir);
	}
	throw new Error('dist/lab-tool.js is missing: run "npm run build" first');
}
