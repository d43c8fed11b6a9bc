#!/usr/bin/env node
// npm run test:windows — the Windows code paths (process.platform 'win32', %LOCALAPPDATA%, C:\ and
// \\HOST\ADMIN$ paths, net.exe and sc.exe, icacls) run for real: the built dist/cli.js under the Windows
// build of Node 20, under Wine. Wine's own net.exe and sc.exe drive a real service named MSSYNC in Wine's
// service manager; `sc \\NTPDC1` is a stand-in (sc.cmd first on WINEPATH) over that same service, and
// \\NTPDC1\ADMIN$ a folder of this machine. Last, the single executable dsmn-resync-win-x64.exe, built
// here (scripts/windows/executable-checks.js). One line per check; the last line is "N passed, N failed".
// What it cannot cover: a real NT 4.0 server, and the wizard's keys (see the README).
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {cp, mkdir, mkdtemp, rename, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {basename, dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {executableChecks} from './windows/executable-checks.js';
import {cacheFolder, ensureNodeExe, ensureWine, NODE_WIN_VERSION, toWindows as W, Wine} from './windows/wine.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(root, 'dist', 'cli.js');
const started = performance.now();
let passed = 0;
let workDir = '';
let failed = 0;

const note = text => process.stdout.write(`· ${text}\n`);

/** One check: a line saying what passed, or what failed and why. */
async function check(name, body) {
	try {
		const detail = await body();
		passed++;
		process.stdout.write(`✓ ${name}${detail ? ` — ${detail}` : ''}\n`);
	} catch (error) {
		failed++;
		process.stdout.write(`✗ ${name}: ${String(error instanceof Error ? error.message : error).replaceAll('\n', ' ⏎ ')}\n`);
	}
}

function assert(condition, message) {
	if (!condition) throw new Error(message);
}

function tail(text, lines = 8) {
	return text.trim().split('\n').slice(-lines).join('\n');
}

/** A run's exit code is `code`, or the failure shows what it printed. */
function exits(run, code) {
	assert(run.code === code, `exit code ${run.code}${run.timedOut ? ' (timed out)' : ''}, expected ${code}; it printed:\n${tail(run.stdout + run.stderr)}`);
}

function says(run, text) {
	assert((run.stdout + run.stderr).includes(text), `the output does not say ${JSON.stringify(text)}; it printed:\n${tail(run.stdout + run.stderr, 12)}`);
}

function doesNotSay(run, text) {
	assert(!(run.stdout + run.stderr).includes(text), `the output says ${JSON.stringify(text)}, which it must not`);
}

/** Every file under `dir`, by relative path, with its bytes. */
function tree(dir) {
	const files = new Map();
	const walk = folder => {
		for (const entry of readdirSync(folder, {withFileTypes: true})) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) walk(path);
			else files.set(relative(dir, path), readFileSync(path));
		}
	};
	walk(dir);
	return files;
}

/** The differences between two folders, byte for byte (empty: identical). */
function differences(a, b) {
	const [x, y] = [tree(a), tree(b)];
	const diffs = [];
	for (const [name, bytes] of x) {
		if (!y.has(name)) diffs.push(`${name} only in ${a}`);
		else if (!bytes.equals(y.get(name))) diffs.push(`${name} differs`);
	}
	for (const name of y.keys()) if (!x.has(name)) diffs.push(`${name} only in ${b}`);
	return diffs;
}

function identical(a, b, what) {
	const diffs = differences(a, b);
	assert(diffs.length === 0, `${what}: ${diffs.slice(0, 5).join('; ')}${diffs.length > 5 ? ` and ${diffs.length - 5} more` : ''}`);
	return tree(a).size;
}

/**
 * A restore's result, file by file: the snapshot holds files of the old database, unchanged; what it did not
 * take (not part of the database) is left as it was; SYNCAGNT holds the backup's files byte for byte and
 * nothing from elsewhere. `serviceWrites`: MSSYNC has written to the database since (the lab's does), so
 * the copy is checked by the SHA-256 the journal recorded instead.
 */
