/** The synchronize step's failure: what to do for every server that failed (issue 29: "Retry it" for one, where the choice retries all). */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {failedAdvice, serverAndReason, synchronizeStep} from '../../source/procedure/synchronize-step.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {tempDir} from '../helpers/run-cli.js';

describe('failedAdvice', () => {
	it('names every failed server with its advice, each piece of advice once', () => {
		expect(
			failedAdvice([
				{server: 'FS3', advice: 'check that the server is up and reachable from the PDC, then retry'},
				{server: 'FS2', advice: 'run BINDFIX on the server, then retry'},
				{server: 'FS5', advice: 'check that the server is up and reachable from the PDC, then retry'},
			]),
		).toBe('for each of FS3, FS5, check that the server is up and reachable from the PDC, then retry; for FS2, run BINDFIX on the server, then retry');
		expect(failedAdvice([{server: 'FS3', advice: 'check that the server is up and reachable from the PDC, then retry'}])).toBe(
			'for FS3, check that the server is up and reachable from the PDC, then retry',
		);
	});
});

describe('synchronizeStep, servers failing', () => {
	// The second walker: "What to do: check that FS3 is up …, then retry it", while FS5 failed too and the choice was "Retry FS3, FS5".
	it('its advice is for every failed server, never "retry it" about one of them', async () => {
		const dir = join(await tempDir(), 'lab');
		// FS2, FS4 and FS5 have damaged records in the lab's live database; FS1 and FS3 do not answer.
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, accounts: 10, offline: ['FS1', 'FS3']});
		const outcome = await synchronizeStep(labTarget(dir), {});
		expect(outcome.status).toBe('failed');
		if (outcome.status !== 'failed') return;
		expect(outcome.advice).toBe(
			'for each of FS1, FS3, check that the server is up and reachable from the PDC, then retry; for each of FS2, FS4, FS5, restore the database from a backup, or with no backup reconstruct the server (KB Q148678)',
		);
		expect(outcome.advice).not.toMatch(/retry it|this server/);
	});

	// Issue 29: "FS3 (FS3 did not answer: …)": the lab's engine names the server in its own words, and the message named it again.
	it('its message names each failed server once, with its reason', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, accounts: 10, offline: ['FS1', 'FS3']});
		const outcome = await synchronizeStep(labTarget(dir), {});
		expect(outcome.status).toBe('failed');
		if (outcome.status !== 'failed') return;
		expect(outcome.message).toMatch(/^5 of 5 servers still show a red X: FS1 did not answer: the NetWare server is down or unreachable; /);
		for (const server of ['FS1', 'FS2', 'FS3', 'FS4', 'FS5']) expect(outcome.message.split(server).length - 1, server).toBe(1);
		expect(outcome.message).toContain("; Jet error -1018 (JET_errReadVerifyFailure): FS2's record in MSSYNC.MDB is damaged;");
	});
});

describe('serverAndReason', () => {
	it("says the server's name once: the tool's words that name it alone, else the name and the reason in parentheses", () => {
		expect(serverAndReason('FS3', 'FS3 did not answer: the NetWare server is down or unreachable')).toBe(
			'FS3 did not answer: the NetWare server is down or unreachable',
		);
		expect(serverAndReason('FS3', 'the account synchronization database (MSSYNC.MDB) cannot be read')).toBe(
			'FS3 (the account synchronization database (MSSYNC.MDB) cannot be read)',
		);
		// Another server's name is not this one's (FS1 in FS10's words).
		expect(serverAndReason('FS1', 'FS10 did not answer')).toBe('FS1 (FS10 did not answer)');
		expect(serverAndReason('FS3', undefined)).toBe('FS3 (it did not finish)');
	});

	it("keeps a program's quoted words as they are, after the name, even where they name the server", () => {
		expect(serverAndReason('FS3', 'Synchronization Manager said "FS3 is not responding"')).toBe('FS3 (Synchronization Manager said "FS3 is not responding")');
	});
});
