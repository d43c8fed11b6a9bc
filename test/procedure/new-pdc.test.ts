/** The lost PDC (KB Q154761): the question's texts, the steps, and the lab's promoted BDC. */
import {copyFile, mkdir, readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {NEW_PDC_BACKUP_FOLDER as LAB_FOLDER} from '../../source/lab/new-pdc.js';
import {net} from '../../source/lab/stand-in.js';
import {labPaths} from '../../source/lab/state.js';
import {citationProblems} from '../../source/procedure/claims.js';
import {NEW_PDC_BACKUP_FOLDER, newPdcSteps, PDC_CHOICES, pdcExplanation, restoreRoleRefusal} from '../../source/procedure/new-pdc.js';
import {runCli, tempDir} from '../helpers/run-cli.js';

const clock = () => {
	let now = Date.now();
	return {now: () => now, sleep: async (ms: number) => void (now += ms)};
};

describe('this PDC, or a new one', () => {
	it('the ? says why the two differ, citing each article for its own procedure', () => {
		const text = pdcExplanation();
		expect(text[0]).toMatch(/copy the backup into SYNCAGNT, .* \(KB Q148678\)/);
		expect(text[1]).toMatch(/a backup subfolder of SYNCAGNT, not into SYNCAGNT itself, .* \(KB Q154761\)/);
		expect(text[3]).toMatch(/^The server itself can say whether it is a PDC or a BDC, never whether it ran DSMN all along..*rpcclient srvinfo/);
		const all = [...text, ...Object.values(PDC_CHOICES).flatMap(c => [c.label, c.consequence]), ...newPdcSteps(true).flatMap(s => [s.kb, s.why])];
		expect(citationProblems(all.join('\n'))).toEqual([]);
	});

	it("Q154761's steps: stop, copy into SYNCAGNT\\Backup (typed word), start, synchronize", () => {
		const steps = newPdcSteps(true);
		expect(steps.map(s => s.id)).toEqual(['stop-service', 'copy-backup', 'start-service', 'synchronize']);
		expect(steps[1]).toMatchObject({title: 'Copy the backup into SYNCAGNT\\Backup', confirmation: {kind: 'typed', word: 'RESTORE'}});
		expect(steps[3]!.manual).toBe(true);
		expect(NEW_PDC_BACKUP_FOLDER).toBe(LAB_FOLDER);
	});
});

describe('the role the server reports', () => {
	it('a BDC is refused for either situation, with what to do; a PDC or an unknown role goes on', () => {
		expect(restoreRoleRefusal('bdc', 'same')).toMatchObject({
			message: expect.stringMatching(/reports itself as a BDC/),
			advice: expect.stringMatching(/--pdc new/),
		});
		expect(restoreRoleRefusal('bdc', 'new')).toMatchObject({advice: expect.stringMatching(/promote this BDC to PDC/)});
		expect(restoreRoleRefusal('pdc', 'new')).toBeUndefined();
		expect(restoreRoleRefusal(undefined, 'same')).toBeUndefined();
	});
});

describe('lab create --new-pdc', () => {
	it(
		'an empty new installation; the backup copied into SYNCAGNT\\Backup is taken at start, and synchronizing clears the red X',
		{timeout: 60_000},
		async () => {
			const dir = join(await tempDir(), 'lab');
			expect((await runCli(['lab', 'create', dir, '--pace', '0', '--servers', '2', '--accounts', '20', '--new-pdc'])).exitCode).toBe(0);
			const before = JSON.parse((await runCli(['lab', 'status', dir, '--json'])).stdout.trim()) as {servers: {synchronized: boolean; problem?: string}[]};
			expect(before.servers.map(s => s.problem)).toEqual(['the database does not list this server', 'the database does not list this server']);

			const {syncagnt, backup} = labPaths(dir);
			expect((await net(dir, ['stop', 'MSSYNC'], clock())).exitCode).toBe(0);
			await mkdir(join(syncagnt, NEW_PDC_BACKUP_FOLDER));
			for (const name of await readdir(backup)) await copyFile(join(backup, name), join(syncagnt, NEW_PDC_BACKUP_FOLDER, name));
			expect((await net(dir, ['start', 'MSSYNC'], clock())).exitCode).toBe(0);

			expect((await runCli(['lab', 'sync', dir])).exitCode).toBe(0);
			const after = JSON.parse((await runCli(['lab', 'status', dir, '--json'])).stdout.trim()) as {servers: {synchronized: boolean}[]};
			expect(after.servers.map(s => s.synchronized)).toEqual([true, true]);
		},
	);
});