function restoredCorrectly({syncagnt, backup, snapshot, before, journal, serviceWrites = false}) {
	const [now, wanted, aside, old] = [tree(syncagnt), tree(backup), tree(snapshot), tree(before)];
	assert(aside.size > 0, `the snapshot ${snapshot} is empty`);
	for (const [name, bytes] of aside) assert(old.get(name)?.equals(bytes), `${name} in the snapshot is not the old database's`);
	if (serviceWrites) {
		copiedAsBackup(journal, backup);
	} else {
		for (const [name, bytes] of old) if (!aside.has(name)) assert(now.get(name)?.equals(bytes), `${name} was neither moved aside nor left as it was`);
		for (const [name, bytes] of wanted) assert(now.get(name)?.equals(bytes), `${name} in SYNCAGNT is not the backup's`);
		for (const name of now.keys())
			assert(wanted.has(name) || (old.has(name) && !aside.has(name)), `${name} in SYNCAGNT comes from neither the backup nor the old folder`);
	}
	return `${wanted.size} files restored, ${aside.size} moved aside`;
}

/** Every file of the backup was copied, its SHA-256 in the journal that of the backup's file. */
function copiedAsBackup(journal, backup) {
	const copied = new Map(
		journalEntries(journal)
			.filter(e => e.type === 'copied')
			.map(e => [e.name, e.sha256]),
	);
	for (const [name, bytes] of tree(backup)) {
		const sha256 = createHash('sha256').update(bytes).digest('hex');
		assert(copied.get(name) === sha256, `${name}: the journal says ${copied.get(name) ?? 'not copied'}, the backup's is ${sha256}`);
	}
	assert(copied.size === tree(backup).size, `${copied.size} files copied, the backup has ${tree(backup).size}`);
}

/** dist/cli.js under this machine's Node (Linux), for references and the lab's own commands. */
function linuxCli(args) {
	const result = spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
	return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr};
}

function labStatus(dir) {
	const status = linuxCli(['lab', 'status', dir, '--json']);
	assert(status.code === 0, `lab status failed: ${status.stderr}`);
	return JSON.parse(status.stdout);
}

function allSynchronized(dir) {
	const red = labStatus(dir)
		.servers.filter(s => !s.synchronized)
		.map(s => s.name);
	assert(red.length === 0, `still red: ${red.join(', ')}`);
}

function journalEntries(file) {
	return readFileSync(file, 'utf8')
		.trim()
		.split('\n')
		.map(line => JSON.parse(line));
}

function journals(dir) {
	return existsSync(dir)
		? readdirSync(dir)
				.filter(n => n.endsWith('.jsonl'))
				.map(n => join(dir, n))
				.sort()
		: [];
}

function endedAs(file, outcome) {
	const last = journalEntries(file).at(-1);
	assert(last?.type === 'run-ended' && last.outcome === outcome, `the journal ${basename(file)} ends with ${JSON.stringify(last)}, not run-ended ${outcome}`);
}

function onlyEntry(dir, pattern) {
	const names = readdirSync(dir).filter(n => pattern.test(n));
	assert(names.length === 1, `expected one ${pattern} in ${dir}, found ${names.length ? names.join(', ') : 'none'}`);
	return join(dir, names[0]);
}

async function main() {
	if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first (npm run test:windows does)');
	const cache = cacheFolder();
	const wine = ensureWine(note);
	const nodeExe = await ensureNodeExe(cache, note);
	const win = new Wine(cache, nodeExe);
	const prefix = await win.ensurePrefix(note);
	// Interrupted (Ctrl+C, a CI timeout): the persistent wineserver of this run goes too.
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.once(signal, () => {
			spawnSync('wineserver', ['-k'], {env: win.env, stdio: 'ignore'});
			for (const dir of [...win.running, workDir]) if (dir) rmSync(dir, {recursive: true, force: true});
			process.stdout.write(`✗ interrupted by ${signal}: wineserver -k done, temporary files removed\n${passed} passed, ${failed + 1} failed\n`);
			process.exit(130);
		});
	}
	win.startServer();
	const setupMs = Math.round(performance.now() - started);
	note(
		`Wine ${wine.installed ? 'installed now' : 'present'}, node.exe ${NODE_WIN_VERSION} and the prefix ${prefix.created ? 'made now' : 'cached'} in ${cache} (${(setupMs / 1000).toFixed(1)} s)`,
	);
	const work = await mkdtemp(join(tmpdir(), 'dsmn-wine-'));
	workDir = work;
	const cli = W(CLI);
	const run = (args, options) => win.node([cli, ...args], options);
	try {
		await checks(win, work, run);
	} finally {
		await win.wine(['sc', 'delete', 'MSSYNC']).catch(() => undefined);
		const left = await win.stop();
		await check('wineserver -k: no process of the private prefix is left running', async () => {
			assert(left.length === 0, `still running: ${left.map(p => `${p.pid} ${p.cmdline}`).join('; ')}`);
		});
		if (failed === 0) await rm(work, {recursive: true, force: true});
		else note(`the files of this run are kept in ${work}`);
		note(`test:windows took ${((performance.now() - started) / 1000).toFixed(1)} s (setup ${(setupMs / 1000).toFixed(1)} s)`);
	}
}

