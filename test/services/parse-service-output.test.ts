import {describe, expect, it} from 'vitest';
import {parseNetOutput, parseScQuery} from '../../source/services/parse-service-output.js';

const scQuery = (code: number, name: string) => `
SERVICE_NAME: MSSYNC
        TYPE               : 10  WIN32_OWN_PROCESS
        STATE              : ${code}  ${name}
                                (STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)
        WIN32_EXIT_CODE    : 0  (0x0)
        SERVICE_EXIT_CODE  : 0  (0x0)
        CHECKPOINT         : 0x0
        WAIT_HINT          : 0x0
`;

describe('sc query', () => {
	it.each([
		[1, 'STOPPED'],
		[2, 'START_PENDING'],
		[3, 'STOP_PENDING'],
		[4, 'RUNNING'],
		[7, 'PAUSED'],
	] as const)('reads STATE %i as %s', (code, name) => {
		expect(parseScQuery({exitCode: 0, stdout: scQuery(code, name), stderr: ''})).toEqual({ok: true, state: name});
	});

	it.each([
		[1060, 'there is no service named MSSYNC'],
		[1062, 'not running'],
		[1056, 'already running'],
		[5, 'may not control services'],
	])('explains FAILED %i', (code, meaning) => {
		const result = parseScQuery({exitCode: code, stdout: `[SC] EnumQueryServicesStatus:OpenService FAILED ${code}:\n\nText.\n`, stderr: ''});
		expect(result).toMatchObject({ok: false, error: {code}});
		expect(result.ok === false && result.error.meaning).toContain(meaning);
	});
});

describe('net start|stop', () => {
	it('is a success on exit code 0', () => {
		expect(parseNetOutput({exitCode: 0, stdout: 'The service was stopped successfully.', stderr: ''})).toEqual({ok: true});
	});

	it.each([2182, 3521, 2185, 2189, 3523, 3528, 3534])('reads NET HELPMSG %i with a meaning and advice', code => {
		const result = parseNetOutput({exitCode: 2, stdout: '', stderr: `Something.\n\nMore help is available by typing NET HELPMSG ${code}.\n`});
		expect(result).toMatchObject({ok: false, error: {code}});
		expect(result.ok === false && result.error.advice.length).toBeGreaterThan(5);
	});

	it('reads "System error 5 has occurred" as access denied', () => {
		const result = parseNetOutput({exitCode: 2, stdout: '', stderr: 'System error 5 has occurred.\n\nAccess is denied.\n'});
		expect(result).toMatchObject({ok: false, error: {code: 5, meaning: expect.stringContaining('may not control')}});
	});

	it('does not invent a number when there is none', () => {
		expect(parseNetOutput({exitCode: 1, stdout: 'garbled', stderr: ''})).toMatchObject({ok: false, error: {code: 1}});
	});
});
