// npm run bench: each figure is a ratio against a baseline measured in the same run, on the same machine
// (these machines are shared and noisy: absolute times mean little, ratios much more). Medians of several runs.
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, openSync, writeSync, closeSync} from 'node:fs';
import {loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import pty from 'node-pty';
import {packageExecutables, packTarball} from './package.js';
import {cacheFolder, ensureNodeExe, toWindows, Wine} from './windows/wine.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'dsmn-bench-'));
const only = process.argv.slice(2);
const want = name => only.length === 0 || only.includes(name);
const rows = [];
const env = {...process.env};
delete env.CI;

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = seconds => `${(seconds * 1000).toFixed(0)} ms`;

/** Runs a command (argument array, no shell) and returns wall time (s), the peak RSS of the process tree (KiB) and its CPU time (s). */
function measure(argv) {
	const out = execFileSync(
		'python3',
		[
			'-c',
			`
import resource, subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
e = time.perf_counter() - t
if r.returncode != 0: sys.stderr.write(r.stderr.decode()); sys.exit(r.returncode)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(e, u.ru_maxrss, u.ru_utime + u.ru_stime)
`,
			...argv,
		],
		{env, encoding: 'utf8'},
	);
	const [seconds, kib, cpu] = out.trim().split(' ').map(Number);
	return {seconds, kib, cpu};
}

/** Time from spawn in a pseudo-terminal until `text` has been written (or the process exits, when text is null). */
function ptyTime(args, text, file = process.execPath) {
	return new Promise((resolve, reject) => {
		const started = process.hrtime.bigint();
		const child = pty.spawn(file, args, {cols: 100, rows: 30, env: {...env, LANG: 'en_US.UTF-8'}});
		let seen = '';
		let done = false;
		const finish = () => {
			if (done) return;
			done = true;
			resolve(Number(process.hrtime.bigint() - started) / 1e9);
			child.kill();
		};
		child.onData(data => {
			seen += data;
			if (text && seen.includes(text)) finish();
		});
		child.onExit(() => (text && !done ? reject(new Error(`exited before showing "${text}": ${seen}`)) : finish()));
	});
}

async function startup() {
	// The baseline app: one line of Ink, bundled exactly as the product is.
	const hello = join(work, 'hello.jsx');
	writeFileSync(hello, "import {render, Text} from 'ink';\nrender(<Text>hello from ink</Text>);\n");
	await build({
		entryPoints: [hello],
		outfile: join(work, 'hello.js'),
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		jsx: 'automatic',
		minify: true,
		nodePaths: [join(root, 'node_modules')],
		alias: {'react-devtools-core': join(root, 'dist', '.empty-devtools.js')},
		define: {'process.env.NODE_ENV': '"production"'},
		banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
		logLevel: 'error',
	});
	// Paired runs: each run of ours right after one of the baseline, so both see the same load; the ratio
	// is the median of the pairs' ratios.
	const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 21);
	const paired = async ([ours, oursText], [base, baseText]) => {
		const a = [];
		const b = [];
		const ratios = [];
		for (let i = 0; i < runs; i++) {
			b.push(await ptyTime(base, baseText));
			a.push(await ptyTime(ours, oursText));
			ratios.push(a.at(-1) / b.at(-1));
		}
		return {ours: median(a), base: median(b), ratio: median(ratios)};
	};
	const bare = [['-e', '0'], null];
	for (const [label, args] of [
		['--version', ['--version']],
		['--help', ['--help']],
		['a usage error', ['--no-such-flag']],
	]) {
		const r = await paired([[cli, ...args], null], bare);
		rows.push([`startup: ${label} vs node -e 0 (paired)`, ms(r.ours), ms(r.base), r.ratio, '≤ 1.1']);
	}
	// BENCH_BEFORE_CLI=path/to/an/earlier/dist/cli.js: the same figure for an earlier build, in the same run.
	if (process.env.BENCH_BEFORE_CLI) {
		for (const [label, args] of [
			['--version', ['--version']],
			['--help', ['--help']],
			['a usage error', ['--no-such-flag']],
		]) {
			const r = await paired([[cli, ...args], null], [[process.env.BENCH_BEFORE_CLI, ...args], null]);
			rows.push([`startup: ${label}, this build vs BENCH_BEFORE_CLI (paired)`, ms(r.ours), ms(r.base), r.ratio, '≤ 1']);
		}
	}
	const wizard = await paired([[cli], 'Where do you want to work?'], [[join(work, 'hello.js')], 'hello from ink']);
	rows.push(['startup: wizard first frame vs one-line Ink app (bundled alike, paired)', ms(wizard.ours), ms(wizard.base), wizard.ratio, '≤ 1.15']);
	// npm start (scripts/start-lab.js, without npm's own start): a fresh lab made, then the wizard's first
	// screen, against the same screen on a lab made before. The difference is making the lab; it used to be
	// two more Node processes (issue 29's first screen).
	const made = join(work, 'startup-lab');
	const create = spawnSync(process.execPath, [cli, 'lab', 'create', made], {env, stdio: 'ignore'});
	if (create.status !== 0) throw new Error('lab create failed');
	const firstScreen = 'Continue: restore or reconstruct';
	// Its labs go in the bench's folder, removed at the end, not in the system's temporary folder.
	const tmp = env.TMPDIR;
	env.TMPDIR = work;
	const npmStart = await paired([[join(root, 'scripts', 'start-lab.js')], firstScreen], [[cli, '--lab', made], firstScreen]);
	if (tmp === undefined) delete env.TMPDIR;
	else env.TMPDIR = tmp;
	rows.push([
		"startup: npm start's first screen (a lab made) vs --lab on a lab made before (paired)",
		ms(npmStart.ours),
		ms(npmStart.base),
		npmStart.ratio,
		'≤ 1.5',
	]);
}

