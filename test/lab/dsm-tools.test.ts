/** The lab's DSMDUMP and DSMCHK (KB Q197852, KB Q154760): the database's tables with MSSYNC stopped, and DSMCHK's exit codes. */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {labDsmchk, labDsmdump} from '../../source/lab/dsm-tools.js';
import {net} from '../../source/lab/stand-in.js';
import {runCli, tempDir} from '../helpers/run-cli.js';

const clock = () => {
	let now = Date.now();
	return {now: () => now, sleep: async (ms: number) => void (now += ms)};
};

describe('lab dsmdump and lab dsmchk', () => {
	it('DSMDUMP needs MSSYNC stopped, then lists the domain, the server table and the account table', {timeout: 60_000}, async () => {
		const dir = join(await tempDir(), 'lab');
		expect((await runCli(['lab', 'create', dir, '--pace', '0', '--servers', '2', '--accounts', '5'])).exitCode).toBe(0);
		await expect(labDsmdump(dir)).rejects.toThrow(/MSSYNC is RUNNING: DSMDUMP needs the database closed/);
		expect((await net(dir, ['stop', 'MSSYNC'], clock())).exitCode).toBe(0);
		const lines = await labDsmdump(dir);
		expect(lines[0]).toBe("DSMDUMP of the lab's MSSYNC.MDB (domain CORP, PDC NTPDC)");
		expect(lines).toContain('SERVER TABLE (2)');
		expect(lines).toContain('ACCOUNT TABLE (5)');
	});

	it("DSMCHK's exit codes: 1 not in sync (stale after a restore past the change log), 0 after a full synchronize, 2, 3, 4", {timeout: 120_000}, async () => {
		const dir = join(await tempDir(), 'lab');
		expect(
			(await runCli(['lab', 'create', dir, '--pace', '0', '--servers', '3', '--accounts', '5', '--backup-age', '30', '--change-log-size', '2'])).exitCode,
		).toBe(0);
		const status = JSON.parse((await runCli(['lab', 'status', dir, '--json'])).stdout.trim()) as {
			servers: {name: string; synchronized: boolean; staleAccounts: string[]}[];
		};
		// A server whose record DSMN can read (the lab damages the others' records).
		const server = status.servers.find(s => s.synchronized)!;
		const stale = server.staleAccounts[0]!;
		expect(await labDsmchk(dir, 'CORP', stale, server.name)).toMatchObject({exitCode: 1, lines: [expect.stringMatching(/is NOT in sync/)]});
		expect((await labDsmchk(dir, 'CORP', stale, 'FS9')).exitCode).toBe(2);
		expect((await labDsmchk(dir, 'OTHER', stale)).exitCode).toBe(3);
		expect((await labDsmchk(dir, 'CORP', 'NOSUCHUSER')).exitCode).toBe(4);
		await runCli(['lab', 'sync', dir, '--full']); // exit 1: the damaged servers stay red
		expect(await labDsmchk(dir, 'CORP', stale, server.name)).toMatchObject({exitCode: 0, lines: [`${server.name}: ${stale} is in sync.`]});
		const cli = await runCli(['lab', 'dsmchk', dir, '-d', 'CORP', '-u', 'NOSUCHUSER']);
		expect(cli.exitCode).toBe(4);
	});
});
