#!/usr/bin/env node
// npm run package: what an administrator carries, in release/: the tarball (npm pack), the two single
// executables dsmn-resync-linux-x64 and dsmn-resync-win-x64.exe, and SHA256SUMS. Each executable is a
// Node 20 binary (this machine's node, and the node.exe the Windows checks use) with the program injected
// as a single executable application (node --experimental-sea-config, then postject). Node 20 runs only
// a CommonJS main script there, so the program is bundled once more, as CommonJS, with:
// - yoga-layout (Ink's layout engine) loaded synchronously: its module awaits its WebAssembly at the top
//   level, which CommonJS cannot; here the same WebAssembly is compiled and instantiated synchronously;
// - Ink without its DevTools and their top-level awaits, as in dist/ (scripts/build.js);
// - the lab's stand-in net and sc answered inside the program, as everywhere (source/targets/lab/lab-target.ts).
// `npm run package -- linux` (or `windows`, `tarball`) builds one; `--out DIR` puts them elsewhere than release/.
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {chmod, copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import postject from 'postject';
import {buildInfo, fixInkIncrementalRendering, inkWithoutDevtools, inkWrapsAtWords, onlyNodeImports, programDefines} from './build.js';
import {cacheFolder, ensureNodeExe} from './windows/wine.js';

const root = fileURLToPath(new URL('..', import.meta.url));
export const RELEASE = join(root, 'release');
export const EXECUTABLE_NAMES = {linux: 'dsmn-resync-linux-x64', windows: 'dsmn-resync-win-x64.exe'};
// Node's own marker in its binary, which postject flips to say a program is injected.
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/** Replaces `bug` exactly once in `text`, or stops the build: the code it changes has changed. */
function replaceOnce(path, text, bug, fix) {
	if (text.split(bug).length !== 2) throw new Error(`${path} has changed: check what scripts/package.js changes in it, then update it`);
	return text.replace(bug, fix);
}

/**
 * yoga-layout's index.js is `wrapAssembly(await loadYoga())`. Its Emscripten loader calls an
 * `instantiateWasm(imports, receive)` hook when given one; answered synchronously, the module is ready
 * when loadYoga returns (`calledRun`), which is checked. The WebAssembly is the one the loader embeds
 * (base64), moved out of the loader into this module so that it is carried once.
 */
const YOGA_WASM = /H="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;

async function yogaLoader(path) {
	const text = await readFile(path, 'utf8');
	const match = YOGA_WASM.exec(text);
	if (!match) throw new Error(`${path} has changed: its embedded WebAssembly is no longer where scripts/package.js takes it from`);
	return {text, literal: match[0], base64: match[1]};
}

const yogaSynchronous = {
	name: 'yoga-synchronous',
	setup(pluginBuild) {
		pluginBuild.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/, namespace: 'file'}, async args => {
			const {text, literal} = await yogaLoader(args.path);
			const withoutWasm = replaceOnce(args.path, text, literal, 'H=""');
			return {contents: replaceOnce(args.path, withoutWasm, 'var _scriptDir = import.meta.url;', 'var _scriptDir = undefined;'), loader: 'js'};
		});
		pluginBuild.onLoad({filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			replaceOnce(args.path, text, 'const Yoga = wrapAssembly(await loadYoga());', '');
			return {
				contents: `
import loadYoga from '../binaries/yoga-wasm-base64-esm.js';
import wrapAssembly from './wrapAssembly.js';
import {yogaWasmBase64} from 'yoga-wasm-base64';
const yogaModule = {
	instantiateWasm(imports, receive) {
		const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(yogaWasmBase64, 'base64')), imports);
		receive(instance);
		return instance.exports;
	},
};
loadYoga(yogaModule);
if (!yogaModule.calledRun) throw new Error('yoga-layout did not start synchronously');
const Yoga = wrapAssembly(yogaModule);
export default Yoga;
export * from './generated/YGEnums.js';
`,
				loader: 'js',
				resolveDir: dirname(args.path),
			};
		});
		pluginBuild.onResolve({filter: /^yoga-wasm-base64$/}, args => ({
			path: join(args.resolveDir, '..', 'binaries', 'yoga-wasm-base64-esm.js'),
			namespace: 'yoga-wasm',
		}));
		pluginBuild.onLoad({filter: /.*/, namespace: 'yoga-wasm'}, async args => ({
			contents: `export const yogaWasmBase64 = ${JSON.stringify((await yogaLoader(args.path)).base64)};`,
			loader: 'js',
		}));
	},
};

