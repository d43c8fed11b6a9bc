#!/usr/bin/env node
// npm test — the checks, then the tests. Each check is one process on one core, so they run as two
// lanes side by side on a 2-core machine: eslint with type information (the longest) in one; the build,
// tsc, prettier and the layer rules in the other. Their output is printed as each finishes, never
// interleaved. Once every check has passed, vitest runs (it needs the build). Exit status: 1 when a
// check failed (vitest is then not run), else vitest's.
import {spawn} from 'node:child_process';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npmCli = process.env['npm_execpath'];

/** `npm run -s NAME`, its output kept until it ends: [name, exit status, output, seconds]. */
function script(name) {
	const started = performance.now();
	const [file, args] = npmCli ? [process.execPath, [npmCli, 'run', '-s', name]] : ['npm', ['run', '-s', name]];
	return new Promise(resolve => {
		const child = spawn(file, args, {cwd: root, stdio: ['ignore', 'pipe', 'pipe']});
		let output = '';
		child.stdout.on('data', chunk => (output += chunk));
		child.stderr.on('data', chunk => (output += chunk));
		child.on('error', error => resolve({name, code: 1, output: `${output}${error.message}\n`, seconds: 0}));
		child.on('close', code => {
			const result = {name, code: code ?? 1, output, seconds: (performance.now() - started) / 1000};
			process.stdout.write(`${result.code === 0 ? '✓' : '✗'} npm run ${name} (${result.seconds.toFixed(1)} s)\n${output}`);
			resolve(result);
		});
	});
}

/** The scripts one after the other, stopping at the first that fails. */
async function lane(...names) {
	const results = [];
	for (const name of names) {
		const result = await script(name);
		results.push(result);
		if (result.code !== 0) break;
	}
	return results;
}

const checks = (await Promise.all([lane('lint:code'), lane('build', 'typecheck', 'lint:format', 'lint:layers')])).flat();
const failed = checks.filter(result => result.code !== 0);
if (failed.length) {
	process.stdout.write(`npm test: ${failed.map(result => `npm run ${result.name}`).join(', ')} failed; the tests were not run.\n`);
	process.exit(1);
}

const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', ...process.argv.slice(2)], {cwd: root, stdio: 'inherit'});
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
