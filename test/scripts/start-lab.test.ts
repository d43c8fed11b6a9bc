import {spawn} from 'node:child_process';
import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {tempDir, userEnv} from '../helpers/run-cli.js';

const START_LAB = fileURLToPath(new URL('../../scripts/start-lab.js', import.meta.url));

/** npm start's lines before the wizard, which here ends at once (no terminal to ask in); its lab made under a folder of the test's. */
async function startLab(args: string[], env: Record<string, string>): Promise<string> {
	const {out} = await startLabRun(args, env, await tempDir());
	return out.slice(0, out.indexOf('To come back to this lab later'));
}

/** npm start run to its end, its lab made under `dir`: what it printed and how it ended. */
async function startLabRun(args: string[], env: Record<string, string>, dir: string): Promise<{out: string; exitCode: number | null}> {
	const child = spawn(process.execPath, [START_LAB, ...args], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: userEnv({LC_ALL: '', LC_CTYPE: '', ...env, TMPDIR: dir, TMP: dir, TEMP: dir}),
	});
	let out = '';
	child.stdout.on('data', (chunk: Buffer) => void (out += chunk.toString()));
	const exitCode = await new Promise<number | null>(done => child.on('close', done));
	return {out, exitCode};
}

// `npm start -- --ascii` once printed the lab's "(FS1…FS5)": lab create was not told --ascii.
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

describe('npm start: the lab it names, and a run it passes on', () => {
	it('names a lab whose path the shell would read otherwise in quotes the shell reads as the path ($ and a space: single quotes)', async () => {
		const dir = join(await tempDir(), 'a $HOME b');
		await mkdir(dir);
		const {out} = await startLabRun([], {TERM: 'dumb', LANG: 'en_US.UTF-8'}, dir);
		expect(out).toMatch(new RegExp(`\n  npm start -- --lab '${dir.replace(/[$.*+?^(){}|[\]\\]/g, '\\$&')}/dsmn-resync-lab-\\w+/lab'\n`));
	});

	it('a run killed by a signal ends 128 + its number, as a shell says it (SIGTERM: 143)', async () => {
		const dir = await tempDir();
		// The run passed on (dist/cli.js) ends by SIGTERM as it starts; npm start itself is left alone.
		const preload = join(dir, 'sigterm.cjs');
		await writeFile(preload, "if (/cli\\.js$/.test(process.argv[1] ?? '')) process.kill(process.pid, 'SIGTERM');\n");
		const {exitCode} = await startLabRun(['--version'], {NODE_OPTIONS: `--require ${preload}`}, dir);
		expect(exitCode).toBe(143);
	});
});