/** The program as one CommonJS file. */
export async function bundle(outfile, build_ = buildInfo()) {
	const result = await build({
		plugins: [fixInkIncrementalRendering, inkWithoutDevtools, inkWrapsAtWords, yogaSynchronous],
		absWorkingDir: root,
		entryPoints: ['scripts/package-entry.js'],
		outfile,
		bundle: true,
		format: 'cjs',
		platform: 'node',
		target: 'node20',
		jsx: 'automatic',
		// import.meta exists only in ES modules; the program's own code does not use it.
		define: {...programDefines(build_), 'import.meta.url': 'undefined'},
		minify: true,
		legalComments: 'none',
		metafile: true,
		logLevel: 'warning',
	});
	onlyNodeImports(result.metafile);
	return result;
}

function run(file, args, options = {}) {
	const result = spawnSync(file, args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options});
	if (result.status !== 0) throw new Error(`${file} ${args.join(' ')} failed (exit code ${result.status ?? result.error?.message}): ${result.stderr}`);
	return result;
}

/**
 * One executable: `node` (a Node 20 binary for the platform) copied to `output`, the blob of `main`
 * injected. The code cache is compiled by this machine's Node, so only for the executable of this platform.
 */
async function executable(work, main, node, output, {codeCache}) {
	const name = output.split(/[\\/]/).at(-1);
	const config = join(work, `${name}.sea.json`);
	const blob = join(work, `${name}.blob`);
	await writeFile(config, JSON.stringify({main, output: blob, disableExperimentalSEAWarning: true, useCodeCache: codeCache, useSnapshot: false}));
	run(process.execPath, ['--experimental-sea-config', config]);
	await rm(output, {force: true});
	await copyFile(node, output);
	await chmod(output, 0o755);
	await postject.inject(output, 'NODE_SEA_BLOB', await readFile(blob), {sentinelFuse: SEA_FUSE});
	return (await stat(output)).size;
}

/** The executables named in `which` ('linux', 'windows'), into `outDir`: their paths and sizes. */
export async function packageExecutables(which, outDir = RELEASE, log = text => process.stdout.write(`${text}\n`)) {
	const [major] = process.versions.node.split('.');
	if (major !== '20') throw new Error(`npm run package needs Node 20 (the blob is made by this Node, for Node 20 binaries); this is ${process.version}`);
	await mkdir(outDir, {recursive: true});
	const work = await mkdtemp(join(tmpdir(), 'dsmn-package-'));
	const made = {};
	try {
		const main = join(work, 'dsmn-resync.cjs');
		await bundle(main);
		log(`bundle: ${((await stat(main)).size / 1024).toFixed(0)} KiB of CommonJS`);
		if (which.includes('linux')) {
			if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error('the Linux executable is built from this Node, which must be Linux x64');
			const path = join(outDir, EXECUTABLE_NAMES.linux);
			made.linux = {path, size: await executable(work, main, process.execPath, path, {codeCache: true})};
			log(`${path}: ${(made.linux.size / 1024 ** 2).toFixed(1)} MiB (Node ${process.versions.node})`);
		}
		if (which.includes('windows')) {
			// The blob's format is Node's own: node.exe must be the version that makes it, this Node's.
			const nodeExe = await ensureNodeExe(cacheFolder(), text => log(`· ${text}`), process.versions.node);
			const path = join(outDir, EXECUTABLE_NAMES.windows);
			made.windows = {path, size: await executable(work, main, nodeExe, path, {codeCache: false})};
			log(`${path}: ${(made.windows.size / 1024 ** 2).toFixed(1)} MiB (node.exe ${process.versions.node}, not signed)`);
		}
	} finally {
		await rm(work, {recursive: true, force: true});
	}
	return made;
}