async function checks(win, work, run) {
	let info;
	await check('node.exe runs under Wine as a Windows process', async () => {
		const probe = await win.node([
			'-e',
			'process.stdout.write(JSON.stringify({platform: process.platform, version: process.version, env: {LOCALAPPDATA: process.env.LOCALAPPDATA, USERNAME: process.env.USERNAME, SystemRoot: process.env.SystemRoot}}))',
		]);
		exits(probe, 0);
		info = JSON.parse(probe.stdout);
		assert(info.platform === 'win32', `process.platform is ${info.platform}`);
		assert(info.version === `v${NODE_WIN_VERSION}`, `process.version is ${info.version}`);
		assert(info.env.LOCALAPPDATA && info.env.SystemRoot && info.env.USERNAME, `LOCALAPPDATA, SystemRoot or USERNAME is not set: ${JSON.stringify(info.env)}`);
		return `${info.version}, ${info.platform}, %LOCALAPPDATA% ${info.env.LOCALAPPDATA}`;
	});
	if (!info) throw new Error('node.exe does not run: nothing else can be checked');
	const systemRoot = info.env.SystemRoot; // C:\windows
	const journalDir = join(win.linuxPath(info.env.LOCALAPPDATA), 'dsmn-resync');
	const system32 = join(win.linuxPath(systemRoot), 'system32');
	// What an earlier run may have left in the cached prefix.
	const fresh = path => rm(path, {recursive: true, force: true});
	for (const path of [
		journalDir,
		join(system32, 'SYNCAGNT'),
		...['dsmn', 'dsmn-svc', 'dsmn-svc.away'].map(n => join(win.prefix, 'drive_c', n)),
		join(win.prefix, 'dosdevices', 'unc', 'NTPDC1'),
	])
		await fresh(path);
	for (const name of readdirSync(system32).filter(n => /^SYNCAGNT\./i.test(n))) await rm(join(system32, name), {recursive: true, force: true});
	await win.wine(['net', 'stop', 'MSSYNC']);
	await win.wine(['sc', 'delete', 'MSSYNC']);

	// ── The practice lab ──────────────────────────────────────────────────────────────────────────
	const labWin = join(work, 'lab-win');
	const labLinux = join(work, 'lab-linux');
	const labArgs = ['--seed', '7', '--pace', '0'];
	await check('lab create under Windows names SystemRoot\\SYSTEM32\\SYNCAGNT and backup\\ with the platform separator', async () => {
		const created = await run(['lab', 'create', W(labWin), ...labArgs]);
		exits(created, 0);
		says(created, `Created a practice lab in ${W(labWin)}`);
		says(created, 'the live database in SystemRoot\\SYSTEM32\\SYNCAGNT is damaged');
		says(created, 'a valid account synchronization backup in backup\\');
		doesNotSay(created, 'SystemRoot/');
	});
	await check('the lab made by node.exe is byte-identical to one made on Linux with the same seed', async () => {
		exits(linuxCli(['lab', 'create', labLinux, ...labArgs]), 0);
		return `${identical(labWin, labLinux, 'the labs differ')} files`;
	});
	const syncagnt = lab => join(lab, 'SystemRoot', 'SYSTEM32', 'SYNCAGNT');
	await check('check: the backup is valid (exit 0); the live SYNCAGNT is refused (exit 1)', async () => {
		const valid = await run(['check', W(join(labWin, 'backup'))]);
		exits(valid, 0);
		says(valid, `Backup set ${W(join(labWin, 'backup'))}`);
		says(valid, 'Verdict: VALID');
		const live = await run(['check', W(syncagnt(labWin))]);
		exits(live, 1);
		says(live, 'is the live SYNCAGNT folder, not a backup');
	});

	await check('restore on the lab: SYNCAGNT is the backup byte for byte, the snapshot the old database, the journal completed', async () => {
		const before = join(work, 'lab-win-before');
		await cp(syncagnt(labWin), before, {recursive: true});
		const restored = await run([
			'--lab',
			W(labWin),
			'--flow',
			'restore',
			'--pdc',
			'same',
			'--synchronize',
			'normal',
			'--backup',
			W(join(labWin, 'backup')),
			'--yes',
		]);
		exits(restored, 0);
		says(restored, '$ net stop MSSYNC');
		says(restored, `moved into ${W(syncagnt(labWin))}.before-restore-`);
		const journal = journals(join(labWin, 'journal'))[0];
		const snapshot = onlyEntry(dirname(syncagnt(labWin)), /^SYNCAGNT\.before-restore-/);
		const detail = restoredCorrectly({syncagnt: syncagnt(labWin), backup: join(labWin, 'backup'), snapshot, before, journal, serviceWrites: true});
		endedAs(journal, 'completed');
		allSynchronized(labWin);
		assert(labStatus(labWin).service.state === 'RUNNING', 'MSSYNC is not running');
		return `${detail}, ${(restored.ms / 1000).toFixed(1)} s`;
	});

	await check('a synchronization that fails (FS2 offline) exits 1; --resume after lab online finishes it', async () => {
		const lab = join(work, 'lab-resume');
		exits(linuxCli(['lab', 'create', lab, '--seed', '8', '--pace', '0']), 0);
		exits(linuxCli(['lab', 'offline', lab, 'FS2']), 0);
		const first = await run(['--lab', W(lab), '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', W(join(lab, 'backup')), '--yes']);
		exits(first, 1);
		says(first, 'FS2');
		exits(linuxCli(['lab', 'online', lab, 'FS2']), 0);
		const resumed = await run(['--lab', W(lab), '--resume']);
		exits(resumed, 0);
		// The run failed at a step (it was not cut off): the resume says how it was left.
		says(resumed, 'Found the restore run begun');
		says(resumed, '"Synchronize all servers" failed');
		endedAs(journals(join(lab, 'journal'))[0], 'completed');
		allSynchronized(lab);
	});

	await check('a restore killed mid-run (SIGKILL to node.exe) is found at the next start, and --rollback puts SYNCAGNT back byte for byte', async () => {
		const lab = join(work, 'lab-kill');
		exits(linuxCli(['lab', 'create', lab, '--seed', '9', '--pace', '50']), 0);
		const before = join(work, 'lab-kill-before');
		await cp(syncagnt(lab), before, {recursive: true});
		let killedAfter = '';
		const killed = await run(['--lab', W(lab), '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', W(join(lab, 'backup')), '--yes'], {
			onStart: (child, outPath) => {
				const poll = setInterval(() => {
					const text = existsSync(outPath) ? readFileSync(outPath, 'utf8') : '';
					const line = ['Copy the backup into SYNCAGNT:', 'Move the current database aside:'].find(l => text.includes(l));
					if (line) {
						killedAfter = line.replace(/:$/, '');
						child.kill('SIGKILL');
						clearInterval(poll);
					}
				}, 10);
				child.on('exit', () => clearInterval(poll));
			},
		});
		assert(killedAfter !== '' && killed.signal === 'SIGKILL', `the run was not killed mid-run (exit ${killed.code}): ${tail(killed.stdout)}`);
		const refused = await run(['--lab', W(lab), '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', W(join(lab, 'backup')), '--yes']);
		exits(refused, 2);
		says(refused, '--resume');
		says(refused, '--rollback');
		const rolledBack = await run(['--lab', W(lab), '--rollback']);
		exits(rolledBack, 0);
		says(rolledBack, 'Roll back');
		identical(syncagnt(lab), before, 'SYNCAGNT is not as it was');
		assert(labStatus(lab).service.state === 'RUNNING', 'MSSYNC was running and is not running again');
		endedAs(journals(join(lab, 'journal'))[0], 'rolled-back');
		return `killed after "${killedAfter}"`;
	});

	await check("reconstruct on the lab: every server green, the passwords only in their file, and the file's protection said truthfully", async () => {
		const lab = join(work, 'lab-reconstruct');
		exits(linuxCli(['lab', 'create', lab, '--seed', '10', '--pace', '0', '--no-backup']), 0);
		const privateDir = join(work, 'private');
		await mkdir(privateDir);
		const file = join(privateDir, 'new-passwords.txt');
		const rebuilt = await run([
			'--lab',
			W(lab),
			'--flow',
			'reconstruct',
			'--supervisor',
			'yes',
			'--password-policy',
			'random',
			'--passwords-file',
			W(file),
			'--yes',
		]);
		exits(rebuilt, 0);
		allSynchronized(lab);
		const passwords = readFileSync(file, 'utf8')
			.split('\n')
			.filter(l => l && !l.startsWith('#'))
			.map(l => l.split('\t')[1]);
		assert(passwords.length === labStatus(lab).accounts, `${passwords.length} passwords for ${labStatus(lab).accounts} accounts`);
		const journalText = journals(join(lab, 'journal'))
			.map(j => readFileSync(j, 'utf8'))
			.join('');
		const leaked = passwords.filter(p => rebuilt.stdout.includes(p) || rebuilt.stderr.includes(p) || journalText.includes(p));
		assert(leaked.length === 0, `${leaked.length} passwords are on the screen or in the journal`);
		doesNotSay(rebuilt, 'mode 0600');
		// What Wine's icacls does to the file decides what the program must have said.
		const listing = await win.wine(['icacls', W(file)]);
		if (listing.stdout.trim() === '') {
			says(
				rebuilt,
				`(NOT restricted to you: icacls reported success, but its listing of the file's access (exit code 0) said nothing, so the restriction could not be confirmed). What to do: before anyone else can read it, restrict it yourself in a console: icacls "${W(file)}" /inheritance:r /grant:r "%USERNAME%:F"`,
			);
			return "Wine's icacls changes and lists nothing: the output says the file is NOT restricted, and what to do";
		}
		says(rebuilt, 'an access list granting only');
		return `icacls lists: ${listing.stdout.trim().split('\n')[0]}`;
	});

	// ── --target windows: Wine's net.exe and sc.exe against a real service named MSSYNC ─────────────
	const sc = args => win.wine(['sc', ...args]);
	const scState = async () => /STATE\s*:\s*\d+\s+(\w+)/.exec((await sc(['query', 'MSSYNC'])).stdout)?.[1] ?? 'none';
	// MSSYNC runs Wine's spoolsv.exe from a folder of its own: renaming the folder makes its next start fail.
	const serviceBin = join(win.prefix, 'drive_c', 'dsmn-svc');
	// NwcWorkstation (Gateway Service for NetWare), which MSSYNC depends on and the preflight queries: another copy of spoolsv.exe.
	const gatewayBin = join(win.prefix, 'drive_c', 'dsmn-gw');
	const createGateway = async () => {
		await win.wine(['net', 'stop', 'NwcWorkstation']);
		await sc(['delete', 'NwcWorkstation']);
		await mkdir(gatewayBin, {recursive: true});
		await cp(join(system32, 'spoolsv.exe'), join(gatewayBin, 'spoolsv.exe'));
		const made = await sc(['create', 'NwcWorkstation', 'binpath=', 'C:\\dsmn-gw\\spoolsv.exe', 'type=', 'own', 'start=', 'demand']);
		assert(made.code === 0, `sc create NwcWorkstation failed (exit code ${made.code})`);
		const started = await win.wine(['net', 'start', 'NwcWorkstation']);
		assert(started.code === 0, `net start NwcWorkstation: exit code ${started.code}, ${started.stdout}`);
	};
	const createService = async () => {
		await createGateway();
		await win.wine(['net', 'stop', 'MSSYNC']);
		await sc(['delete', 'MSSYNC']);
		await mkdir(serviceBin, {recursive: true});
		await cp(join(system32, 'spoolsv.exe'), join(serviceBin, 'spoolsv.exe'));
		const made = await sc(['create', 'MSSYNC', 'binpath=', 'C:\\dsmn-svc\\spoolsv.exe', 'type=', 'own', 'start=', 'demand']);
		assert(made.code === 0, `sc create MSSYNC failed (exit code ${made.code})`);
		const startedService = await win.wine(['net', 'start', 'MSSYNC']);
		const query = await sc(['query', 'MSSYNC']);
		assert(
			startedService.code === 0 && (await scState()) === 'RUNNING',
			`net start MSSYNC: exit code ${startedService.code}, ${startedService.stdout}; sc query MSSYNC: exit code ${query.code}, ${query.stdout}`,
		);
	};
	const liveSyncagnt = join(system32, 'SYNCAGNT');
	const source = join(work, 'lab-source');
	exits(linuxCli(['lab', 'create', source, '--seed', '11', '--pace', '0']), 0);
	const backup = join(source, 'backup');
	await check("MSSYNC created in Wine's service manager (sc create … spoolsv.exe) and started with net start", async () => {
		await createService();
		await cp(syncagnt(source), liveSyncagnt, {recursive: true});
	});

	await check('--target windows restore: net stop, move, copy, net start, then stops at the manual step (exit 3); journal in %LOCALAPPDATA%', async () => {
		const before = join(work, 'windows-before');
		await cp(liveSyncagnt, before, {recursive: true});
		const first = await run(['--target', 'windows', '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', W(backup), '--yes']);
		exits(first, 3);
		for (const text of [
			'$ sc query MSSYNC',
			'$ net stop MSSYNC',
			'$ net start MSSYNC',
			'Your turn: Synchronize all servers',
			`${systemRoot}\\SYSTEM32\\SYNCAGNT.before-restore-`,
			`Journal: ${info.env.LOCALAPPDATA}\\dsmn-resync\\`,
		])
			says(first, text);
		assert(journals(journalDir).length === 1, `journals in ${journalDir}: ${journals(journalDir).length}`);
		const detail = restoredCorrectly({syncagnt: liveSyncagnt, backup, snapshot: onlyEntry(system32, /^SYNCAGNT\.before-restore-/), before});
		assert((await scState()) === 'RUNNING', 'MSSYNC is not running after the restore');
		return detail;
	});
	await check('--target windows --resume: the admin saying the manual step is done ends the run', async () => {
		const resumed = await run(['--target', 'windows', '--resume']);
		exits(resumed, 0);
		// "Done.", or, after a plain synchronize of a backup older than a day (the tool reads no real server's log), "Done, but not known to be in step".
		const end = /(?:✓|\[ok\]) Done\.|(?:⚠|\[!\]) Done, but not known to be in step/;
		assert(end.test(resumed.stdout), `the output does not end "Done." or "Done, but not known to be in step"; it printed:\n${resumed.stdout.slice(-800)}`);
		endedAs(journals(journalDir)[0], 'completed');
	});

	const customParent = join(win.prefix, 'drive_c', 'dsmn');
	const custom = join(customParent, 'folder');
	await check('--syncagnt C:\\dsmn\\folder: the snapshot is named folder.before-restore-…, beside it', async () => {
		await fresh(journalDir); // each scenario on its own: a failure above leaves no cut-off run here
		await cp(syncagnt(source), custom, {recursive: true});
		const before = join(work, 'custom-before');
		await cp(custom, before, {recursive: true});
		const first = await run([
			'--target',
			'windows',
			'--syncagnt',
			'C:\\dsmn\\folder',
			'--flow',
			'restore',
			'--pdc',
			'same',
			'--synchronize',
			'normal',
			'--backup',
			W(backup),
			'--yes',
		]);
		exits(first, 3);
		says(first, 'C:\\dsmn\\folder.before-restore-');
		doesNotSay(first, 'SYNCAGNT.before-restore-');
		restoredCorrectly({syncagnt: custom, backup, snapshot: onlyEntry(customParent, /^folder\.before-restore-/), before});
		const resumed = await run(['--target', 'windows', '--syncagnt', 'C:\\dsmn\\folder', '--resume']);
		exits(resumed, 0);
	});

	await check('backup discovery on Windows: folders written C:\\…, the live SYNCAGNT recognised whatever the case', async () => {
		await cp(backup, join(customParent, 'backup-set'), {recursive: true});
		const probe = join(work, 'discover-probe.cjs');
		await build({
			stdin: {
				contents: `import {discoverBackups} from './source/backup/discover.ts';\n(async () => process.stdout.write(JSON.stringify(await discoverBackups([process.argv[2]], {liveSyncagnt: process.argv[3]}))))();\n`,
				resolveDir: root,
				loader: 'ts',
			},
			bundle: true,
			platform: 'node',
			format: 'cjs',
			target: 'node20',
			outfile: probe,
			logLevel: 'error',
		});
		const found = await win.node([W(probe), 'C:\\dsmn', 'c:\\DSMN\\Folder']);
		exits(found, 0);
		const candidates = JSON.parse(found.stdout);
		const byName = Object.fromEntries(candidates.map(c => [c.folder, c]));
		assert(
			candidates.every(c => c.folder.startsWith('C:\\dsmn\\') && !c.folder.includes('/')),
			`folders: ${candidates.map(c => c.folder).join(', ')}`,
		);
		assert(byName['C:\\dsmn\\folder']?.live === true, `C:\\dsmn\\folder is not recognised as the live SYNCAGNT: ${JSON.stringify(byName['C:\\dsmn\\folder'])}`);
		assert(byName['C:\\dsmn\\backup-set']?.live === false, `C:\\dsmn\\backup-set: ${JSON.stringify(byName['C:\\dsmn\\backup-set'])}`);
		return candidates.map(c => `${c.folder}${c.live ? ' (live)' : ''}`).join(', ');
	});

	await check("a start that fails: net.exe's own words and exit code are shown; --rollback puts SYNCAGNT back and MSSYNC running", async () => {
		await fresh(journalDir); // each scenario on its own: a failure above leaves no cut-off run here
		await rename(serviceBin, `${serviceBin}.away`); // MSSYNC keeps running; its next start cannot find it
		const before = join(work, 'start-fails-before');
		await cp(liveSyncagnt, before, {recursive: true});
		const failing = await run(['--target', 'windows', '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', W(backup), '--yes']);
		exits(failing, 1);
		says(
			failing,
			'net start MSSYNC failed: net.exe failed (exit code 1) without an error number (it said: "The MSSYNC service is starting. / File not found.")',
		);
		doesNotSay(failing, 'read its output above');
		await rename(`${serviceBin}.away`, serviceBin);
		const rolledBack = await run(['--target', 'windows', '--rollback']);
		exits(rolledBack, 0);
		identical(liveSyncagnt, before, 'SYNCAGNT is not as it was');
		assert((await scState()) === 'RUNNING', 'MSSYNC is not running again');
		endedAs(journals(journalDir).at(-1), 'rolled-back');
	});

	await check("a missing service: sc.exe's silence and exit code are shown, nothing is changed", async () => {
		await fresh(journalDir); // each scenario on its own: a failure above leaves no cut-off run here
		await win.wine(['net', 'stop', 'MSSYNC']);
		const deleted = await sc(['delete', 'MSSYNC']);
		assert(deleted.code === 0, `sc delete failed (exit code ${deleted.code})`);
		const before = join(work, 'missing-before');
		await cp(liveSyncagnt, before, {recursive: true});
		const count = journals(journalDir).length;
		const refused = await run(['--target', 'windows', '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', W(backup), '--yes']);
		exits(refused, 1);
		says(refused, 'sc.exe failed (exit code 1) without an error number, and printed nothing');
		says(refused, 'The target is not ready: nothing was changed.');
		identical(liveSyncagnt, before, 'SYNCAGNT changed');
		assert(journals(journalDir).length === count, 'a journal was started');
	});

	// ── --target remote --host NTPDC1: sc \\NTPDC1 (a stand-in) and \\NTPDC1\ADMIN$ ──────────────────
	const standinBin = join(work, 'standin-bin');
	const scLog = join(work, 'sc-calls.log');
	const admin = join(work, 'ntpdc1-admin');
	const remoteSyncagnt = join(admin, 'SYSTEM32', 'SYNCAGNT');
	const remoteEnv = {WINEPATH: W(standinBin)};
	await check('the stand-in sc \\\\NTPDC1 (sc.cmd first on WINEPATH) and \\\\NTPDC1\\ADMIN$ (a symlink under dosdevices\\unc) answer', async () => {
		await fresh(journalDir); // each scenario on its own: a failure above leaves no cut-off run here
		await mkdir(standinBin, {recursive: true});
		// NTPDC1 is this Wine's service manager; any other host does not answer, as sc.exe says it.
		const script = [
			'@echo off',
			'rem Stand-in for sc \\\\HOST: the remote NT server NTPDC1 is the service manager of this Wine prefix.',
			`echo %*>>"${W(scLog)}"`,
			'if /i not "%~1"=="\\\\NTPDC1" goto unreachable',
			'"C:\\windows\\system32\\sc.exe" %2 %3',
			'exit /b %ERRORLEVEL%',
			':unreachable',
			'echo [SC] OpenSCManager FAILED 1722:',
			'echo.',
			'echo The RPC server is unavailable.',
			'echo.',
			'exit /b 1722',
			'',
		].join('\r\n');
		await writeFile(join(standinBin, 'sc.cmd'), script);
		await cp(syncagnt(source), remoteSyncagnt, {recursive: true});
		const unc = join(win.prefix, 'dosdevices', 'unc', 'NTPDC1');
		await mkdir(unc, {recursive: true});
		await symlink(admin, join(unc, 'ADMIN$'));
		await createService();
		const listing = await win.node([
			'-e',
			"process.stdout.write(require('fs').readdirSync(process.argv[1]).join(','))",
			'\\\\NTPDC1\\ADMIN$\\SYSTEM32\\SYNCAGNT',
		]);
		exits(listing, 0);
		assert(listing.stdout.includes('MSSYNC.MDB'), `\\\\NTPDC1\\ADMIN$\\SYSTEM32\\SYNCAGNT lists ${listing.stdout}`);
	});
	await check('--target remote --host NTPDC1 restore through sc \\\\NTPDC1 stop|start|query and \\\\NTPDC1\\ADMIN$, then --resume', async () => {
		const before = join(work, 'remote-before');
		await cp(remoteSyncagnt, before, {recursive: true});
		let first = await run(
			['--target', 'remote', '--host', 'NTPDC1', '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', W(backup), '--yes'],
			{env: remoteEnv},
		);
		// Under load Wine now and then fails to start a process: its CreateProcess of cmd.exe for sc.cmd
		// ("spawn UNKNOWN"), or cmd.exe's own start of sc.exe inside sc.cmd ("Can't recognize … as an internal
		// or external command", exit code 9009), though the same line ran a moment before. The program then
		// stops, journaled, and says to retry: the admin's --resume, as here, at most twice. Said in the check's line.
		const wineFailedToStart = result =>
			result.code === 1 && (result.stdout.includes('spawn UNKNOWN') || (result.stdout.includes("Can't recognize") && result.stdout.includes('exit code 9009')));
		const retries = [];
		let last = first;
		while (wineFailedToStart(last) && retries.length < 2) {
			retries.push(last.stdout.includes('spawn UNKNOWN') ? '"spawn UNKNOWN"' : 'cmd.exe\'s "Can\'t recognize" (exit code 9009)');
			last = await run(['--target', 'remote', '--host', 'NTPDC1', '--resume'], {env: remoteEnv});
			first = {...last, stdout: first.stdout + last.stdout, stderr: first.stderr + last.stderr};
		}
		const retried = retries.length === 0 ? '' : `, after ${retries.join(' and ')} from Wine, each followed by a --resume`;
		exits(first, 3);
		for (const text of [
			'$ sc \\\\NTPDC1 query MSSYNC',
			'$ sc \\\\NTPDC1 stop MSSYNC',
			'$ sc \\\\NTPDC1 start MSSYNC',
			'\\\\NTPDC1\\ADMIN$\\SYSTEM32\\SYNCAGNT.before-restore-',
			'Your turn: Synchronize all servers',
		])
			says(first, text);
		restoredCorrectly({syncagnt: remoteSyncagnt, backup, snapshot: onlyEntry(dirname(remoteSyncagnt), /^SYNCAGNT\.before-restore-/), before});
		const calls = readFileSync(scLog, 'utf8')
			.split(/\r?\n/)
			.map(l => l.replaceAll('"', '').trim())
			.filter(Boolean); // cross-spawn quotes each argument for cmd.exe
		for (const call of ['\\\\NTPDC1 query MSSYNC', '\\\\NTPDC1 stop MSSYNC', '\\\\NTPDC1 start MSSYNC'])
			assert(calls.includes(call), `sc was not called as "sc ${call}": ${calls.join('; ')}`);
		assert((await scState()) === 'RUNNING', 'MSSYNC is not running');
		const resumed = await run(['--target', 'remote', '--host', 'NTPDC1', '--resume'], {env: remoteEnv});
		exits(resumed, 0);
		endedAs(journals(journalDir).at(-1), 'completed');
		return `${calls.length} calls to sc \\\\NTPDC1${retried}`;
	});
	await check('--target remote --host NTPDC2, a server that does not answer: said plainly, nothing changed', async () => {
		await fresh(journalDir);
		const refused = await run(
			['--target', 'remote', '--host', 'NTPDC2', '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', W(backup), '--yes'],
			{env: remoteEnv},
		);
		exits(refused, 1);
		says(refused, 'the server did not answer');
		says(refused, 'The target is not ready: nothing was changed.');
	});

	// ── The single executable, dsmn-resync-win-x64.exe (scripts/windows/executable-checks.js) ─────────────
	const helpers = {check, assert, exits, says, linuxCli, journals, journalEntries, endedAs, onlyEntry, restoredCorrectly, allSynchronized, note};
	await executableChecks(win, work, helpers);
}

try {
	await main();
} catch (error) {
	failed++;
	process.stdout.write(`✗ setup: ${error instanceof Error ? error.message : String(error)}\n`);
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
