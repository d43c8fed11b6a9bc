/**
 * Outputs in no format the parsers know — Wine's net.exe and sc.exe among them, as measured under Wine 8.0 —
 * are shown in the program's own words with the exit code, never guessed at or hidden behind "read above".
 */
import {describe, expect, it} from 'vitest';
import {startService} from '../../source/procedure/mssync-service.js';
import {parseNetOutput, parseScQuery} from '../../source/services/parse-service-output.js';
import {serviceFailure} from '../../source/services/service-messages.js';
import type {ServiceControl} from '../../source/targets/capabilities.js';

describe('net.exe failing without an error number', () => {
	it("shows Wine's 'Service already running.' verbatim, with the exit code", () => {
		const result = parseNetOutput({exitCode: 1, stdout: 'The MSSYNC service is starting.\r\nService already running.\r\n', stderr: ''});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error.code).toBe(1);
		expect(result.error.output).toBe('The MSSYNC service is starting. / Service already running.');
		expect(serviceFailure(result.error)).toBe(
			'net.exe failed (exit code 1) without an error number (it said: "The MSSYNC service is starting. / Service already running.")',
		);
		expect(result.error.advice).not.toContain('above');
	});

	it('sanitises what it shows: no escape sequence reaches the terminal', () => {
		const result = parseNetOutput({exitCode: 2, stdout: 'bad\u001b[2Jthing\u0007', stderr: 'more'});
		expect(result.ok === false && result.error.output).toBe('bad\\x1B[2Jthing\\x07 / more');
		// eslint-disable-next-line no-control-regex -- no control character may reach the terminal
		expect(result.ok === false && serviceFailure(result.error)).not.toMatch(/[\u0000-\u001f]/);
	});

	it('says when it printed nothing', () => {
		const result = parseNetOutput({exitCode: 1, stdout: '', stderr: '\r\n'});
		expect(result.ok === false && result.error.meaning).toBe('net.exe failed (exit code 1) without an error number, and printed nothing');
		expect(result.ok === false && result.error.output).toBe('');
	});

	it('keeps the real formats as the reference: a NET HELPMSG number is still explained', () => {
		const result = parseNetOutput({
			exitCode: 2,
			stdout: '',
			stderr: 'The service name is invalid.\r\n\r\nMore help is available by typing NET HELPMSG 2185.\r\n',
		});
		expect(result).toMatchObject({ok: false, error: {code: 2185}});
		expect(result.ok === false && result.error.output).toBeUndefined();
	});
});

describe('sc.exe query without a STATE line or FAILED number', () => {
	it('a missing service under Wine (nothing printed, exit 1) is not read as Win32 error 1', () => {
		const result = parseScQuery({exitCode: 1, stdout: '', stderr: ''});
		expect(result).toEqual({
			ok: false,
			error: expect.objectContaining({code: 1, meaning: 'sc.exe failed (exit code 1) without an error number, and printed nothing', output: ''}),
		});
	});

	it('shows what it printed when it exits 0 without a STATE line', () => {
		const result = parseScQuery({exitCode: 0, stdout: 'something else\r\n', stderr: ''});
		expect(result.ok === false && serviceFailure(result.error)).toBe('sc.exe gave no answer this program recognises (it said: "something else")');
	});
});

describe('a start that fails without an error number, as the step says it', () => {
	it("quotes the program's words once and names no error number it did not print (Wine's cmd.exe, exit code 9009)", async () => {
		const words = `Can't recognize '"C:\\windows\\system32\\sc.exe" "start" "MSSYNC"' as an internal or external command, or batch script.`;
		const failed = parseNetOutput({exitCode: 9009, stdout: `${words}\r\n`, stderr: ''});
		const service: ServiceControl = {
			serviceName: 'MSSYNC',
			describe: verb => `sc \\\\NTPDC1 ${verb} MSSYNC`,
			query: async () => ({ok: true, state: 'STOPPED'}),
			stop: async () => ({ok: true}),
			start: async () => failed,
		};
		const outcome = await startService(service, {serviceTimeoutMs: 1000, pollIntervalMs: 10}, {});
		expect(outcome.status).toBe('failed');
		const message = outcome.status === 'failed' ? outcome.message : '';
		expect(message).toBe(`sc \\\\NTPDC1 start MSSYNC failed: net.exe failed (exit code 9009) without an error number (it said: "${words}")`);
		expect(message.split('it said').length).toBe(2);
		expect(message).not.toContain('(error 9009)');
	});
});