/**
 * `node scripts/bench.js startup-instructions` (only when named: about 13 s a run): the same starts as
 * `startup`, counted in instructions (valgrind's callgrind, the output a pseudo-terminal as in `startup`),
 * which a loaded machine does not stretch as it stretches wall time; the median of three each, against
 * `node -e 0`, and an empty ES module for the floor any ES module start has.
 */
async function startupInstructions() {
	if (spawnSync('valgrind', ['--version']).status !== 0) throw new Error('startup-instructions needs valgrind (apt-get install valgrind)');
	const empty = join(work, 'empty.mjs');
	writeFileSync(empty, '');
	const count = args =>
		new Promise((resolve, reject) => {
			const child = pty.spawn('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...args], {
				cols: 100,
				rows: 30,
				env: {...env, LANG: 'en_US.UTF-8'},
			});
			let seen = '';
			child.onData(data => (seen += data));
			child.onExit(() => {
				const found = /Collected : (\d+)/.exec(seen);
				if (found) resolve(Number(found[1]));
				else reject(new Error(`valgrind counted nothing for ${args.join(' ')}: ${seen}`));
			});
		});
	const median3 = async args => median([await count(args), await count(args), await count(args)]);
	const base = await median3(['-e', '0']);
	const millions = n => `${(n / 1e6).toFixed(0)} M`;
	for (const [label, args, goal] of [
		['an empty ES module', [empty], '(the floor)'],
		['--version', [cli, '--version'], '≤ 1.1'],
		['--help', [cli, '--help'], '≤ 1.1'],
		['a usage error', [cli, '--no-such-flag'], '≤ 1.1'],
	]) {
		const ours = await median3(args);
		rows.push([`startup, instructions: ${label} vs node -e 0`, millions(ours), millions(base), ours / base, goal]);
	}
}

/**
 * A database file of `size` bytes: the lab's Jet 500 header pages, then pages written as Jet 500 writes
 * them (non-zero bodies, each page's own number in its trailer, sealed with UlUtilChecksum; nothing
 * sparse, nothing never-written), so that `check` verifies every one of them.
 */
function bigDatabase(path, header, size) {
	const PAGE = 4096;
	const fd = openSync(path, 'w');
	// The header pages and whatever whole pages of the lab's database were given (the lab reads its records there).
	const kept = Math.max(2, Math.floor(header.length / PAGE));
	writeSync(fd, header.subarray(0, kept * PAGE));
	const chunk = Buffer.alloc(1024 * 1024);
	for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 131 + 7) & 0xff;
	let pgno = kept - 1;
	for (let written = kept * PAGE; written < size;) {
		const n = Math.min(chunk.length, size - written);
		for (let at = 0; at < n; at += PAGE) {
			chunk[at + PAGE - 4] = 1; // pgtypRecord
			chunk.writeUIntLE(pgno++, at + PAGE - 3, 3);
			let sum = 0x89abcdef;
			for (let w = at + 4; w < at + PAGE; w += 4) sum += chunk.readUInt32LE(w);
			chunk.writeUInt32LE(sum >>> 0, at);
		}
		writeSync(fd, chunk, 0, n);
		written += n;
	}
	closeSync(fd);
}

