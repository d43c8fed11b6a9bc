/**
 * `check`'s log warnings (issue 29 item 7): the current log named when it is missing, whatever else is
 * wrong; the gap and the age still said when several things are wrong at once; a set that starts at a
 * later generation said to be normal after a full backup (KB Q154762). ARCHITECTURE.md, "Validation rules".
 */
import {cp, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import type {ValidationReport} from '../../source/backup/report.js';
import {validateBackup} from '../../source/backup/validate.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {tempDir} from '../helpers/run-cli.js';

let lab: string;
beforeAll(async () => {
	const scratch = await mkdtemp(join(tmpdir(), 'dsmn-log-set-'));
	lab = join(scratch, 'lab');
	await createLab(lab, {...LAB_DEFAULTS, pace: 0});
	return () => rm(scratch, {recursive: true, force: true});
});

/** The lab's backup (JET00001.LOG to JET00003.LOG, then JET.LOG), with these files removed. */
async function backupWithout(...names: string[]): Promise<string> {
	const dir = join(await tempDir(), 'backup');
	await cp(labPaths(lab).backup, dir, {recursive: true, preserveTimestamps: true});
	for (const name of names) await rm(join(dir, name));
	return dir;
}

const CURRENT_MISSING =
	'JET.LOG is missing: it is the current log generation, where JET wrote last (after JET00003.LOG); the changes logged in it are not in this set. Copy JET.LOG from the same backup if it is there';
const GAP = 'the log generations have a gap (JET00002.LOG missing): JET cannot replay past it, so the changes after it are lost';
const AGE = /^the backup is .* old \(.*\): every change to accounts since then must be resynchronized to the NetWare servers$/;
const messages = (report: ValidationReport, name: string) => report.files.find(f => f.name === name)?.messages ?? [];

describe('the log set', () => {
	it('names a missing JET.LOG', async () => {
		const report = await validateBackup(await backupWithout('JET.LOG'));
		expect(report.warnings).toContain(CURRENT_MISSING);
		expect(report.valid).toBe(true);
	});

	it('with several faults at once, still names JET.LOG, the gap and the age', async () => {
		const dir = await backupWithout('JET.LOG', 'JET00002.LOG', 'SYSTEM.MDB');
		await writeFile(join(dir, 'MSSYNC.MDB'), 'This is not a database.\r\n'.repeat(400));
		// Two days on: the file written just now is past the day under which its age is no warning (fixl2).
		const report = await validateBackup(dir, {now: new Date(Date.now() + 2 * 24 * 60 * 60 * 1000)});
		expect(report.valid).toBe(false);
		expect(report.errors.length).toBeGreaterThanOrEqual(2);
		expect(report.warnings).toContain(CURRENT_MISSING);
		expect(report.warnings).toContain(GAP);
		expect(report.warnings.some(w => AGE.test(w))).toBe(true);
	});

	it('says a set that starts at a later generation is normal after a full backup, and sees no gap in it', async () => {
		const report = await validateBackup(await backupWithout('JET00001.LOG'));
		expect(messages(report, 'JET00002.LOG')).toContain(
			"the logs start at generation 2: normal after a full backup of DSMN's database, which processes and deletes the older logs (KB Q154762)",
		);
		expect(report.warnings.filter(w => /log/i.test(w))).toEqual([]);
		const whole = await validateBackup(await backupWithout());
		expect(whole.files.flatMap(f => f.messages).filter(m => /logs start at generation/.test(m))).toEqual([]);
	});

	it('a log whose header is blank still holds its place: no gap is claimed for it', async () => {
		const dir = await backupWithout();
		await writeFile(join(dir, 'JET00002.LOG'), new Uint8Array(8192));
		const report = await validateBackup(dir);
		expect(report.warnings.some(w => /gap/.test(w))).toBe(false);
		expect(report.warnings).toContain('JET00002.LOG has a blank (all-zero) header: JET cannot use it');
	});
});
