import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {tempDir, userEnv} from '../helpers/run-cli.js';

const START_LAB = fileURLToPath(new URL('../../scripts/start-lab.js', import.meta.url));

/** npm start's lines before the wizard, which here ends at once (no terminal to ask in); its lab made under a folder of the test's. */
async function startLab(args: string[], env: Record<string, string>): Promise<string> {
	const dir = await tempDir();
	const child = spawn(process.execPath, [START_LAB, ...args], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: userEnv({LC_ALL: '', LC_CTYPE: '', ...env, TMPDIR: dir, TMP: dir, TEMP: dir}),
	});
	let out = '';
	child.stdout.on('data', (chunk: Buffer) => void (out += chunk.toString()));
	await new Promise(done => child.on('close', done));
	return out.slice(0, out.indexOf('To come back to this lab later'));
}

// Issue 29 (fixl2): `npm start -- --ascii` printed the lab's "(FS1…FS5)": lab create was not told --ascii.
describe('npm start (scripts/start-lab.js)', () => {
	it('prints the lab it made in ASCII under --ascii, as the wizard draws', async () => {
		const said = await startLab(['--ascii'], {TERM: 'xterm-256color', LANG: 'en_US.UTF-8'});
		expect(said).toContain('5 NetWare servers (FS1...FS5)');
		expect(said).toMatch(/^[\x20-\x7E\n]*$/);
	});

	it('and where TERM says so; in Unicode otherwise', async () => {
		expect(await startLab([], {TERM: 'dumb', LANG: 'en_US.UTF-8'})).toContain('(FS1...FS5)');
		expect(await startLab([], {TERM: 'xterm-256color', LANG: 'en_US.UTF-8'})).toContain('(FS1…FS5)');
	});
});
