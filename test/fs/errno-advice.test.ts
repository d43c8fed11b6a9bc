import {describe, expect, it} from 'vitest';
import {adviceForErrno} from '../../source/fs/errno-advice.js';
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
