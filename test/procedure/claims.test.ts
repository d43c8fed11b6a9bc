/** The claims table: every citation in the tool's texts holds against it, and a wrong one fails. */
import {readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ARTICLES, CLAIMS, citationProblems, cite} from '../../source/procedure/claims.js';

async function sourceFiles(dir: string): Promise<string[]> {
	const out: string[] = [];
	for (const entry of await readdir(dir, {withFileTypes: true})) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...(await sourceFiles(path)));
		else if (/\.tsx?$/.test(entry.name) && !path.endsWith(join('procedure', 'claims.ts'))) out.push(path);
	}
	return out;
}

describe('the claims table', () => {
	it('cites only articles it lists, each claim with at least one', () => {
		for (const [id, claim] of Object.entries(CLAIMS)) {
			expect(claim.articles.length, id).toBeGreaterThan(0);
			for (const a of claim.articles) expect(Object.keys(ARTICLES), id).toContain(a);
		}
	});

	it('every line of source/ that cites a KB article cites it for what the article says', async () => {
		const problems: string[] = [];
		for (const file of await sourceFiles('source')) {
			const lines = (await readFile(file, 'utf8')).split('\n');
			lines.forEach((line, i) => {
				if (!/\bQ\d{6}\b/.test(line)) return;
				// A sentence wrapped over two lines: its claim is on the line before its citation.
				let found = citationProblems(line);
				if (found.length > 0) found = citationProblems([lines[i - 1], line, lines[i + 1]].map(l => (l ?? '').trim().replace(/^(\*|\/\/)\s*/, '')).join(' '));
				for (const p of found) problems.push(`${file}:${i + 1}: ${p}`);
			});
		}
		expect(problems).toEqual([]);
	});

	it('the texts built from the table hold against it: restore and reconstruct steps, manual instructions, NetWare 2.x/3.x/4.x', async () => {
		const {RESTORE_STEPS} = await import('../../source/procedure/restore-steps.js');
		const {reconstructSteps, manualNetWareInstructions} = await import('../../source/procedure/reconstruct-texts.js');
		const texts = [
			...RESTORE_STEPS.flatMap(s => [s.kb, s.why]),
			...reconstructSteps(['FS1', 'FS2', 'FS3'], ['FS1', 'FS2'], undefined, {FS1: '2.x', FS3: '4.x'}).flatMap(s => [s.kb, s.why]),
			...(['2.x', '3.x', '4.x'] as const).flatMap(version =>
				['delete-agent', 'restore-bindery', 'add-server', 'set-passwords'].flatMap(kind =>
					manualNetWareInstructions(kind, 'FS1', {initialPassword: true, version}),
				),
			),
		];
		expect(citationProblems(texts.join('\n'))).toEqual([]);
	});

	it('cite() names the articles of a claim, or the ones asked for', () => {
		expect(cite('chgpass')).toBe('KB Q183684');
		expect(cite('dsmchk', ['Q154760'])).toBe('KB Q154760');
		expect(() => cite('chgpass', ['Q188356'])).toThrow(/not said by Q188356/);
	});
});

describe('a wrong citation fails', () => {
	it('SETPASS cited to the overview article (Q183684 names only CHGPASS)', () => {
		expect(citationProblems('Afterwards NetWare users change their passwords with CHGPASS or MSLOGIN, not SETPASS (KB Q183684).').join('\n')).toMatch(
			/setpass-breaks-sync.*without citing Q188356/,
		);
	});

	it('an article cited for something it does not say', () => {
		expect(citationProblems('Run dsmpack /r in SYNCAGNT (KB Q154706).').join('\n')).toMatch(/cites Q154706, which says none of/);
	});

	it('a claim the table does not hold', () => {
		expect(citationProblems('The dialog shows the weather (KB Q183684).').join('\n')).toMatch(/a claim the table does not hold/);
	});

	it('an article the table does not list', () => {
		expect(citationProblems('DSMN is great (KB Q999999).').join('\n')).toMatch(/Q999999 is not in the table/);
	});

	it('the wrong claims of earlier releases, cited or not', () => {
		for (const text of [
			'Runs "Synchronize all servers": every domain account is propagated again to every managed NetWare server.',
			"A server's bindery backup holds its users as they were before DSMN managed it.",
			'The dialog itself offers how the propagated accounts get their passwords (KB Q183684, Q153617).',
			'so that DSMN propagates every account to it again (KB Q148678).',
		])
			expect(citationProblems(text), text).not.toEqual([]);
	});

	it('right citations pass', () => {
		expect(citationProblems('Users change their passwords with CHGPASS (KB Q183684), never with SETPASS (KB Q188356).')).toEqual([]);
		expect(citationProblems('Look for Event 8005 in the Application log (KB Q189441).')).toEqual([]);
	});
});

describe('the corrected claims, pinned', () => {
	it('the bindery help: NET$*.OLD are whatever BINDFIX last saved, not the users from before DSMN', async () => {
		const overlay = await readFile('source/ui/widgets/Overlays.tsx', 'utf8');
		expect(overlay).toMatch(/holds whatever BINDFIX last saved, of any date: the KB means a backup from before the server joined the domain \(KB Q154761\)/);
		expect(overlay).not.toMatch(/as they were before DSMN managed it/);
	});

	it('synchronize-only: what changed in the NetWare-enabled accounts of the chosen groups, not every account to every server', async () => {
		const {describeSynchronizeOnly} = await import('../../source/procedure/synchronize-only.js');
		const target = {sync: {}, servers: {list: async () => []}} as unknown as Parameters<typeof describeSynchronizeOnly>[0];
		const {changes} = await describeSynchronizeOnly(target);
		expect(changes[0]).toMatch(/what changed in the NetWare-enabled accounts of the groups chosen for it \(KB Q183684\)/);
		expect(changes.join(' ')).not.toMatch(/every domain account/);
	});
});
