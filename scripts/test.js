#!/usr/bin/env node
// npm test — the build, then the checks and the tests side by side. The tests wait on processes and
// pseudo-terminals and leave a core idle at times; the checks (tsc and eslint with type information on one
// program, prettier, the layer rules: about a third of the CPU of `npm test`) fill those gaps at a lower priority, in two lanes.
// A check's output is printed when it fails (at once) or after the tests (when it passed), never inside
// vitest's. Exit status: 1 when the build or a check failed, else vitest's.
import {spawn} from 'node:child_process';
import {setPriority} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npmCli = process.env['npm_execpath'];
/** Checks yield to the tests: what they wait on is the developer's loop, not the checks. */
const CHECK_PRIORITY = 10;

/** `npm run -s NAME`, its output kept until it ends: {name, code, output, seconds}. */
function script(name, priority = 0) {
	const started = performance.now();
	const [file, args] = npmCli ? [process.execPath, [npmCli, 'run', '-s', name]] : ['npm', ['run', '-s', name]];
	return new Promise(resolve => {
		const child = spawn(file, args, {cwd: root, stdio: ['ignore', 'pipe', 'pipe']});
		// Set before npm starts the check (its children inherit it); a failure to set it only costs time.
		if (priority && child.pid !== undefined) {
			try {
				setPriority(child.pid, priority);
			} catch {
				// Not allowed here: the check runs at the normal priority.
			}
		}
		let output = '';
		child.stdout.on('data', chunk => (output += chunk));
		child.stderr.on('data', chunk => (output += chunk));
		child.on('error', error => resolve({name, code: 1, output: `${output}${error.message}\n`, seconds: 0}));
		child.on('close', code => resolve({name, code: code ?? 1, output, seconds: (performance.now() - started) / 1000}));
	});
}

const report = result => `${result.code === 0 ? '✓' : '✗'} npm run ${result.name} (${result.seconds.toFixed(1)} s)\n${result.output}`;

/** The scripts one after the other, stopping at the first that fails, which is printed at once. */
async function lane(...names) {
	const results = [];
	for (const name of names) {
		const result = await script(name, CHECK_PRIORITY);
		results.push(result);
		if (result.code !== 0) {
			process.stdout.write(report(result));
			break;
		}
	}
	return results;
}

const build = await script('build');
process.stdout.write(report(build));
if (build.code !== 0) process.exit(1);

// check:code is typecheck and lint:code on one TypeScript program (scripts/check-code.js): one program built, not two.
const checks = Promise.all([lane('check:code'), lane('lint:format', 'lint:layers')]).then(lanes => lanes.flat());
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const tests = new Promise(resolve => {
	const child = spawn(process.execPath, [vitest, 'run', ...process.argv.slice(2)], {cwd: root, stdio: 'inherit'});
	child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});

const testsCode = await tests;
const results = await checks;
for (const result of results.filter(r => r.code === 0)) process.stdout.write(report(result));
const failed = results.filter(result => result.code !== 0);
if (failed.length) process.stdout.write(`npm test: ${failed.map(result => `npm run ${result.name}`).join(', ')} failed (printed above).\n`);
process.exit(failed.length ? 1 : testsCode);
