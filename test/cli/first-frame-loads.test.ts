/**
 * What the wizard parses before its first frame (ARCHITECTURE.md, "The command line and the front ends"):
 * dist/cli.js, main.ts and the wizard's UI chunk, and what they import statically. Validation (zod), the
 * commands a run starts (execa) and the runs themselves load after the first frame, with `operations.ts`.
 * Read from esbuild's own record of the bundle (dist/meta.json, written by npm run build).
 */
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

type Metafile = {outputs: Record<string, {imports: {path: string; kind: string}[]; inputs: Record<string, unknown>; entryPoint?: string}>};

/** The source modules and packages in the outputs loaded statically from `entries`. */
function staticInputs(metafile: Metafile, entries: string[]): string[] {
	const seen = new Set<string>();
	const queue = [...entries];
	for (let output = queue.shift(); output !== undefined; output = queue.shift()) {
		if (seen.has(output)) continue;
		seen.add(output);
		for (const i of metafile.outputs[output]?.imports ?? []) if (i.kind !== 'dynamic-import' && metafile.outputs[i.path]) queue.push(i.path);
	}
	return [...seen].flatMap(output => Object.keys(metafile.outputs[output]?.inputs ?? {}));
}

describe("the wizard's first frame", () => {
	it('parses neither zod, nor execa, nor the journal, nor the runs', async () => {
		const metafile = JSON.parse(await readFile(fileURLToPath(new URL('../../dist/meta.json', import.meta.url)), 'utf8')) as Metafile;
		const entry = (source: string) => {
			const found = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === source);
			if (!found) throw new Error(`no output for ${source}`);
			return found[0];
		};
		const loaded = staticInputs(metafile, ['dist/cli.js', entry('source/cli/main.ts'), entry('source/ui/run-wizard.tsx')]);
		expect(loaded).toContain('source/wizard/controller.ts');
		expect(loaded).toContain('node_modules/ink/build/ink.js');
		const heavy = loaded.filter(path =>
			/^node_modules\/(zod|execa|fast-glob)\/|^source\/(journal|backup\/validate|procedure\/(restore-run|reconstruct-run|passwords))/.test(path),
		);
		expect(heavy).toEqual([]);
	});
});
