import {readdir, readFile} from 'node:fs/promises';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function filesUnder(dir: string): Promise<string[]> {
	const out: string[] = [];
	for (const entry of await readdir(dir, {withFileTypes: true})) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...(await filesUnder(path)));
		else if (/\.(ts|tsx|js|cjs)$/.test(entry.name)) out.push(path);
	}
	return out;
}

/** The code's text with comment line breaks joined, so that a section name split over two lines reads whole. */
const joined = (text: string) => text.replace(/\s*\n\s*(?:\*(?!\/)|\/\/)?\s*/g, ' ');

describe('ARCHITECTURE.md', () => {
	it('has every section the code cites, and nothing cites a document the repository does not hold', async () => {
		const sections = new Set(
			(await readFile(join(root, 'ARCHITECTURE.md'), 'utf8'))
				.split('\n')
				.filter(line => line.startsWith('## '))
				.map(line => line.slice(3).trim()),
		);
		const files = [...(await filesUnder(join(root, 'source'))), ...(await filesUnder(join(root, 'test'))), ...(await filesUnder(join(root, 'scripts')))];
		const missing: string[] = [];
		const foreign: string[] = [];
		let cited = 0;
		for (const file of files) {
			const text = joined(await readFile(file, 'utf8'));
			if (/DESIGN\.md/.test(text) && !file.endsWith('architecture.test.ts')) foreign.push(relative(root, file));
			// The program's comments cite this repository's documents, never an issue tracker's numbers (a reader has none).
			if (file.startsWith(join(root, 'source')) && /\bissues? #?\d/i.test(text)) foreign.push(relative(root, file));
			for (const match of text.matchAll(/ARCHITECTURE\.md,? \(?"([^"]+)"/g)) {
				cited++;
				if (!sections.has(match[1]!)) missing.push(`${relative(root, file)}: "${match[1]}"`);
			}
		}
		expect(cited).toBeGreaterThan(10);
		expect(missing).toEqual([]);
		expect(foreign).toEqual([]);
	});
});
