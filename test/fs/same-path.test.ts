import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {platformPath, samePath} from '../../source/fs/same-path.js';

describe('paths on Windows (path.win32)', () => {
	it("writes fast-glob's C:/x as C:\\x", () => {
		expect(platformPath('C:/some/folder', path.win32)).toBe('C:\\some\\folder');
		expect(platformPath(path.win32.dirname('C:/WINNT/system32/SYNCAGNT/MSSYNC.MDB'), path.win32)).toBe('C:\\WINNT\\system32\\SYNCAGNT');
	});

	it("takes fast-glob's C:/some/folder and resolve()'s C:\\some\\folder for one folder, whatever the case", () => {
		expect(samePath('C:/some/folder', 'C:\\some\\folder', path.win32)).toBe(true);
		expect(samePath('C:/WINNT/system32/SYNCAGNT', 'c:\\winnt\\SYSTEM32\\syncagnt\\', path.win32)).toBe(true);
		expect(samePath('C:/some/folder', 'C:\\some\\folder2', path.win32)).toBe(false);
	});

	it('UNC paths of the ADMIN$ share', () => {
		expect(samePath('//NTPDC1/ADMIN$/SYSTEM32/SYNCAGNT', '\\\\ntpdc1\\admin$\\system32\\SYNCAGNT', path.win32)).toBe(true);
	});
});

describe('paths on POSIX', () => {
	it('are case-sensitive and normalised', () => {
		expect(samePath('/srv/a/../SYNCAGNT', '/srv/SYNCAGNT/', path.posix)).toBe(true);
		expect(samePath('/srv/SYNCAGNT', '/srv/syncagnt', path.posix)).toBe(false);
	});
});
