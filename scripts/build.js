// Bundles the program into dist/: cli.js (the command line, small and fast to start: it imports nothing
// statically and prints --version and --help itself), quick-answers.js (usage errors, one file), main.js
// (the program) with the wizard's UI in a chunk loaded only when drawn, and lab-tool.js (the practice lab's stand-in net and sc, one file of its own). Everything the
// program runs is in dist/: it imports nothing but Node's own modules (checked below), so the package has
// no dependencies. scripts/package.js bundles the same code, with the same fixes, for the single executables.
import {spawnSync} from 'node:child_process';
import {chmod, mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import {builtinModules} from 'node:module';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build, transform} from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

/** `git ARGS` in the project (no shell): its output, or null when git is missing or this is not a clone. */
function git(args) {
	const result = spawnSync('git', args, {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']});
	return result.status === 0 ? result.stdout.trim() : null;
}

/**
 * The build baked into the program (source/build-info.ts): the commit, "-modified" when tracked files had
 * changes, and the date (SOURCE_DATE_EPOCH when set, for a reproducible build; otherwise now, in UTC).
 */
export function buildInfo() {
	const commit = git(['rev-parse', '--short=12', 'HEAD']);
	const modified = commit !== null && git(['status', '--porcelain', '--untracked-files=no']) !== '';
	const epoch = Number(process.env.SOURCE_DATE_EPOCH);
	const date = (Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
	return {commit: commit === null ? null : `${commit}${modified ? '-modified' : ''}`, date};
}

/** What esbuild replaces in the program: the production React, the version and the build. */
export function programDefines(build = buildInfo()) {
	return {
		'process.env.NODE_ENV': '"production"',
		__VERSION__: JSON.stringify(pkg.version),
		__BUILD_COMMIT__: JSON.stringify(build.commit),
		__BUILD_DATE__: JSON.stringify(build.date),
	};
}

/**
 * The line `--version` prints, worded by source/build-info.ts itself (its `describeBuild`, run here on the
 * build's defines), so that dist/cli.js prints it without importing anything.
 */
export async function versionLine(defines) {
	const source = await readFile(new URL('../source/build-info.ts', import.meta.url), 'utf8');
	const {code} = await transform(source, {loader: 'ts', format: 'esm', define: defines});
	const {describeBuild} = await import(`data:text/javascript,${encodeURIComponent(code)}`);
	return describeBuild();
}

/**
 * Every import a bundle leaves to run time must be one of Node's own modules, or another file of the
 * bundle (dist/cli.js loads dist/quick-answers.js): anything else would need node_modules.
 */
export function onlyNodeImports(metafile) {
	const builtins = new Set(builtinModules);
	const sibling = (output, path) => path.startsWith('./') && metafile.outputs[`${output.slice(0, output.lastIndexOf('/'))}/${path.slice(2)}`] !== undefined;
	const outside = Object.entries(metafile.outputs).flatMap(([output, {imports}]) =>
		imports.filter(i => i.external && !i.path.startsWith('node:') && !builtins.has(i.path) && !sibling(output, i.path)).map(i => `${output} imports ${i.path}`),
	);
	if (outside.length > 0) throw new Error(`the bundle imports packages at run time, which the package does not carry: ${outside.join('; ')}`);
}

// react-devtools-core is an optional import of Ink, for development only: bundled as this empty module.
export const emptyDevtools = fileURLToPath(new URL('../dist/.empty-devtools.js', import.meta.url));

/**
 * Ink 6.8.0's incremental renderer (only changed lines are rewritten: what a slow SSH link needs) moves
 * the cursor up one line too few whenever the previous frame ended with a newline — every frame that is
 * not full-screen — so each frame lands one row lower than the last. Fixed here, at bundle time; the
 * build stops if the code it fixes has changed, so an Ink upgrade cannot drop or double the fix silently.
 */
const INK_INCREMENTAL_BUG = 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));';
const INK_INCREMENTAL_FIX =
	"{ const up = previousOutput.endsWith('\\n') ? previousVisible : previousVisible - 1; if (up > 0) buffer.push(ansiEscapes.cursorUp(up)); }";
/**
 * Two more, in ink.js, both about a terminal made narrower (the terminal rewraps what is on screen):
 * - When the last frame was as tall as the new screen, Ink clears the terminal and writes the frame
 *   without its final newline, yet records it with one: with the fix above, the next frame then lands
 *   one row too high, leaving a stale row at the bottom (a server row twice in the synchronization view).
 *   It now writes what it records.
 * - Otherwise Ink erases the last frame line by line, as many lines as it had before the rewrap: pieces of
 *   it stay. It now clears the screen and writes the log again (its own record of it, so it is written
 *   once), then draws the next frame whole. Not in debug mode (TERM=dumb), which never moves the cursor.
 */
const INK_CLEAR_BUG = 'this.options.stdout.write(ansiEscapes.clearTerminal + this.fullStaticOutput + output);';
const INK_CLEAR_FIX = 'this.options.stdout.write(ansiEscapes.clearTerminal + this.fullStaticOutput + outputToRender);';
const INK_NARROWER_BUG = `            // We clear the screen when decreasing terminal width to prevent duplicate overlapping re-renders.
            this.log.clear();`;
const INK_NARROWER_FIX = `            if (this.options.debug) { this.log.clear(); } else { this.options.stdout.write(ansiEscapes.clearTerminal + this.fullStaticOutput); this.log.done(); }`;

function replaceOnce(path, text, bug, fix) {
	if (text.split(bug).length !== 2) {
		throw new Error(`${path} has changed: check whether Ink fixed what scripts/build.js fixes in it, then update or remove the fix`);
	}
	return text.replace(bug, fix);
}

export const fixInkIncrementalRendering = {
	name: 'fix-ink-incremental-rendering',
	setup(pluginBuild) {
		pluginBuild.onLoad({filter: /ink[\\/]build[\\/]log-update\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			return {contents: replaceOnce(args.path, text, INK_INCREMENTAL_BUG, INK_INCREMENTAL_FIX), loader: 'js'};
		});
		pluginBuild.onLoad({filter: /ink[\\/]build[\\/]ink\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			const fixed = replaceOnce(args.path, replaceOnce(args.path, text, INK_CLEAR_BUG, INK_CLEAR_FIX), INK_NARROWER_BUG, INK_NARROWER_FIX);
			return {contents: fixed, loader: 'js'};
		});
	},
};

/**
 * Ink wraps text with wrap-ansi (hard): a path is cut mid-word ("SystemRoo" / "t/SYSTEM32") and a wrapped
 * row starts with the space it broke at. The bundle's Ink wraps with source/text/wrap.ts instead, which the
 * wizard also measures its rows with (source/text/measure.ts), so that what it counts is what is drawn.
 */
const INK_WRAP_IMPORT = "import wrapAnsi from 'wrap-ansi';";
export const inkWrapsAtWords = {
	name: 'ink-wraps-at-words',
	setup(pluginBuild) {
		pluginBuild.onLoad({filter: /ink[\\/]build[\\/]wrap-text\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			const wrap = JSON.stringify(fileURLToPath(new URL('../source/text/wrap.ts', import.meta.url)));
			return {contents: replaceOnce(args.path, text, INK_WRAP_IMPORT, `import {wrapText as wrapAnsi} from ${wrap};`), loader: 'js'};
		});
	},
};

/**
 * Ink connects to React DevTools when DEV=true, through ws and react-devtools-core, and reads its own
 * package.json: a developer's tools, which the package does not carry (react-devtools-core is bundled
 * empty; Ink's package.json is not beside the bundle). Both are taken out, with the top-level awaits that
 * load them (which a CommonJS bundle, scripts/package.js, cannot hold), so that DEV=true in an
 * administrator's environment changes nothing and nothing of ws is left to import.
 */
export const inkWithoutDevtools = {
	name: 'ink-without-devtools',
	setup(pluginBuild) {
		pluginBuild.onLoad({filter: /ink[\\/]build[\\/]devtools\.js$/}, () => ({contents: 'export {};\n', loader: 'js'}));
		pluginBuild.onLoad({filter: /ink[\\/]build[\\/]reconciler\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			const withoutDevtools = replaceOnce(args.path, text, "await import('./devtools.js');", '');
			return {contents: replaceOnce(args.path, withoutDevtools, '? await loadPackageJson()', '? {name: undefined, version: undefined}'), loader: 'js'};
		});
	},
};

/**
 * cli.tsx is bundled alone, with the little it imports statically (the help text and the rule that asks
 * for it), so that dist/cli.js imports nothing: its imports of quick-answers.ts and main.ts are left to run
 * time, as ./quick-answers.js and ./main.js, each bundled apart. quick-answers.js is one file that shares
 * nothing with the program (chunks shared with it would be several, each a module for Node to load);
 * main.js is the program's entry, its chunks beside it.
 */
export const apartFromCli = {
	name: 'apart-from-cli',
	setup(pluginBuild) {
		pluginBuild.onResolve({filter: /[\\/](quick-answers|main)\.js$/}, args =>
			args.importer.endsWith('cli.tsx') ? {path: `./${args.path.split('/').at(-1)}`, external: true} : undefined,
		);
	},
};

// Bundled CommonJS (react, signal-exit…) calls require() for Node's own modules, through esbuild's
// __require, which throws this when no `require` is in scope.
const REQUIRE_SHIM = 'Dynamic require of "';
// Made on first use: createRequire costs a few milliseconds (Node's CommonJS loader), which `check`, the lab
// commands and the scripted runs, that bundle no CommonJS in their path, do not pay. Nothing bundled uses
// require.resolve, require.cache or require.main (only calls).
const REQUIRE_BANNER =
	"import {createRequire as __createRequire} from 'node:module'; let __madeRequire; function require(id) { __madeRequire ??= __createRequire(import.meta.url); return __madeRequire(id); }\n";

/**
 * Gives `require` to the outputs that hold esbuild's __require (in a split build, the one runtime chunk
 * every other imports it from), and to no other: node:module is not loaded where nothing needs it.
 */
async function requireWhereNeeded(outputs) {
	for (const output of outputs.filter(path => path.endsWith('.js'))) {
		const url = pathToFileURL(`${root}/${output}`);
		const text = await readFile(url, 'utf8');
		if (!text.includes(REQUIRE_SHIM)) continue;
		const hashbang = text.startsWith('#!') ? text.slice(0, text.indexOf('\n') + 1) : '';
		await writeFile(url, `${hashbang}${REQUIRE_BANNER}${text.slice(hashbang.length)}`);
	}
}

async function buildDist() {
	await rm(new URL('../dist', import.meta.url), {recursive: true, force: true});
	await mkdir(new URL('../dist', import.meta.url), {recursive: true});
	await writeFile(emptyDevtools, 'export default {};\n');
	const common = {
		absWorkingDir: root,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		define: programDefines(),
		minify: true,
		legalComments: 'none',
		metafile: true,
		logLevel: 'warning',
	};
	const [cli, program, quickAnswers, labTool] = await Promise.all([
		build({
			...common,
			define: {...common.define, __VERSION_LINE__: JSON.stringify(await versionLine(common.define))},
			plugins: [apartFromCli],
			entryPoints: {cli: 'cli.tsx'},
			outdir: 'dist',
		}),
		build({
			...common,
			plugins: [fixInkIncrementalRendering, inkWithoutDevtools, inkWrapsAtWords],
			entryPoints: {main: 'source/cli/main.ts'},
			outdir: 'dist',
			splitting: true,
			jsx: 'automatic',
			chunkNames: 'chunks/[name]-[hash]',
			alias: {'react-devtools-core': emptyDevtools},
		}),
		build({...common, entryPoints: {'quick-answers': 'source/cli/quick-answers.ts'}, outdir: 'dist'}),
		// The lab's stand-in starts for every net, sc and rpcclient a lab run makes (about 19 a restore): one
		// file of its own, sharing no chunk with the program, so that it parses only what it runs.
		build({...common, entryPoints: {'lab-tool': 'source/lab/stand-in-main.ts'}, outdir: 'dist'}),
	]);
	const builds = [cli, program, quickAnswers, labTool];
	const result = {
		metafile: {
			inputs: Object.assign({}, ...builds.map(b => b.metafile.inputs)),
			outputs: Object.assign({}, ...builds.map(b => b.metafile.outputs)),
		},
	};
	onlyNodeImports(result.metafile);
	await requireWhereNeeded(Object.keys(result.metafile.outputs));
	await chmod(new URL('../dist/cli.js', import.meta.url), 0o755);
	await writeFile(new URL('../dist/meta.json', import.meta.url), JSON.stringify(result.metafile));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildDist();
