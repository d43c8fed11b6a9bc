/**
 * Allow4X as read from a PDC's registry: every transcript of `net rpc registry getvalue` (Samba 4.17,
 * captured against a real smbd: test/fixtures/samba) and of `reg query` (Wine 8.0's reg.exe, captured under
 * Wine: test/fixtures/windows; no real NT runs here) read into set, not set, or not read with the command's words.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {
	MSSYNC_PARAMETERS_KEY,
	netRegistryArgs,
	parseNetRegistryValue,
	parseRegQuery,
	readAllow4xWithReg,
} from '../../../source/targets/real/allow4x-registry.js';

type Transcript = {id: string; command: string; stdout: string; stderr: string; exitCode: number};

/** "### id", "$ command", stdout and stderr with "$" at each line's end (^M for a carriage return), the exit code. */
function transcripts(file: string): Map<string, Transcript> {
	const text = readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8');
	const all = text
		.split(/^### /m)
		.filter(Boolean)
		.map(block => {
			const lines = block.split('\n');
			const part = (name: string) => {
				const start = lines.findIndex(l => l.startsWith(`--- ${name}`));
				const end = lines.findIndex((l, i) => i > start && l.startsWith('--- '));
				return lines
					.slice(start + 1, end)
					.map(l => `${l.replace(/\$$/, '').replace(/\^M/g, '\r').replace(/\^I/g, '\t')}\n`)
					.join('');
			};
			return {
				id: lines[0]!.trim(),
				command: lines[1]!.replace(/^\$ /, ''),
				stdout: part('stdout'),
				stderr: part('stderr'),
				exitCode: Number(/--- exit code: (\d+)/.exec(block)![1]),
			};
		});
	return new Map(all.map(t => [t.id, t]));
}

const net = transcripts('samba/net-rpc-registry-transcripts.txt');
const reg = transcripts('windows/reg-query-wine-transcripts.txt');

describe('net rpc registry getvalue … Allow4X (Samba 4.17, a real smbd)', () => {
	it('REG_DWORD 1: set', () => {
		expect(parseNetRegistryValue(net.get('05-set-1')!)).toEqual({state: 'set', how: 'REG_DWORD 1'});
	});

	it('the value or its key missing, 0, or another type: not set, saying which', () => {
		expect(parseNetRegistryValue(net.get('04-value-missing')!)).toEqual({
			state: 'unset',
			why: 'the value Allow4X is not there (registry_queryvalue failed: NT_STATUS_NO_SUCH_DEVICE)',
		});
		const key = parseNetRegistryValue(net.get('01-key-missing')!);
		expect(key).toEqual({state: 'unset', why: `the key ${MSSYNC_PARAMETERS_KEY} is not there (registry_openkey failed: NT_STATUS_NO_SUCH_DEVICE)`});
		expect(parseNetRegistryValue(net.get('07-set-0')!)).toEqual({state: 'unset', why: 'Allow4X is REG_DWORD 0, not REG_DWORD 1'});
		expect(parseNetRegistryValue(net.get('08-set-sz')!)).toEqual({state: 'unset', why: 'Allow4X is REG_SZ "1", not REG_DWORD 1'});
	});

	it('no rights, a wrong password, nothing listening: not read, in net\'s own words (never "not set")', () => {
		for (const [id, words] of [
			['02-key-missing-no-rights', 'registry_openkey failed: NT_STATUS_NO_MEMORY'],
			['06-set-1-no-rights', 'registry_openkey failed: NT_STATUS_NO_MEMORY'],
			['03-wrong-password', 'Could not connect to server NTPDC / The username or password was not correct. / Connection failed: NT_STATUS_LOGON_FAILURE'],
			['09-nothing-listening', 'Could not connect to server NTPDC / Connection failed: NT_STATUS_CONNECTION_REFUSED'],
		] as const) {
			expect(parseNetRegistryValue(net.get(id)!), id).toEqual({state: 'unread', why: words});
		}
	});

	it('output it does not know is never taken for set', () => {
		expect(parseNetRegistryValue({exitCode: 0, stdout: 'Value = 1\n', stderr: ''})).toMatchObject({state: 'unread'});
		expect(parseNetRegistryValue({exitCode: 1, stdout: '', stderr: 'registry_queryvalue failed: NT_STATUS_ACCESS_DENIED\n'})).toEqual({
			state: 'unread',
			why: 'registry_queryvalue failed: NT_STATUS_ACCESS_DENIED',
		});
	});

	it("asks with the run's own authentication file and options: no password in argv", () => {
		const args = netRegistryArgs({host: 'NTPDC1', authFile: '/etc/dsmn/auth', port: 1139, account: {typed: false, file: '/etc/dsmn/auth'}});
		expect(args).toEqual([
			'rpc',
			'registry',
			'getvalue',
			'HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSSYNC\\Parameters',
			'Allow4X',
			'-S',
			'NTPDC1',
			'-A',
			'/etc/dsmn/auth',
			'--option=client min protocol=NT1',
			'-p',
			'1139',
		]);
		// The transcripts were captured with these very arguments (the server's name and the file shortened).
		expect(net.get('05-set-1')!.command).toMatch(
			/^net rpc registry getvalue HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSSYNC\\Parameters Allow4X -S NTPDC -A auth/,
		);
	});
});

describe('reg query …\\Parameters /v Allow4X (reg.exe; captured under Wine 8.0)', () => {
	it('REG_DWORD 0x1: set; 0x0 or missing (key or value): not set', () => {
		expect(parseRegQuery(reg.get('03-set-1')!)).toEqual({state: 'set', how: 'REG_DWORD 0x1'});
		expect(parseRegQuery(reg.get('04-set-0')!)).toEqual({state: 'unset', why: 'Allow4X is REG_DWORD 0x0, not REG_DWORD 1'});
		expect(parseRegQuery(reg.get('02-value-missing')!)).toEqual({
			state: 'unset',
			why: 'Allow4X is not there (reg: Unable to find the specified registry value)',
		});
		expect(parseRegQuery(reg.get('01-key-missing')!)).toEqual({state: 'unset', why: 'Allow4X is not there (reg: Unable to find the specified registry key)'});
	});

	it("Windows' own wording of a missing key or value is read the same way", () => {
		const windows = {exitCode: 1, stdout: '', stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n'};
		expect(parseRegQuery(windows)).toMatchObject({state: 'unset'});
	});

	it("a remote machine it cannot reach: not read, in reg's own words", () => {
		expect(parseRegQuery(reg.get('05-remote-unreachable')!)).toEqual({state: 'unread', why: 'reg: Unable to access remote machine'});
	});

	it('reg.exe that cannot be run at all: not read, saying why', async () => {
		const reading = await readAllow4xWithReg({file: 'dsmn-resync-no-such-reg', prefix: [], display: 'reg'}, 'NTPDC1', 5000);
		expect(reading.state).toBe('unread');
		expect(reading.state === 'unread' && reading.why).toMatch(
			/^reg query \\\\NTPDC1\\HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSSYNC\\Parameters \/v Allow4X could not be run/,
		);
	});
});
