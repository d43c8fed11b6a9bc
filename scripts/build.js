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

const result = await build({
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
