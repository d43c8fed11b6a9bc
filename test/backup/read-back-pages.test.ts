/** The copy step's read-back verifies a database's pages in the same pass it hashes (ARCHITECTURE.md, "Validation rules"). */
import {readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ReadBackPageError, ReadBackPages} from '../../source/backup/read-back-pages.js';
import {copyVerified} from '../../source/fs/copy-verified.js';
import {databaseFile, jet200File, offsetOf, PAGE} from '../jet/jet500-file-writer.js';
import {runCli, tempDir} from '../helpers/run-cli.js';
import {labRestoreArgs} from '../helpers/scripted-args.js';

/** Pushes a file in chunks of an odd size, as a read-back may deliver them. */
function pushAll(pages: ReadBackPages, file: Uint8Array, chunk = 65_537): void {
	for (let at = 0; at < file.byteLength; at += chunk) pages.push(file.subarray(at, at + chunk));
}

describe('ReadBackPages', () => {
	it('checks MSSYNC.MDB, SYSTEM.MDB and patch files, in any case; logs and other databases are hashed only', () => {
		expect(ReadBackPages.for('mssync.mdb')).toBeDefined();
		expect(ReadBackPages.for('SYSTEM.MDB')).toBeDefined();
		expect(ReadBackPages.for('MSSYNC.PAT')).toBeDefined();
		expect(ReadBackPages.for('JET.LOG')).toBeUndefined();
		expect(ReadBackPages.for('OTHER.MDB')).toBeUndefined();
	});

	it('counts the verified pages of a sound copy, never-written ones aside', () => {
		const pages = ReadBackPages.for('MSSYNC.MDB')!;
		pushAll(pages, databaseFile({pages: 300, written: 40}));
		expect(pages.check()).toBe(40);
	});

	it('refuses a copy with a damaged page, naming the page, its offset and both checksums', () => {
		const file = databaseFile({pages: 300, written: 40});
		file[offsetOf(7) + 100]! ^= 0x01;
		const pages = ReadBackPages.for('MSSYNC.MDB')!;
		pushAll(pages, file);
		expect(() => pages.check()).toThrow(ReadBackPageError);
		expect(() => pages.check()).toThrow(
			new RegExp(
				`^the copy of MSSYNC\\.MDB read back with a damaged page: page 7 \\(offset ${offsetOf(7)}\\) stores checksum 0x[0-9a-f]{8} but its bytes give 0x[0-9a-f]{8}; JET stops with error -1018`,
			),
		);
	});

	it('leaves a JET 200-format database unjudged: its pages are not Jet 500 pages', () => {
		const pages = ReadBackPages.for('MSSYNC.MDB')!;
		pushAll(pages, jet200File());
		expect(pages.check()).toBeUndefined();
	});

	it('gets every byte of the copy from the read-back of copyVerified, once', async () => {
		const dir = await tempDir();
		const file = databaseFile({pages: 600, written: 500});
		await writeFile(join(dir, 'MSSYNC.MDB'), file);
		let bytes = 0;
		const pages = ReadBackPages.for('MSSYNC.MDB')!;
		await copyVerified(join(dir, 'MSSYNC.MDB'), join(dir, 'COPY.MDB'), {
			readBack: chunk => {
				bytes += chunk.byteLength;
				pages.push(chunk);
			},
		});
		expect(bytes).toBe(600 * PAGE);
		expect(pages.check()).toBe(500);
		expect(Buffer.compare(await readFile(join(dir, 'COPY.MDB')), file)).toBe(0);
	});
});

describe('a scripted restore on the lab', {timeout: 120_000}, () => {
	it("says how many database pages its copy step verified in the copies' read-back", async () => {
		const lab = join(await tempDir(), 'lab');
		expect((await runCli(['lab', 'create', lab, '--pace', '0'])).exitCode).toBe(0);
		const run = await runCli(labRestoreArgs(lab));
		expect(run.stdout).toMatch(/copied: each [^\n]*, and matching the backup as validated; [\d,]+ database pages verified in the copies/);
	});
});
