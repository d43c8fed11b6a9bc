/**
 * scripts/build.js refuses a bundle that leaves a package to import at run time: the tarball carries no
 * node_modules, so such an import would fail only on the administrator's machine. And the dist/ built
 * for these tests passes it (meta.json is esbuild's own record of every output's imports).
 */
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

type Metafile = {outputs: Record<string, {imports: {path: string; kind: string; external?: boolean}[]}>};
// A script of the build, in JavaScript: imported by a path the type checker does not follow.
const buildScript = fileURLToPath(new URL('../../scripts/build.js', import.meta.url));
const {onlyNodeImports} = (await import(buildScript)) as {onlyNodeImports: (metafile: Metafile) => void};

const output = (...paths: string[]): Metafile => ({
	outputs: {'dist/chunks/x.js': {imports: paths.map(path => ({path, kind: 'import-statement', external: true}))}},
});

describe('the bundle imports nothing but Node’s own modules', () => {
	it('refuses a package left to run time (ws’s optional bufferutil, say), by output and name', () => {
		expect(() => onlyNodeImports(output('node:fs', 'bufferutil'))).toThrow(/dist\/chunks\/x\.js imports bufferutil/);
		expect(() => onlyNodeImports(output('react'))).toThrow(/imports react/);
	});

	it('lets Node’s modules through, with or without node:, and what the bundle holds itself', () => {
		expect(() => onlyNodeImports(output('node:fs', 'fs', 'child_process', 'node:sea'))).not.toThrow();
		expect(() => onlyNodeImports({outputs: {'dist/cli.js': {imports: [{path: 'dist/chunks/main.js', kind: 'dynamic-import'}]}}})).not.toThrow();
	});

	it('the dist/ these tests run, the lab’s stand-in included, passes', async () => {
		const metafile = JSON.parse(await readFile(fileURLToPath(new URL('../../dist/meta.json', import.meta.url)), 'utf8')) as Metafile;
		expect(Object.keys(metafile.outputs)).toContain('dist/lab-tool.js');
		expect(() => onlyNodeImports(metafile)).not.toThrow();
	});
});