/**
 * The tarball, dsmn-resync-VERSION.tgz in `outDir`, packed from dist/ (built before) and a package.json
 * with only what an installed program needs: no scripts, which npm would otherwise list on the
 * administrator's machine as install scripts to approve (`prepare` builds dist/ in a clone, and the
 * tarball has no scripts/ to run), and no devDependencies. Its path.
 */
export async function packTarball(outDir) {
	const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
	const stage = await mkdtemp(join(tmpdir(), 'dsmn-tarball-'));
	try {
		const manifest = {...Object.fromEntries(['name', 'version', 'description', 'license', 'type', 'bin', 'engines'].map(k => [k, pkg[k]])), files: ['dist']};
		await writeFile(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
		await copyFile(join(root, 'README.md'), join(stage, 'README.md'));
		// dist/ without esbuild's record of the build and the empty module it bundles (not run).
		await cp(join(root, 'dist'), join(stage, 'dist'), {recursive: true, filter: path => !/[\\/](meta\.json|\.empty-devtools\.js)$/.test(path)});
		// Under `npm run`, npm_execpath is npm's own script: run it with this Node, no shell.
		const npm = process.env.npm_execpath?.endsWith('.js') ? [process.execPath, process.env.npm_execpath] : ['npm'];
		const packed = run(npm[0], [...npm.slice(1), 'pack', '--ignore-scripts', '--json', '--pack-destination', outDir], {cwd: stage});
		return join(outDir, JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')))[0].filename);
	} finally {
		await rm(stage, {recursive: true, force: true});
	}
}

/**
 * SHA256SUMS beside what `outDir` holds of the release (each file hashed now): what an administrator checks
 * the carried copy against, with `sha256sum -c SHA256SUMS`, or `Get-FileHash NAME` in PowerShell.
 */
async function writeChecksums(outDir) {
	const names = (await readdir(outDir)).filter(n => Object.values(EXECUTABLE_NAMES).includes(n) || /^dsmn-resync-.+\.tgz$/.test(n)).sort();
	const lines = [];
	for (const name of names)
		lines.push(
			`${createHash('sha256')
				.update(await readFile(join(outDir, name)))
				.digest('hex')}  ${name}\n`,
		);
	await writeFile(join(outDir, 'SHA256SUMS'), lines.join(''));
	return names;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const args = process.argv.slice(2);
	const out = args.indexOf('--out');
	const outDir = out === -1 ? RELEASE : args[out + 1];
	const noBuild = args.includes('--no-build');
	const asked = args.filter((a, i) => a !== '--out' && a !== '--no-build' && (out === -1 || i !== out + 1));
	if (!outDir || asked.some(a => !['tarball', 'linux', 'windows'].includes(a))) {
		process.stderr.write('usage: node scripts/package.js [tarball] [linux] [windows] [--out DIR] [--no-build]\n');
		process.exit(2);
	}
	const which = asked.length > 0 ? asked : ['tarball', 'linux', 'windows'];
	if (which.includes('tarball')) {
		await mkdir(outDir, {recursive: true});
		// --no-build: dist/ as it is (the tests, which run while other tests read dist/).
		if (!noBuild) run(process.execPath, [join(root, 'scripts', 'build.js')], {stdio: 'inherit'});
		process.stdout.write(`${await packTarball(outDir)}\n`);
	}
	if (which.includes('linux') || which.includes('windows')) await packageExecutables(which, outDir);
	process.stdout.write(`${join(outDir, 'SHA256SUMS')}: ${(await writeChecksums(outDir)).join(', ')}\n`);
}
