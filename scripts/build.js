// Bundles the program into dist/: cli.js (the command line, small and fast to start), the wizard's UI in a
// chunk loaded only when drawn, and lab-tool.js (the practice lab's stand-in net and sc).
import {chmod, mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await rm(new URL('../dist', import.meta.url), {recursive: true, force: true});
await mkdir(new URL('../dist', import.meta.url), {recursive: true});

// react-devtools-core is an optional import of Ink, for development only.
const emptyDevtools = new URL('../dist/.empty-devtools.js', import.meta.url);
await writeFile(emptyDevtools, 'export default {};\n');

/**
 * Ink 6.8.0's incremental renderer (only changed lines are rewritten: what a slow SSH link needs) moves
 * the cursor up one line too few whenever the previous frame ended with a newline — every frame that is
 * not full-screen — so each frame lands one row lower than the last. Fixed here, at bundle time; the
 * build stops if the code it fixes has changed, so an Ink upgrade cannot drop or double the fix silently.
 */
const INK_INCREMENTAL_BUG = 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));';
const INK_INCREMENTAL_FIX =
	"{ const up = previousOutput.endsWith('\\n') ? previousVisible : previousVisible - 1; if (up > 0) buffer.push(ansiEscapes.cursorUp(up)); }";
export const fixInkIncrementalRendering = {
	name: 'fix-ink-incremental-rendering',
	setup(pluginBuild) {
		pluginBuild.onLoad({filter: /ink[\\/]build[\\/]log-update\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			if (!text.includes(INK_INCREMENTAL_BUG)) {
				throw new Error(`${args.path} has changed: check whether Ink fixed its incremental renderer, then update or remove the fix in scripts/build.js`);
			}
			return {contents: text.replace(INK_INCREMENTAL_BUG, INK_INCREMENTAL_FIX), loader: 'js'};
		});
	},
};

const result = await build({
	plugins: [fixInkIncrementalRendering],
	absWorkingDir: root,
	entryPoints: {cli: 'cli.tsx', 'lab-tool': 'source/lab/stand-in-main.ts'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	chunkNames: 'chunks/[name]-[hash]',
	alias: {'react-devtools-core': fileURLToPath(emptyDevtools)},
	define: {'process.env.NODE_ENV': '"production"', __VERSION__: JSON.stringify(pkg.version)},
	// Bundled CommonJS (react, signal-exit…) calls require() for Node's own modules.
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	minify: true,
	legalComments: 'none',
	metafile: true,
	logLevel: 'warning',
});
await chmod(new URL('../dist/cli.js', import.meta.url), 0o755);
await writeFile(new URL('../dist/meta.json', import.meta.url), JSON.stringify(result.metafile));
