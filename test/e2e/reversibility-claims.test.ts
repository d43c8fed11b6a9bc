import {readFile} from 'node:fs/promises';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/run-cli.js';

/** What cannot be undone by the tool (the wizard's confirmations say so): no text may call every step reversible. */
const IRREVERSIBLE = [/WINNT_SYNC_AGENT/, /restoring a\s+bindery/, /synchronizing/];

function expectTruthful(text: string) {
	expect(text).not.toMatch(/and\s+reversible/);
	expect(text).toMatch(/cannot be undone\s+(by\s+)?(the\s+)?tool|cannot be undone by\s+the tool/);
	for (const named of IRREVERSIBLE) expect(text).toMatch(named);
}

describe('what is said about reversibility', () => {
	it('--help names what the tool cannot undo', async () => {
		const help = await runCli(['--help']);
		expect(help.exitCode).toBe(0);
		const intro = help.stdout.split('\nUSAGE')[0]!;
		expectTruthful(intro);
	});

	it("the README's first paragraph says the same", async () => {
		const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
		const firstParagraph = readme.split('\n\n')[1]!;
		expectTruthful(firstParagraph);
	});
});