function makeLab(name) {
	const dir = join(work, name);
	execFileSync(process.execPath, [cli, 'lab', 'create', dir, '--pace', '0'], {env});
	return dir;
}

function validation() {
	const lab = makeLab('lab-validate');
	const backup = join(lab, 'backup');
	const header = readFileSync(join(backup, 'MSSYNC.MDB')).subarray(0, 8192);
	bigDatabase(join(backup, 'MSSYNC.MDB'), header, 1024 ** 3);
	const log = readFileSync(join(backup, 'JET.LOG')).subarray(0, 8192);
	for (const name of readdirSync(backup).filter(n => /^JET.*\.LOG$/i.test(n))) rmSync(join(backup, name));
	for (let g = 1; g <= 10_000; g++) {
		log.writeUInt32LE(g, 4);
		writeFileSync(join(backup, `JET${g.toString(16).toUpperCase().padStart(5, '0')}.LOG`), log);
	}
	const runs = 5;
	const ours = [];
	const base = [];
	let peak = 0;
	for (let i = 0; i < runs; i++) {
		base.push(measure(['bash', '-c', 'find "$1" -maxdepth 1 -type f -print0 | xargs -0 head -q -c 4096 > /dev/null', 'baseline', backup]).seconds);
		const m = measure([process.execPath, cli, 'check', backup, '--json']);
		ours.push(m.seconds);
		peak = Math.max(peak, m.kib);
	}
	rows.push(['check: 1 GiB MSSYNC.MDB + 10,000 logs vs head -c 4096 of each', ms(median(ours)), ms(median(base)), median(ours) / median(base), '≤ 2']);
	rows.push(['check: peak memory (MB)', `${(peak / 1024).toFixed(0)} MB`, '', peak / 1024 / 100, '< 100 MB (ratio to 100 MB)']);
	rmSync(lab, {recursive: true, force: true});
}

/**
 * Drops `paths` from the page cache, so that the next read of them comes from the disk: fsync (dirty pages
 * cannot be dropped), then POSIX_FADV_DONTNEED, which needs no root. Checked with fincore where util-linux
 * has it: what is left resident, in bytes (null when fincore is missing). On a virtual machine the host may
 * still cache the disk: "from disk" is then from the host's memory, through the virtual disk.
 */
function evict(paths) {
	execFileSync(
		'python3',
		[
			'-c',
			`
import os, sys
for path in sys.argv[1:]:
    fd = os.open(path, os.O_RDONLY)
    os.fsync(fd)
    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    os.close(fd)
`,
			...paths,
		],
		{env},
	);
	const fincore = spawnSync('fincore', ['--bytes', '--noheadings', '--raw', '--output', 'RES', ...paths], {encoding: 'utf8'});
	if (fincore.status !== 0) return null;
	return fincore.stdout
		.trim()
		.split('\n')
		.reduce((sum, line) => sum + Number(line), 0);
}

