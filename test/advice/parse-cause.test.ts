import {describe, expect, it} from 'vitest';
import {adviceForError as adviceForErrno} from '../../source/advice/parse-cause.js';
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
