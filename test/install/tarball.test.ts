/**
 * The tarball an administrator carries to a closed network, as `npm run package` makes it (`npm pack` of
 * the built dist/), installed with `npm install -g` into an empty prefix while the registry cannot be
 * reached, then run from that prefix's bin/ as an administrator would: --version, lab create, a scripted
 * restore of the lab, the wizard's first frame. Packed with --no-build: a build would replace dist/ under
 * the other tests running meanwhile (npm test builds dist/ before the tests).
 */
import {existsSync} from 'node:fs';
import {readdir, readFile, writeFile} from 'node:fs/promises';
import {createServer} from 'node:net';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {execa} from 'execa';
import {describe, expect, it} from 'vitest';
import {tempDir, userEnv} from '../helpers/run-cli.js';
import {wizardFirstFrame} from './first-frame.js';
import {labRestoreArgs} from '../helpers/scripted-args.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Under `npm run`, npm_execpath is npm's own script: it runs with this Node, without a shell.
const npm = process.env['npm_execpath']?.endsWith('.js') ? [process.execPath, process.env['npm_execpath']] : ['npm'];

/** A local port nothing listens on: opened by the system, then closed. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	await new Promise(resolve => server.close(resolve));
	if (address === null || typeof address === 'string') throw new Error('no port');
	return address.port;
}

async function npmRun(args: string[], env: Record<string, string>, cwd = root) {
	const result = await execa(npm[0]!, [...npm.slice(1), ...args], {cwd, env: userEnv(env), extendEnv: false, reject: false, stdin: 'ignore'});
	return {exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr)};
}

describe('the tarball installs and runs with no registry', () => {
	it('the tarball holds dist/, no dependency and no script; npm install -g --offline from it gives a dsmn-resync that restores a lab', async () => {
		const work = await tempDir('dsmn-tarball-');
		const [userconfig, globalconfig] = [join(work, 'user-npmrc'), join(work, 'global-npmrc')];
		await writeFile(userconfig, '');
		await writeFile(globalconfig, '');
		// No registry (a closed port), an empty cache, no user or global configuration of this machine.
		const offline = {
			npm_config_registry: `http://127.0.0.1:${await closedPort()}/`,
			npm_config_cache: join(work, 'npm-cache'),
			npm_config_userconfig: userconfig,
			npm_config_globalconfig: globalconfig,
			npm_config_audit: 'false',
			npm_config_fund: 'false',
			npm_config_update_notifier: 'false',
		};

		// What npm run package puts in release/ (scripts/package.js: npm pack of dist/ and a package.json for running it).
		const pack = await execa(process.execPath, [join(root, 'scripts', 'package.js'), 'tarball', '--out', work, '--no-build'], {
			cwd: root,
			env: userEnv(offline),
			extendEnv: false,
			reject: false,
		});
		expect(pack.exitCode, String(pack.stderr)).toBe(0);
		const version = (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {version: string}).version;
		const tarball = join(work, `dsmn-resync-${version}.tgz`);
		const files = String((await execa('tar', ['-tzf', tarball])).stdout)
			.split('\n')
			.map(f => f.replace(/^package\//, ''));
		expect(files).toContain('dist/cli.js');
		expect(files).toContain('dist/lab-tool.js');
		// Only what the program runs, its package.json and its README.
		expect(files.filter(f => !f.startsWith('dist/') && f !== 'package.json' && f !== 'README.md')).toEqual([]);
		expect(files).not.toContain('dist/meta.json');
		expect(files.filter(f => f.startsWith('dist/') && !f.endsWith('.js') && !f.endsWith('/'))).toEqual([]);

		const prefix = join(work, 'prefix');
		const install = await npmRun(['install', '--global', '--offline', '--prefix', prefix, tarball], offline, work);
		expect(install.exitCode, install.stderr).toBe(0);
		// Nothing for the administrator to approve or wonder about: no scripts, so no "install scripts" warning.
		expect(install.stderr).not.toMatch(/install.scripts/i);
		const installed = join(prefix, 'lib', 'node_modules', 'dsmn-resync');
		const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
		expect(manifest['dependencies'] ?? {}).toEqual({});
		expect(manifest['scripts']).toBeUndefined();
		expect(manifest['devDependencies']).toBeUndefined();
		expect(existsSync(join(installed, 'node_modules')), 'npm installed packages beside it').toBe(false);

		// As an administrator runs it: from the prefix's bin/ on PATH, in a folder of their own.
		const env = userEnv({PATH: `${join(prefix, 'bin')}:${process.env['PATH'] ?? ''}`});
		const run = async (args: string[]) => {
			const result = await execa('dsmn-resync', args, {cwd: work, env, extendEnv: false, reject: false, stdin: 'ignore'});
			return {exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr)};
		};
		const shown = await run(['--version']);
		expect(shown.exitCode).toBe(0);
		expect(shown.stdout).toMatch(new RegExp(`^dsmn-resync ${version.replaceAll('.', '\\.')} \\(commit [^,]+, built [0-9TZ:-]+\\)$`));

		const lab = join(work, 'lab');
		const created = await run(['lab', 'create', lab, '--pace', '0']);
		expect(created.exitCode, created.stderr).toBe(0);
		const restored = await run(labRestoreArgs(lab));
		expect(restored.exitCode, restored.stdout + restored.stderr).toBe(0);
		expect(restored.stdout).toContain('5 servers synchronized');
		const status = JSON.parse((await run(['lab', 'status', lab, '--json'])).stdout) as {servers: {synchronized: boolean}[]};
		expect(status.servers.every(s => s.synchronized)).toBe(true);

		// The wizard's chunks (Ink, React, the layout engine's WebAssembly) load from the installed dist/ too.
		await wizardFirstFrame(join(prefix, 'bin', 'dsmn-resync'), work, env);

		// The journal's first line names the same build as --version.
		const [journal] = (await readdir(join(lab, 'journal'))).filter(n => n.endsWith('.jsonl'));
		const first = JSON.parse((await readFile(join(lab, 'journal', journal!), 'utf8')).split('\n')[0]!) as {
			type: string;
			program: {version: string; commit: string | null; built: string};
		};
		expect(first.type).toBe('run-started');
		expect(shown.stdout).toBe(`dsmn-resync ${first.program.version} (commit ${first.program.commit}, built ${first.program.built})`);
	}, 120_000);
});