/** Every page of a 1 GiB MSSYNC.MDB verified by `check`, against reading the same file with cat. */
function pages() {
	const lab = makeLab('lab-pages');
	const backup = join(lab, 'backup');
	const database = join(backup, 'MSSYNC.MDB');
	bigDatabase(database, readFileSync(database).subarray(0, 8192), 1024 ** 3);
	// The same set with a 258-page MSSYNC.MDB: what check costs besides the 1 GiB scan (Node's start-up, the other files).
	const small = join(lab, 'small');
	mkdirSync(small);
	for (const name of readdirSync(backup)) writeFileSync(join(small, name), readFileSync(join(backup, name)).subarray(0, 258 * 4096));
	const runs = 5;
	const ours = [];
	const base = [];
	const rest = [];
	const bare = [];
	const cpu = {ours: [], base: []};
	let peak = 0;
	for (let i = 0; i < runs; i++) {
		bare.push(measure([process.execPath, '-e', '0']).seconds);
		const b = measure(['cat', database]);
		base.push(b.seconds);
		cpu.base.push(b.cpu);
		const m = measure([process.execPath, cli, 'check', backup, '--json']);
		ours.push(m.seconds);
		cpu.ours.push(m.cpu);
		peak = Math.max(peak, m.kib);
		rest.push(measure([process.execPath, cli, 'check', small, '--json']).seconds);
	}
	// BENCH_BEFORE_CLI: the same warm check by an earlier build, paired run by run.
	const warmBefore = [];
	for (let i = 0; process.env.BENCH_BEFORE_CLI && i < runs; i++) {
		const b = measure([process.execPath, process.env.BENCH_BEFORE_CLI, 'check', backup, '--json']).seconds;
		warmBefore.push(measure([process.execPath, cli, 'check', backup, '--json']).seconds / b);
	}
	if (warmBefore.length > 0) rows.push(['check, warm cache: this build vs BENCH_BEFORE_CLI (paired, median of ratios)', '', '', median(warmBefore), '≤ 1']);
	const scan = median(ours) - median(rest);
	rows.push([
		'check, warm cache: verify every page of a 1 GiB MSSYNC.MDB vs cat FILE > /dev/null',
		ms(median(ours)),
		ms(median(base)),
		median(ours) / median(base),
		'≤ 1.3',
	]);
	rows.push([
		'check: CPU time (user + system) of it vs of cat (what a loaded machine does not stretch)',
		ms(median(cpu.ours)),
		ms(median(cpu.base)),
		median(cpu.ours) / median(cpu.base),
		'(context)',
	]);
	rows.push(['check: the 1 GiB scan alone (check of it − check of the set at 258 pages) vs cat', ms(scan), ms(median(base)), scan / median(base), '≤ 1.3']);
	rows.push([
		'check: the rest (check of the set at 258 pages: start-up, the other files) vs node -e 0',
		ms(median(rest)),
		ms(median(bare)),
		median(rest) / median(bare),
		'(context)',
	]);
	rows.push(['check: verify every page, peak memory (MB)', `${(peak / 1024).toFixed(0)} MB`, '', peak / 1024 / 100, '< 100 MB (ratio to 100 MB)']);
	// The same, each run reading from the disk: the whole set dropped from the page cache before each run of
	// either side, so that cat and check both read the 1 GiB (what the goal means: the read is the cost).
	const set = readdirSync(backup).map(name => join(backup, name));
	const cold = {ours: [], base: [], ratios: []};
	/** The most any eviction left in the cache (bytes), or null when fincore could not say. */
	let left = 0;
	const dropSet = () => {
		const resident = evict(set);
		left = resident === null || left === null ? null : Math.max(left, resident);
	};
	for (let i = 0; i < runs; i++) {
		dropSet();
		const b = measure(['cat', database]).seconds;
		dropSet();
		const m = measure([process.execPath, cli, 'check', backup, '--json']).seconds;
		cold.base.push(b);
		cold.ours.push(m);
		cold.ratios.push(m / b);
	}
	// BENCH_BEFORE_CLI: the same cold check by an earlier build, each run paired with one of this build.
	const before = {ours: [], base: [], ratios: []};
	for (let i = 0; process.env.BENCH_BEFORE_CLI && i < runs; i++) {
		dropSet();
		const b = measure([process.execPath, process.env.BENCH_BEFORE_CLI, 'check', backup, '--json']).seconds;
		dropSet();
		const m = measure([process.execPath, cli, 'check', backup, '--json']).seconds;
		before.base.push(b);
		before.ours.push(m);
		before.ratios.push(m / b);
	}
	const verified = left === null ? 'eviction unverified: no fincore' : `at most ${(left / 1024 ** 2).toFixed(1)} MiB left cached`;
	rows.push([
		`check, cold cache: the same, both reading from disk (paired; ${verified})`,
		ms(median(cold.ours)),
		ms(median(cold.base)),
		median(cold.ratios),
		'≤ 1.3',
	]);
	if (before.ratios.length > 0) {
		rows.push(['check, cold cache: this build vs BENCH_BEFORE_CLI (paired)', ms(median(before.ours)), ms(median(before.base)), median(before.ratios), '≤ 1']);
	}
	rmSync(lab, {recursive: true, force: true});
}

