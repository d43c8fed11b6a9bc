/**
 * What `--version`, `--help` and a usage error load (ARCHITECTURE.md, "The command line and the front
 * ends"): dist/cli.js imports nothing statically and prints `--version` and `--help` itself; a usage error
 * loads one more file, dist/quick-answers.js, which imports nothing of the bundle and holds neither the
 * help text nor the claims table. Checked twice: in
 * esbuild's record of the bundle (dist/meta.json, written by npm run build), and in the modules Node
 * actually loads (its loader's own debug log, NODE_DEBUG=esm).
 */
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {execa} from 'execa';
import {describe, expect, it} from 'vitest';
import {CLI, userEnv} from '../helpers/run-cli.js';

type Metafile = {outputs: Record<string, {imports: {path: string; kind: string; external?: boolean}[]; inputs: Record<string, unknown>}>};

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const metafile = async () => JSON.parse(await readFile(`${dist}meta.json`, 'utf8')) as Metafile;

/** The modules Node loads for `dist/cli.js ARGS`, in order: files as paths under dist/, Node's own as node:NAME. */
async function modulesLoaded(args: string[]) {
	const run = await execa(process.execPath, [CLI, ...args], {reject: false, env: userEnv({NODE_DEBUG: 'esm'}), extendEnv: false, stdin: 'ignore'});
	const loaded = [...String(run.stderr).matchAll(/Translating \w+ (\S+)/g)].map(([, url]) =>
		url!.startsWith('file:') ? fileURLToPath(url!).replace(dist, 'dist/') : url!,
	);
	return {loaded, exitCode: run.exitCode, stdout: String(run.stdout)};
}

describe('what a start loads before it prints', () => {
	it('dist/cli.js imports nothing statically and holds the help; quick-answers.js is one file that imports only Node’s util and path (already in memory: Node’s own loader uses them)', async () => {
		const {outputs} = await metafile();
		const cli = outputs['dist/cli.js']!;
		expect(cli.imports.filter(i => i.kind !== 'dynamic-import')).toEqual([]);
		expect(cli.imports.map(i => i.path).sort()).toEqual(['./main.js', './quick-answers.js']);
		expect(Object.keys(cli.inputs).sort()).toEqual(
			[
				'cli.tsx',
				'source/cli/global-flags.ts',
				'source/cli/help-answer.ts',
				'source/cli/help.ts',
				'source/cli/output.ts',
				'source/errors/exit-codes.ts',
				'source/text/ascii.ts',
				'source/text/glyphs.ts',
			].sort(),
		);
		const quick = outputs['dist/quick-answers.js']!;
		expect(quick.imports.map(i => i.path).sort()).toEqual(['node:path', 'node:util']);
		expect(quick.imports.every(i => i.kind === 'import-statement' && i.external)).toBe(true);
		const inputs = Object.keys(quick.inputs);
		expect(inputs).toEqual(expect.arrayContaining(['source/cli/parse-args.ts', 'source/cli/quick-answers.ts']));
		expect(inputs.filter(path => path.startsWith('node_modules/') || /help|claims|reconstruct-texts/.test(path))).toEqual([]);
	});

	it('only the output holding esbuild’s __require gets require (createRequire, made on first use)', async () => {
		const outputs = Object.keys((await metafile()).outputs).filter(output => output.endsWith('.js'));
		const texts = await Promise.all(outputs.map(async output => ({output, text: await readFile(`${dist}${output.slice('dist/'.length)}`, 'utf8')})));
		const holding = (needle: string) => texts.filter(t => t.text.includes(needle)).map(t => t.output);
		expect(holding('Dynamic require of "').length).toBeGreaterThan(0);
		expect(holding('__createRequire')).toEqual(holding('Dynamic require of "'));
	});

	it('--version loads dist/cli.js alone', async () => {
		const run = await modulesLoaded(['--version']);
		expect(run.exitCode).toBe(0);
		expect(run.stdout).toMatch(/^dsmn-resync \d+\.\d+\.\d+ \(commit /);
		expect(run.loaded).toEqual(['dist/cli.js']);
	});

	it.each([[['--help']], [['-h', '--ascii']], [['lab', 'create', '--help']]])('%j loads dist/cli.js alone', async args => {
		const run = await modulesLoaded(args);
		expect(run.exitCode).toBe(0);
		expect(run.stdout).toMatch(/^dsmn-resync (—|--) bring NetWare servers/);
		expect(run.loaded).toEqual(['dist/cli.js']);
	});

	it.each([[['--no-such-flag']], [['check']], [['--no-such-flag', '--json']], [['--netware', 'FS2=5.x']]])(
		'%j loads dist/quick-answers.js, node:path and node:util, nothing more',
		async args => {
			const run = await modulesLoaded(args);
			expect(run.exitCode).toBe(2);
			expect([...run.loaded].sort()).toEqual(['dist/cli.js', 'dist/quick-answers.js', 'node:path', 'node:util']);
		},
	);

	it('the wizard, with no argument, goes straight to the program', async () => {
		const run = await modulesLoaded([]);
		expect(run.loaded[0]).toBe('dist/cli.js');
		expect(run.loaded[1]).toBe('dist/main.js');
		expect(run.loaded).not.toContain('dist/quick-answers.js');
	});

	it('any other command goes on to the program (so the trace above would see a chunk loaded)', async () => {
		const run = await modulesLoaded(['lab', 'status', `${dist}no-such-lab`]);
		expect(run.loaded.slice(0, 2)).toEqual(['dist/cli.js', 'dist/quick-answers.js']);
		expect(run.loaded.filter(path => path === 'dist/main.js')).toHaveLength(1);
	});

	it.each([[['--version']], [['--help']], [['--no-such-flag']]])(
		'%j prints without making process.stdout or process.stderr (no stream, net or tty module: writing straight to the descriptor)',
		async args => {
			const dir = await mkdtemp(join(tmpdir(), 'dsmn-start-'));
			try {
				// Read at exit by a preload (CommonJS, which loads none of them itself): Node's own list of the modules it loaded.
				const preload = join(dir, 'loaded.cjs');
				await writeFile(
					preload,
					"process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_TO, JSON.stringify(process.moduleLoadList)));\n",
				);
				const loadedTo = join(dir, 'loaded.json');
				const run = await execa(process.execPath, ['--require', preload, CLI, ...args], {
					reject: false,
					env: userEnv({LOADED_TO: loadedTo}),
					extendEnv: false,
					stdin: 'ignore',
				});
				expect(String(run.stdout) + String(run.stderr)).toMatch(/dsmn-resync/);
				const loaded = JSON.parse(await readFile(loadedTo, 'utf8')) as string[];
				expect(loaded.filter(name => /^NativeModule (stream|net|tty)$/.test(name))).toEqual([]);
			} finally {
				await rm(dir, {recursive: true, force: true});
			}
		},
	);
});
