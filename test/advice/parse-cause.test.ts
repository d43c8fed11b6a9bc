import {describe, expect, it} from 'vitest';
import {adviceOf, meaningOf} from '../../source/advice/causes.js';
import {adviceForError as adviceForErrno, causeOfNet, causeOfSmbclient} from '../../source/advice/parse-cause.js';
import {parseNetOutput} from '../../source/services/parse-service-output.js';
import {netHelpText} from '../../source/services/service-messages.js';
import {adviceFor} from '../../source/procedure/journaled-run.js';

const failure = (code?: string) => Object.assign(new Error('it failed'), code ? {code} : {});

describe('advice for a failed file operation', () => {
	it('matches the cause: an over-long path is not a matter of rights', () => {
		expect(adviceForErrno(failure('ENAMETOOLONG'))).toMatch(/path is too long.*shorter path/);
		expect(adviceForErrno(failure('ENAMETOOLONG'))).not.toMatch(/administrator/);
		expect(adviceForErrno(failure('EACCES'))).toMatch(/permission denied: run as an administrator/);
		expect(adviceForErrno(failure('EROFS'))).toMatch(/read-only/);
		expect(adviceForErrno(failure('EBUSY'))).toMatch(/in use/);
	});

	it('says when the cause is not known, naming the code if there is one', () => {
		expect(adviceForErrno(failure('EWHATEVER'))).toMatch(/^the cause \(EWHATEVER\) is not one dsmn-resync knows/);
		expect(adviceForErrno(failure())).toMatch(/^the cause is not known/);
		expect(adviceForErrno(undefined)).toMatch(/^the cause is not known/);
	});

	it('is what a run gives as advice', () => {
		expect(adviceFor(failure('ENAMETOOLONG'))).toBe(adviceForErrno(failure('ENAMETOOLONG')));
	});
});

describe('one table for SMB statuses and errnos (issue 27, finding 4)', () => {
	const smb = (code: string, status: string) => Object.assign(new Error('smbclient said …'), {code, status});

	it('names the actual cause: a sharing violation is another program holding the file, not a disk error', () => {
		expect(adviceForErrno(smb('EIO', 'NT_STATUS_SHARING_VIOLATION'))).toMatch(/another program has that file open.*Shared Folders ▸ Open Files/);
		expect(adviceForErrno(smb('EIO', 'NT_STATUS_SHARING_VIOLATION'))).not.toMatch(/I\/O error/);
	});

	it('a dropped connection says the server or the network went away, and to resume; a refused one is known too', () => {
		expect(adviceForErrno(failure('ECONNABORTED'))).toMatch(/went away.*then resume/);
		expect(adviceForErrno(failure('ECONNREFUSED'))).not.toMatch(/not one dsmn-resync knows/);
	});

	it('a write-protected share says read-only, not rights', () => {
		expect(adviceForErrno(smb('EACCES', 'NT_STATUS_MEDIA_WRITE_PROTECTED'))).toMatch(/read-only/);
		expect(adviceForErrno(smb('EACCES', 'NT_STATUS_MEDIA_WRITE_PROTECTED'))).not.toMatch(/administrator/);
	});
});

describe("net.exe's numbers, as the lab's stand-in prints them, read through the same table", () => {
	it.each([
		[2182, 'service-running', /nothing to do: it is running/],
		[2184, 'service-not-started-after-stop', /STOPPED means the stop worked/],
		[3534, 'service-stopped-at-once', /Jet error/],
		[1060, 'service-missing', /DSMN is installed/],
	] as const)('NET HELPMSG / System error %i', (code, cause, advice) => {
		const printed = `${code > 2000 ? '' : `System error ${code} has occurred.\n\n`}${netHelpText(code, 'MSSYNC')}\n\nMore help is available by typing NET HELPMSG ${code}.\n`;
		const result = parseNetOutput({exitCode: 2, stdout: '', stderr: printed});
		expect(causeOfNet(code)).toBe(cause);
		expect(result).toEqual({ok: false, error: {code, meaning: meaningOf(cause), advice: adviceOf(cause)}});
		expect(adviceOf(cause)).toMatch(advice);
	});
});

