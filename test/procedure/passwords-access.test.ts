import {readdir, readFile, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {restrictToOwner, type OwnerOnly} from '../../source/fs/owner-only.js';
import {writePasswordsFile} from '../../source/procedure/passwords.js';
import {tempDir} from '../helpers/run-cli.js';

const LINES = [{name: 'alice', password: 'Secret#42abcdEF', mustChange: false}];

describe('the passwords file is restricted before a password is in it, and says what was done', () => {
	it('on POSIX: mode 0600, said as such', async () => {
		const file = join(await tempDir(), 'pw.txt');
		expect(await writePasswordsFile(file, LINES, new Date())).toEqual({restricted: true, note: 'mode 0600'});
		expect((await stat(file)).mode & 0o777).toBe(0o600);
	});

	it('on Windows with an icacls that does nothing (Wine): the file is written, and the note says it is NOT restricted, naming the real file', async () => {
		const file = join(await tempDir(), 'pw.txt');
		const seen: {file: string; size: number}[] = [];
		const access = await writePasswordsFile(file, LINES, new Date(), 'run-1', async temporary => {
			seen.push({file: temporary, size: (await stat(temporary)).size});
			return restrictToOwner(temporary, {platform: 'win32', env: {USERNAME: 'admin'}, icacls: async () => ({exitCode: 0, output: ''})});
		});
		expect(seen).toHaveLength(1);
		expect(seen[0]!.file).not.toBe(file);
		expect(seen[0]!.size).toBe(0); // restricted while still empty
		expect(access.restricted).toBe(false);
		expect(access.note).toMatch(/^NOT restricted to you: /);
		expect(access.advice).toContain(`icacls "${file}" /inheritance:r`);
		expect(access.advice).not.toContain('dsmn-tmp');
		expect(await readFile(file, 'utf8')).toContain('alice\tSecret#42abcdEF');
	});

	it('a failure to restrict does not leave the passwords under a temporary name', async () => {
		const dir = await tempDir();
		const file = join(dir, 'pw.txt');
		const denied: OwnerOnly = {restricted: false, note: 'NOT restricted to you: test', advice: 'do it yourself'};
		await writePasswordsFile(file, LINES, new Date(), '', async () => denied);
		expect(await readdir(dir)).toEqual(['pw.txt']);
	});
});