function restore() {
	const runs = 3;
	const ours = [];
	const whole = [];
	const base = [];
	const aside = [];
	const asideBase = [];
	let peak = 0;
	for (let i = 0; i < runs; i++) {
		const lab = makeLab(`lab-restore-${i}`);
		const backup = join(lab, 'backup');
		const header = readFileSync(join(backup, 'MSSYNC.MDB'));
		bigDatabase(join(backup, 'MSSYNC.MDB'), header, 1024 ** 3);
		// The live database as big: "Move aside" reads each original once for its SHA-256 (issue 27).
		const live = join(lab, 'SystemRoot', 'SYSTEM32', 'SYNCAGNT');
		bigDatabase(join(live, 'MSSYNC.MDB'), readFileSync(join(live, 'MSSYNC.MDB')), 1024 ** 3);
		const t1 = process.hrtime.bigint();
		execFileSync(
			'sha256sum',
			readdirSync(live).map(n => join(live, n)),
			{stdio: 'ignore'},
		);
		asideBase.push(Number(process.hrtime.bigint() - t1) / 1e9);
		// The baseline: cp of the same files, then sha256sum of source and copy.
		const dest = join(work, `cp-${i}`);
		mkdirSync(dest);
		const files = readdirSync(backup).map(n => join(backup, n));
		const copies = readdirSync(backup).map(n => join(dest, n));
		const t0 = process.hrtime.bigint();
		execFileSync('cp', [...files, dest]);
		execFileSync('sha256sum', [...files, ...copies], {stdio: 'ignore'});
		base.push(Number(process.hrtime.bigint() - t0) / 1e9);
		rmSync(dest, {recursive: true, force: true});

		const m = measure([process.execPath, cli, '--lab', lab, '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', backup, '--yes']);
		whole.push(m.seconds);
		peak = Math.max(peak, m.kib);
		const journalDir = join(lab, 'journal');
		const entries = readFileSync(join(journalDir, readdirSync(journalDir)[0]), 'utf8')
			.trim()
			.split('\n')
			.map(l => JSON.parse(l));
		const started = entries.find(e => e.type === 'step-started' && e.step === 'copy-backup').at;
		const finished = entries.find(e => e.type === 'step-finished' && e.step === 'copy-backup').at;
		ours.push((Date.parse(finished) - Date.parse(started)) / 1000);
		const asideStarted = entries.find(e => e.type === 'step-started' && e.step === 'move-aside').at;
		const asideFinished = entries.find(e => e.type === 'step-finished' && e.step === 'move-aside').at;
		aside.push((Date.parse(asideFinished) - Date.parse(asideStarted)) / 1000);
		rmSync(lab, {recursive: true, force: true});
	}
	rows.push([
		'restore: copy step (copy, fsync, read-back: SHA-256 and every page verified) vs cp + sha256sum',
		ms(median(ours)),
		ms(median(base)),
		median(ours) / median(base),
		'≤ 1.3',
	]);
	rows.push([
		'restore: move aside (SHA-256 of each original, renames) vs sha256sum of the originals',
		ms(median(aside)),
		ms(median(asideBase)),
		median(aside) / median(asideBase),
		'≤ 1.3',
	]);
	rows.push(['restore: whole scripted run (5 steps) vs cp + sha256sum', ms(median(whole)), ms(median(base)), median(whole) / median(base), '(context)']);
	rows.push(['restore: peak memory (MB)', `${(peak / 1024).toFixed(0)} MB`, '', peak / 1024 / 150, '< 150 MB (ratio to 150 MB)']);
}

const RUSAGE_WRAPPER = `
import resource, subprocess, sys
r = subprocess.run(sys.argv[2:])
u = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], 'w').write('%f %d %d' % (u.ru_utime + u.ru_stime, u.ru_maxrss, r.returncode))
sys.exit(r.returncode)
`;

/** CPU seconds and peak RSS (KiB) of a command run under python3's wait4 accounting, in a pty or not. */
function readUsage(file) {
	const [cpu, kib] = readFileSync(file, 'utf8').trim().split(' ').map(Number);
	return {cpu, kib};
}

