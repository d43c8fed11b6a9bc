/**
 * The Linux single executable (scripts/package.js): built into a temporary folder, then run alone — no
 * dist/, no node_modules, no Node on the PATH — as an administrator would: --version, check, a scripted
 * restore of a lab (its stand-in net and sc answered inside the executable), and the wizard's first frame in
 * a pseudo-terminal (Ink and its WebAssembly layout engine, loaded synchronously in the executable).
 * The Windows executable is run under Wine by `npm run test:windows`.
 */
import {mkdir, mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {execa} from 'execa';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {userEnv} from '../helpers/run-cli.js';
import {wizardFirstFrame} from './first-frame.js';
import {labRestoreArgs} from '../helpers/scripted-args.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let exe = '';
let work = '';
// An empty folder as the PATH: the executable needs no Node (nor anything else) of this machine.
const env = () => userEnv({PATH: join(work, 'empty-path')});

async function run(args: string[]) {
	const result = await execa(exe, args, {cwd: work, env: env(), extendEnv: false, reject: false, stdin: 'ignore'});
	return {exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr)};
}

describe('the Linux single executable', () => {
	beforeAll(async () => {
		// Kept for the whole file (tempDir's folders go after each test), removed after the last.
		work = await mkdtemp(join(tmpdir(), 'dsmn-executable-'));
		const built = await execa(process.execPath, [join(root, 'scripts', 'package.js'), 'linux', '--out', work], {cwd: root, reject: false});
		expect(built.exitCode, String(built.stderr)).toBe(0);
		exe = join(work, 'dsmn-resync-linux-x64');
		await mkdir(join(work, 'empty-path'));
	}, 120_000);

	afterAll(() => rm(work, {recursive: true, force: true}));

	it('--version names the build; check validates a backup; a scripted restore runs to the end on a lab', async () => {
		const version = (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {version: string}).version;
		const shown = await run(['--version']);
		expect(shown.exitCode).toBe(0);
		expect(shown.stdout).toMatch(new RegExp(`^dsmn-resync ${version.replaceAll('.', '\\.')} \\(commit [^,]+, built [0-9TZ:-]+\\)$`));

		const lab = join(work, 'lab');
		expect((await run(['lab', 'create', lab, '--pace', '0'])).exitCode).toBe(0);
		const checked = await run(['check', join(lab, 'backup'), '--json']);
		expect(checked.exitCode).toBe(0);
		expect(JSON.parse(checked.stdout)).toMatchObject({event: 'validation-report'});

		const restored = await run(labRestoreArgs(lab));
		expect(restored.exitCode, restored.stdout + restored.stderr).toBe(0);
		// The stand-in net and sc answered: MSSYNC was stopped and started through them.
		expect(restored.stdout).toContain('$ net stop MSSYNC');
		expect(restored.stdout).toContain('5 servers synchronized');
		const status = JSON.parse((await run(['lab', 'status', lab, '--json'])).stdout) as {servers: {synchronized: boolean}[]};
		expect(status.servers.every(s => s.synchronized)).toBe(true);
		const [journal] = (await readdir(join(lab, 'journal'))).filter(n => n.endsWith('.jsonl'));
		const first = JSON.parse((await readFile(join(lab, 'journal', journal!), 'utf8')).split('\n')[0]!) as {program: {version: string}};
		expect(first.program.version).toBe(version);
	}, 60_000);

	it('draws the wizard’s first frame in a terminal, and q leaves it', async () => {
		await wizardFirstFrame(exe, work, env());
	}, 60_000);
});
