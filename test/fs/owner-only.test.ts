import {stat, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseIcaclsListing, restrictToOwner, type IcaclsRun} from '../../source/fs/owner-only.js';
import {tempDir} from '../helpers/run-cli.js';

const FILE = 'C:\\Users\\admin\\new-passwords.txt';
const env = {USERNAME: 'admin', SystemRoot: 'C:\\WINNT'};

/** A scripted icacls.exe: the grant's answer, then the listing's; every call's arguments kept. */
function icacls(grant: {exitCode: number; output: string}, listing: {exitCode: number; output: string}) {
	const calls: string[][] = [];
	const run: IcaclsRun = async args => {
		calls.push([...args]);
		return calls.length === 1 ? grant : listing;
	};
	return {run, calls};
}

const PROCESSED = 'Successfully processed 1 files; Failed processing 0 files';

describe('the passwords file on Windows (simulated: platform win32, a scripted icacls)', () => {
	it('grants the user alone, with arguments as an array (no shell), and confirms it from the listing', async () => {
		const {run, calls} = icacls(
			{exitCode: 0, output: `processed file: ${FILE}\r\n${PROCESSED}\r\n`},
			{exitCode: 0, output: `${FILE} NTPDC\\admin:(F)\r\n\r\n${PROCESSED}\r\n`},
		);
		const result = await restrictToOwner(FILE, {platform: 'win32', env, icacls: run});
		expect(calls).toEqual([[FILE, '/inheritance:r', '/grant:r', 'admin:F'], [FILE]]);
		expect(result).toEqual({restricted: true, note: 'an access list granting only NTPDC\\admin, set with icacls'});
	});

	it("does not claim what it cannot confirm: an icacls that changes nothing and lists nothing (Wine's)", async () => {
		const {run} = icacls({exitCode: 0, output: ''}, {exitCode: 0, output: ''});
		const result = await restrictToOwner(FILE, {platform: 'win32', env, icacls: run});
		expect(result.restricted).toBe(false);
		expect(result.note).toBe(
			"NOT restricted to you: icacls reported success, but its listing of the file's access (exit code 0) said nothing, so the restriction could not be confirmed",
		);
		expect(result.advice).toContain(`icacls "${FILE}" /inheritance:r /grant:r "%USERNAME%:F"`);
		expect(result.note).not.toContain('0600');
	});

	it('names who else is still let in', async () => {
		const listing = `${FILE} NTPDC\\admin:(F)\r\n${' '.repeat(FILE.length)} BUILTIN\\Users:(I)(RX)\r\n\r\n${PROCESSED}\r\n`;
		const {run} = icacls({exitCode: 0, output: ''}, {exitCode: 0, output: listing});
		const result = await restrictToOwner(FILE, {platform: 'win32', env, icacls: run});
		expect(result).toMatchObject({restricted: false, note: 'NOT restricted to you: its access list still lets BUILTIN\\Users:(I)(RX) in'});
	});

	it("shows icacls's own words, sanitised, when it fails", async () => {
		const {run} = icacls({exitCode: 1332, output: 'No mapping between account names\u001b[31m and security IDs was done.\r\n'}, {exitCode: 0, output: ''});
		const result = await restrictToOwner(FILE, {platform: 'win32', env, icacls: run});
		expect(result.note).toBe(
			'NOT restricted to you: icacls failed (exit code 1332) and said "No mapping between account names\\x1B[31m and security IDs was done."',
		);
	});

	it('says so when USERNAME is not set, running nothing', async () => {
		const {run, calls} = icacls({exitCode: 0, output: ''}, {exitCode: 0, output: ''});
		const result = await restrictToOwner(FILE, {platform: 'win32', env: {}, icacls: run});
		expect(result.restricted).toBe(false);
		expect(calls).toEqual([]);
	});

	it('reads a listing with several entries', () => {
		expect(parseIcaclsListing(`${FILE} NT AUTHORITY\\SYSTEM:(F)\r\n    BUILTIN\\Administrators:(I)(F)\r\n\r\n${PROCESSED}`, FILE)).toEqual([
			{principal: 'NT AUTHORITY\\SYSTEM', rights: '(F)'},
			{principal: 'BUILTIN\\Administrators', rights: '(I)(F)'},
		]);
	});
});

describe('the passwords file on POSIX', () => {
	it('is mode 0600, whatever it was', async () => {
		const file = join(await tempDir(), 'pw.txt');
		await writeFile(file, 'x', {mode: 0o644});
		expect(await restrictToOwner(file, {platform: 'linux'})).toEqual({restricted: true, note: 'mode 0600'});
		expect((await stat(file)).mode & 0o777).toBe(0o600);
	});
});