/** A lab whose restore ran to the end, its journal then cut back to just before "Synchronize all servers". */
function labAtSyncStep(name, servers, accounts, pace) {
	const dir = join(work, name);
	execFileSync(process.execPath, [cli, 'lab', 'create', dir, '--servers', String(servers), '--accounts', String(accounts), '--pace', '0'], {env});
	execFileSync(
		process.execPath,
		[cli, '--lab', dir, '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', join(dir, 'backup'), '--yes'],
		{env, stdio: 'ignore'},
	);
	const journalDir = join(dir, 'journal');
	const path = join(journalDir, readdirSync(journalDir)[0]);
	const lines = readFileSync(path, 'utf8').trim().split('\n');
	const cut = lines.findIndex(l => JSON.parse(l).step === 'synchronize');
	writeFileSync(path, `${lines.slice(0, cut).join('\n')}\n`);
	const state = JSON.parse(readFileSync(join(dir, 'lab.json'), 'utf8'));
	writeFileSync(join(dir, 'lab.json'), JSON.stringify({...state, pace}));
	return dir;
}

/** The wizard in a pseudo-terminal on a lab cut at the sync step: resume, then either synchronize or leave at once. */
function wizardSession(dir, usageFile, synchronize) {
	return new Promise((resolve, reject) => {
		const child = pty.spawn('python3', ['-c', RUSAGE_WRAPPER, usageFile, process.execPath, cli, '--lab', dir], {
			cols: 80,
			rows: 24,
			env: {...env, LANG: 'en_US.UTF-8'},
		});
		let seen = '';
		let bytesAtStart = 0;
		let startedAt = 0;
		let stage = 'resume';
		child.onData(data => {
			seen += data;
			if (stage === 'resume' && seen.includes('Resume')) {
				stage = synchronize ? 'confirm' : 'quit';
				child.write(synchronize ? '\r' : 'q');
				if (!synchronize) setTimeout(() => child.write('y'), 100);
			} else if (stage === 'confirm' && seen.includes('Runs "Synchronize all servers"')) {
				stage = 'sync';
				bytesAtStart = Buffer.byteLength(seen);
				startedAt = performance.now();
				child.write('y');
			} else if (stage === 'sync' && /Done(:|, but)/.test(seen.slice(-4000))) {
				stage = 'done';
				resolve({bytes: Buffer.byteLength(seen) - bytesAtStart, seconds: (performance.now() - startedAt) / 1000});
				child.write('\r');
			}
		});
		child.onExit(() => {
			if (stage === 'quit') resolve({bytes: 0, seconds: 0});
			else if (stage !== 'done') reject(new Error(`the wizard left early at ${stage}: ${seen.slice(-2000)}`));
		});
	});
}

async function syncView() {
	for (const [servers, accounts, pace] of [
		[32, 2000, 0],
		[256, 2000, 0],
		[32, 2000, 5],
	]) {
		const dir = labAtSyncStep(`lab-sync-${servers}-${pace}`, servers, accounts, pace);
		// The engine alone, no view: what Synchronization Manager's button does.
		const engineFile = join(work, 'engine.usage');
		spawnSync('python3', ['-c', RUSAGE_WRAPPER, engineFile, process.execPath, cli, 'lab', 'sync', dir], {env, stdio: 'ignore'});
		const engine = readUsage(engineFile);
		// The wizard started and left without synchronizing: its own cost (start-up, Ink, the screens).
		const idleFile = join(work, 'idle.usage');
		await wizardSession(dir, idleFile, false);
		await new Promise(resolve => setTimeout(resolve, 300));
		const idle = readUsage(idleFile);
		// The same synchronization in the wizard: resume, confirm, watch, leave.
		const viewFile = join(work, 'view.usage');
		const result = await wizardSession(dir, viewFile, true);
		await new Promise(resolve => setTimeout(resolve, 300));
		const view = readUsage(viewFile);
		const label = `${servers} × ${accounts}, pace ${pace}`;
		rows.push([
			`sync ${label}: CPU, wizard with live view vs engine alone`,
			`${view.cpu.toFixed(2)} s`,
			`${engine.cpu.toFixed(2)} s`,
			view.cpu / engine.cpu,
			'≤ 1.10',
		]);
		rows.push([
			`sync ${label}: CPU, same without the wizard's start-up`,
			`${(view.cpu - idle.cpu).toFixed(2)} s`,
			`${engine.cpu.toFixed(2)} s`,
			(view.cpu - idle.cpu) / engine.cpu,
			'(context)',
		]);
		rows.push([
			`sync ${label}: bytes to the terminal per second`,
			`${(result.bytes / result.seconds / 1024).toFixed(2)} KB/s`,
			`${(result.bytes / 1024).toFixed(1)} KB in ${result.seconds.toFixed(1)} s`,
			result.bytes / result.seconds / 2048,
			'≤ 2 KB/s (ratio to 2 KB/s)',
		]);
		rows.push([
			`sync ${label}: peak memory, wizard / engine`,
			`${(view.kib / 1024).toFixed(0)} MB`,
			`${(engine.kib / 1024).toFixed(0)} MB`,
			view.kib / engine.kib,
			'flat in accounts',
		]);
		rmSync(dir, {recursive: true, force: true});
	}
}

