/**
 * `lab net DIR ARGS…` and `lab sc DIR ARGS…`: the lab's own net and sc from the command line, the same the
 * wizard's lab target runs (ARCHITECTURE.md, "The lab"); the hint of a lab tool that needs MSSYNC stopped
 * names it, as it works from where the admin is.
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {main} from '../../source/cli/main.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {tempDir} from '../helpers/run-cli.js';
import {recordingIo} from '../helpers/recording-io.js';

async function lab() {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 5, offline: []});
	return dir;
}

describe('lab net and lab sc', () => {
	it('the hint of dsmdump while MSSYNC runs is a command that works: lab net DIR stop MSSYNC, then dsmdump runs', async () => {
		const dir = await lab();
		const refused = recordingIo({}, '/opt/app/dist/cli.js');
		expect(await main(['lab', 'dsmdump', dir], refused.io)).toBe(2);
		// Started as `node /opt/app/dist/cli.js`: the hint names the program so.
		const hint = `node /opt/app/dist/cli.js lab net ${dir} stop MSSYNC`;
		expect(refused.err()).toContain(hint);

		const stop = recordingIo({}, '/opt/app/dist/cli.js');
		expect(await main(hint.split(' ').slice(2), stop.io)).toBe(0);
		expect(stop.out()).toContain('The Directory Service Manager for NetWare service was stopped successfully.');

		const query = recordingIo();
		expect(await main(['lab', 'sc', dir, 'query', 'MSSYNC'], query.io)).toBe(0);
		expect(query.out()).toMatch(/STATE\s+: 1\s+STOPPED/);

		const dump = recordingIo();
		expect(await main(['lab', 'dsmdump', dir], dump.io)).toBe(0);
		expect(dump.out()).toContain("DSMDUMP of the lab's MSSYNC.MDB");
	});

	it("passes net's exit code and its own words on: a second stop is NET HELPMSG 3521", async () => {
		const dir = await lab();
		expect(await main(['lab', 'net', dir, 'stop', 'MSSYNC'], recordingIo().io)).toBe(0);
		const again = recordingIo();
		expect(await main(['lab', 'net', dir, 'stop', 'MSSYNC'], again.io)).toBe(2);
		expect(again.err()).toContain('NET HELPMSG 3521');
	});

	it('refuses lab net without a folder and arguments, saying what to type', async () => {
		const none = recordingIo();
		expect(await main(['lab', 'net'], none.io)).toBe(2);
		expect(none.err()).toContain('for example: dsmn-resync lab net ./lab stop MSSYNC');
	});
});
