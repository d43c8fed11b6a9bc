/**
 * The lab's stand-in as a program (dist/lab-tool.js), which a test puts on PATH as net and sc (the model
 * test's real-target runs) and which starts for every such command: it is one file that shares no chunk
 * with the program and bundles no package (no zod: the lab's state is checked by hand,
 * source/lab/state-check.ts). Read from esbuild's own record of the bundle, dist/meta.json.
 */
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

type Metafile = {outputs: Record<string, {bytes: number; imports: {path: string}[]; inputs: Record<string, unknown>}>};

describe('the lab’s stand-in program', () => {
	it('is one file of Node’s modules and the project’s own code', async () => {
		const metafile = JSON.parse(await readFile(fileURLToPath(new URL('../../dist/meta.json', import.meta.url)), 'utf8')) as Metafile;
		const output = metafile.outputs['dist/lab-tool.js'];
		expect(output).toBeDefined();
		expect(output!.imports.map(i => i.path).filter(path => !path.startsWith('node:'))).toEqual([]);
		expect(Object.keys(output!.inputs).filter(input => !input.startsWith('source/'))).toEqual([]);
		expect(output!.bytes).toBeLessThan(64 * 1024);
	});
});
