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