/** The single executables (scripts/package.js) against the tarball's `node dist/cli.js`: sizes, then start-up. */
async function executables() {
	const made = await packageExecutables(['linux', 'windows'], join(work, 'release'), () => undefined);
	const mib = bytes => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
	const nodeExe = await ensureNodeExe(cacheFolder(), () => undefined, process.versions.node);
	rows.push([
		'executable: dsmn-resync-linux-x64 size vs its Node binary',
		mib(made.linux.size),
		mib(statSync(process.execPath).size),
		made.linux.size / statSync(process.execPath).size,
		'(context)',
	]);
	rows.push([
		'executable: dsmn-resync-win-x64.exe size vs node.exe',
		mib(made.windows.size),
		mib(statSync(nodeExe).size),
		made.windows.size / statSync(nodeExe).size,
		'(context)',
	]);
	// The release's tarball (npm run package), of the dist/ npm run bench has just built; unpacked: its files' sizes.
	const tarball = await packTarball(work);
	const tgz = statSync(tarball).size;
	const listing = execFileSync('tar', ['-tvzf', tarball], {encoding: 'utf8'});
	const unpackedSize = listing
		.trim()
		.split('\n')
		.reduce((sum, line) => sum + Number(line.split(/\s+/)[2]), 0);
	rows.push([
		'tarball: dsmn-resync-VERSION.tgz size (unpacked)',
		`${(tgz / 1024).toFixed(0)} KiB`,
		`${(unpackedSize / 1024).toFixed(0)} KiB`,
		tgz / 1024 ** 2,
		'< 1 MiB (ratio to 1 MiB)',
	]);
	const runs = 11;
	const medianOf = async (args, text, file) => {
		const times = [];
		for (let i = 0; i < runs; i++) times.push(await ptyTime(args, text, file));
		return median(times);
	};
	const exeVersion = await medianOf(['--version'], null, made.linux.path);
	const distVersion = await medianOf([cli, '--version'], null);
	rows.push(['startup: executable --version vs node dist/cli.js --version', ms(exeVersion), ms(distVersion), exeVersion / distVersion, '≤ 1.2']);
	const exeWizard = await medianOf([], 'Where do you want to work?', made.linux.path);
	const distWizard = await medianOf([cli], 'Where do you want to work?');
	rows.push(['startup: executable wizard first frame vs node dist/cli.js', ms(exeWizard), ms(distWizard), exeWizard / distWizard, '≤ 1.2']);
	// Under Wine (when installed and its prefix made by npm run test:windows): wall time of --version, the exe vs node.exe dist\cli.js.
	if (spawnSync('wine', ['--version'], {stdio: 'ignore'}).status === 0 && existsSync(join(cacheFolder(), 'prefix'))) {
		const win = new Wine(cacheFolder(), nodeExe);
		win.startServer();
		try {
			const wineTimes = async argv => {
				const times = [];
				for (let i = 0; i < 5; i++) {
					const run = await win.run('wine', argv);
					if (run.code !== 0) throw new Error(`wine ${argv.join(' ')} failed: ${run.stderr}`);
					times.push(run.ms / 1000);
				}
				return median(times);
			};
			const exe = await wineTimes([toWindows(made.windows.path), '--version']);
			const node = await wineTimes([nodeExe, toWindows(cli), '--version']);
			rows.push(['startup under Wine: .exe --version vs node.exe dist\\cli.js --version', ms(exe), ms(node), exe / node, '≤ 1.2']);
		} finally {
			await win.stop();
		}
	}
}