describe("smbclient's words, read into a cause", () => {
	it.each([
		['parallel_read returned NT_STATUS_CONNECTION_RESET', 'connection-lost'],
		['NT_STATUS_CONNECTION_DISCONNECTED writing remote file', 'connection-lost'],
		['Connection to NTPDC failed (Error NT_STATUS_CONNECTION_REFUSED)', 'connection-refused'],
		['session setup failed: NT_STATUS_LOGON_FAILURE', 'logon-failure'],
		['tree connect failed: NT_STATUS_ACCESS_DENIED', 'share-denied'],
		['NT_STATUS_ACCESS_DENIED opening remote file \\SYSTEM32\\SYNCAGNT\\PUTTEST.TXT', 'write-denied'],
		['NT_STATUS_SHARING_VIOLATION renaming files \\SYSTEM32\\SYNCAGNT\\JET.LOG -> \\SYSTEM32\\SYNCAGNT\\JET.X', 'sharing-violation'],
		['protocol negotiation failed: NT_STATUS_INVALID_PARAMETER_MIX', 'dialect-refused'],
		['NT_STATUS_CONNECTION_INVALID reading remote file', 'connection-lost'],
	] as const)('%s', (text, cause) => {
		expect(causeOfSmbclient(text)).toBe(cause);
	});

	// Found by the model test (samba.restore.clean>resume>child-killed): the smbd child killed as a later smbclient of the
	// run connected; "protocol negotiation failed: NT_STATUS_CONNECTION_DISCONNECTED" was advised as SMB1 settings to change.
	it('a disconnect while connecting, after this run already talked to the server, is a lost connection (resume), not a dialect', () => {
		const said = 'protocol negotiation failed: NT_STATUS_CONNECTION_DISCONNECTED';
		expect(causeOfSmbclient(said)).toBe('dialect-refused');
		expect(causeOfSmbclient(said, {answeredBefore: true})).toBe('connection-lost');
		expect(adviceOf(causeOfSmbclient(said, {answeredBefore: true})!)).toMatch(/went away.*then resume/);
		expect(causeOfSmbclient('protocol negotiation failed: NT_STATUS_INVALID_PARAMETER_MIX', {answeredBefore: true})).toBe('dialect-refused');
		expect(causeOfSmbclient('session setup failed: NT_STATUS_LOGON_FAILURE')).toBe('logon-failure');
	});

	// Found by the model test's full run (samba.restore.clean>resume>password): the password changed on the server
	// after the run's preflight had logged on with it was advised as the SMB1 settings and a line of the file to check.
	it('a logon refused after this run logged on is an account changed since, not the client settings', () => {
		const cause = causeOfSmbclient('session setup failed: NT_STATUS_LOGON_FAILURE', {answeredBefore: true});
		expect(cause).toBe('logon-changed');
		const fromFile = adviceOf(cause!, {host: 'NTPDC', account: {typed: false, file: '/etc/dsmn/auth'}});
		expect(fromFile).toMatch(/password was changed, or the account was locked or disabled, since it was accepted earlier/);
		expect(fromFile).toContain('/etc/dsmn/auth');
		expect(fromFile).toMatch(/then run again \(a run already begun goes on with --resume\)$/);
		expect(fromFile).not.toMatch(/SMB1|NTLMv1/);
		const typed = adviceOf(cause!, {host: 'NTPDC', account: {typed: true}});
		expect(typed).toMatch(/start again, typing the current password/);
		expect(typed).not.toMatch(/SMB1|NTLMv1|file/);
	});

	it('a dropped connection mid-transfer is never advised as a dialect or a name to check', () => {
		expect(adviceOf(causeOfSmbclient('NT_STATUS_CONNECTION_INVALID reading remote file')!)).toMatch(/went away.*then resume/);
		expect(adviceOf(causeOfSmbclient('NT_STATUS_CONNECTION_INVALID reading remote file')!)).not.toMatch(/SMB1|check the name/);
	});
});