/**
 * The hashing of the originals in "Move aside" over SMB (issue 27): the remote target's SHA-256 of a 256 MiB
 * MSSYNC.MDB on a real Samba server (test/helpers/samba-server.ts, bundled here), against smbclient reading
 * the same file to /dev/null. Skipped, and said so, where this machine cannot host smbd (not root, no Samba).
 */
async function hashingOverSmb() {
	const cache = join(root, 'node_modules', '.cache', 'dsmn-bench');
	mkdirSync(cache, {recursive: true});
	const bundle = join(cache, 'smb-hashing.mjs');
	await build({
		stdin: {
			contents: `export {sambaReason, startSambaServer} from './test/helpers/samba-server.ts';\nexport {realTarget} from './source/targets/real/real-target.ts';\n`,
			resolveDir: root,
			loader: 'ts',
		},
		bundle: true,
		platform: 'node',
		format: 'esm',
		packages: 'external',
		outfile: bundle,
		logLevel: 'error',
	});
	const {sambaReason, startSambaServer, realTarget} = await import(bundle);
	const {skip, reason} = sambaReason();
	if (skip) {
		rows.push([`move aside over SMB: not measured (${reason})`, '', '', NaN, '']);
		return;
	}
	const server = await startSambaServer();
	try {
		const database = join(server.syncagnt, 'MSSYNC.MDB');
		bigDatabase(database, readFileSync(database).subarray(0, 40960), 256 * 1024 ** 2);
		const target = await realTarget({kind: 'remote', host: server.name, credentialsFile: server.auth.admin}, {...env, ...server.env});
		const {files, syncagnt} = target.database;
		const remote = files.join(syncagnt, 'MSSYNC.MDB');
		const runs = 5;
		const ours = [];
		const base = [];
		for (let i = 0; i < runs; i++) {
			const t0 = process.hrtime.bigint();
			execFileSync(
				'smbclient',
				[
					`//${server.name}/ADMIN$`,
					'-A',
					server.auth.admin,
					'--option=client min protocol=NT1',
					'-p',
					String(server.port),
					'-c',
					'get SYSTEM32\\SYNCAGNT\\MSSYNC.MDB /dev/null',
				],
				{
					env: {...env, ...server.env},
					stdio: 'ignore',
				},
			);
			base.push(Number(process.hrtime.bigint() - t0) / 1e9);
			const t1 = process.hrtime.bigint();
			await files.digest(remote);
			ours.push(Number(process.hrtime.bigint() - t1) / 1e9);
		}
		rows.push([
			'move aside over SMB: SHA-256 of a 256 MiB original (smbclient) vs smbclient get FILE /dev/null',
			ms(median(ours)),
			ms(median(base)),
			median(ours) / median(base),
			'≤ 1.3',
		]);
	} finally {
		await server.stop();
	}
}

// The machine's load, before and after: these figures are wall times, and a loaded machine stretches them.
const loadBefore = loadavg();
try {
	if (want('executables')) await executables();
	if (want('startup')) await startup();
	if (only.includes('startup-instructions')) await startupInstructions();
	if (want('sync')) await syncView();
	if (want('check')) validation();
	if (want('pages')) pages();
	if (want('restore')) restore();
	if (want('hashing')) await hashingOverSmb();
} finally {
	rmSync(work, {recursive: true, force: true});
}

const header = ['figure', 'ours', 'baseline', 'ratio', 'goal'];
const table = [header, ...rows.map(([name, a, b, ratio, goal]) => [name, a, b, ratio.toFixed(2), goal])];
const widths = header.map((_, i) => Math.max(...table.map(r => String(r[i]).length)));
for (const row of table) console.log(row.map((cell, i) => String(cell).padEnd(widths[i])).join('  '));
const load = values => values.map(v => v.toFixed(2)).join(', ');
console.log(`load average (1, 5, 15 min): ${load(loadBefore)} before, ${load(loadavg())} after`);
