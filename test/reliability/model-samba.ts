/**
 * The model-based test on a real Samba server (issue 27): the first run of a restore through smbclient and
 * net against a private smbd (test/helpers/samba-server.ts, Spooler standing in for MSSYNC), cut off or not,
 * then sequences of follow-up actions, each the admin's next command with, where the action says so, an SMB
 * fault injected while it runs (at a step boundary or mid-step, where the journal shows where the run is):
 * a second writer from another state folder naming the host 127.0.0.1; the smbd child serving a connection
 * killed; the share made read-only; the administrator's password changed; MSSYNC.MDB held open by another SMB
 * client with a deny mode; the disk filling (SYSTEM32 is a small tmpfs); MSSYNC started by someone mid-copy.
 * The invariants of model-harness.ts are checked after every action, with the two of issue 27: never two runs
 * that both changed SYNCAGNT at once, and no ✓ that is not true at that moment.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {cp, mkdir, mkdtemp, open, readdir, readFile, rm, statfs, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {isRestoredFile, isStaleInLiveFolder} from '../../source/backup/classify.js';
import {CLI, userEnv} from '../helpers/run-cli.js';
import {ADMIN_PASSWORD, startSambaServer, type SambaServer} from '../helpers/samba-server.js';
import {
	entriesOf,
	hashes,
	deadline,
	INJECT,
	overlappingWriters,
	run,
	sameSet,
	setDifference,
	treePrint,
	type Exploration,
	type Report,
	type Result,
} from './model-harness.js';
import {walkBreadthFirst} from './model-explore.js';

// ─── The model ──────────────────────────────────────────────────────────────────────────────────────────

type At = {type: string; step?: string};
export type SambaFirst = {id: string; kill?: At};

export const SAMBA_FIRST_STATES: SambaFirst[] = [
	{id: 'samba.restore.clean'},
	{id: 'samba.restore.move-aside.kill-before-moved', kill: {type: 'moved'}},
	{id: 'samba.restore.copy-backup.kill-before-copied', kill: {type: 'copied'}},
];

export const SAMBA_ACTIONS = {
	resume: 'run again with --resume',
	rollback: 'run again with --rollback',
	retry: 'a new run with the same answers',
	'second-writer':
		'while the next run (resume, or a new run) holds the server at a step boundary: a new run from another state folder, the host spelled 127.0.0.1',
	'child-killed': "the smbd child serving the next run's connection killed mid-step (after a file was moved or copied)",
	'read-only': 'the share made read-only (smb.conf, reload) at a step boundary of the next run; stays until fix',
	password: "the administrator's password changed (smbpasswd) at a step boundary of the next run; stays until fix",
	'deny-open': 'MSSYNC.MDB held open by another SMB client (smbclient open) from a step boundary of the next run to its end',
	'held-rollback':
		'--rollback while another SMB client holds a file of SYNCAGNT open (smbclient open): a file this run restored, else MSSYNC.MDB; closed after it',
	'disk-full': 'the disk fills (SYSTEM32 is a small tmpfs) after the next run copied or moved a file; stays until fix',
	'mssync-started': 'MSSYNC (Spooler) started by someone after the next run copied or moved a file',
	fix: 'the admin fixes the causes: share writable, password back, the disk emptied (no command)',
} as const;
export type SambaAction = keyof typeof SAMBA_ACTIONS;
export const SAMBA_ACTION_IDS = Object.keys(SAMBA_ACTIONS) as SambaAction[];
type Fault = Exclude<SambaAction, 'resume' | 'rollback' | 'retry' | 'fix' | 'held-rollback'>;

/** Faults injected per kind (and those whose point the run never reached), over the whole process. */
export const FAULTS_INJECTED = new Map<string, number>();
const count = (kind: string) => FAULTS_INJECTED.set(kind, (FAULTS_INJECTED.get(kind) ?? 0) + 1);

export function describeSambaModel(): string {
	const lines = ['Real Samba: first states', ...SAMBA_FIRST_STATES.map(f => `  ${f.id}`), 'Real Samba: follow-up actions'];
	for (const [id, text] of Object.entries(SAMBA_ACTIONS)) lines.push(`  ${id.padEnd(16)} ${text}`);
	return lines.join('\n');
}

// ─── The world: one smbd, SYSTEM32 on a small tmpfs, two desks ──────────────────────────────────────────

const NEW_PASSWORD = 'Chang3d-Pass!';
const FILLER = 'zz-disk-filler';

type SambaWorld = {
	server: SambaServer;
	system32: string;
	syncagnt: string;
	/** Auth file the checks use (follows the password). */
	checkerAuth: string;
	originals: Map<string, string>;
	backupSet: Map<string, string>;
	faults: {readOnly: boolean; password: boolean; filled: boolean};
	unmount: () => void;
};

function smbArgs(w: SambaWorld): string[] {
	return ['-A', w.checkerAuth, '--option=client min protocol=NT1', '-p', String(w.server.port)];
}

async function writeCheckerAuth(w: SambaWorld): Promise<void> {
	const handle = await open(w.checkerAuth, 'w', 0o600);
	await handle.writeFile(`username = Administrator\npassword = ${w.faults.password ? NEW_PASSWORD : ADMIN_PASSWORD}\ndomain = CORP\n`);
	await handle.close();
}

/** MSSYNC's (Spooler's) state as net reports it: RUNNING, STOPPED, or what it said. */
export async function serviceState(w: SambaWorld): Promise<string> {
	const result = await run('net', ['rpc', 'service', 'status', 'Spooler', '-S', '127.0.0.1', ...smbArgs(w)], userEnv());
	const said = /service is (\w+)/i.exec(result.output)?.[1]?.toUpperCase();
	return said === 'RUNNING' || said === 'STOPPED' ? said : `unknown (${result.output.trim().split('\n')[0]})`;
}

async function setService(w: SambaWorld, state: string): Promise<void> {
	if ((await serviceState(w)) === state) return;
	const verb = state === 'RUNNING' ? 'start' : 'stop';
	const result = await run('net', ['rpc', 'service', verb, 'Spooler', '-S', '127.0.0.1', ...smbArgs(w)], userEnv());
	if ((await serviceState(w)) !== state) throw new Error(`net rpc service ${verb} Spooler did not leave it ${state}: ${result.output}`);
}

async function setReadOnly(w: SambaWorld, readOnly: boolean): Promise<void> {
	const text = await readFile(w.server.config, 'utf8');
	await writeFile(w.server.config, text.replace(/read only = (yes|no)/, `read only = ${readOnly ? 'yes' : 'no'}`));
	process.kill(w.server.smbdPid, 'SIGHUP');
	w.faults.readOnly = readOnly;
	// The reload is asynchronous: wait until a new connection sees it (a write test through smbclient).
	for (let i = 0; i < 100; i++) {
		const probe = await run('smbclient', ['//127.0.0.1/ADMIN$', ...smbArgs(w), '-c', 'mkdir SYSTEM32\\zz-probe; rmdir SYSTEM32\\zz-probe'], userEnv());
		if (/NT_STATUS_(ACCESS_DENIED|MEDIA_WRITE_PROTECTED)/.test(probe.output) === readOnly) return;
		await new Promise(r => setTimeout(r, 50));
	}
	throw new Error(`the share did not become ${readOnly ? 'read-only' : 'writable'} after the reload`);
}

async function setPassword(w: SambaWorld, changed: boolean): Promise<void> {
	const password = changed ? NEW_PASSWORD : ADMIN_PASSWORD;
	const result = spawnSync('smbpasswd', ['-c', w.server.config, '-s', 'root'], {input: `${password}\n${password}\n`, encoding: 'utf8'});
	if (result.status !== 0) throw new Error(`smbpasswd failed: ${result.stderr}`);
	w.faults.password = changed;
	await writeCheckerAuth(w);
}

async function fill(w: SambaWorld, filled: boolean): Promise<void> {
	await rm(join(w.system32, FILLER), {force: true});
	if (filled) {
		const info = await statfs(w.system32);
		const free = Number(info.bavail) * Number(info.bsize);
		// What is left: less than any database file needs.
		await writeFile(join(w.system32, FILLER), Buffer.alloc(Math.max(0, free - 8192)));
	}
	w.faults.filled = filled;
}

async function makeWorld(): Promise<SambaWorld> {
	const server = await startSambaServer();
	const system32 = join(server.systemRoot, 'SYSTEM32');
	const held = join(server.root, 'SYSTEM32.before-mount');
	let mounted = false;
	try {
		// SYSTEM32 on a tmpfs of its own, with room for one more copy of SYNCAGNT: a disk that can fill.
		await cp(system32, held, {recursive: true, preserveTimestamps: true});
		const used = spawnSync('du', ['-sm', system32], {encoding: 'utf8'}).stdout.split('\t')[0];
		const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${Number(used) * 3 + 8}m`, 'tmpfs', system32], {encoding: 'utf8'});
		if (mount.status !== 0) throw new Error(`a tmpfs cannot be mounted on SYSTEM32 (needs root): ${mount.stderr}`);
		mounted = true;
		await cp(held, system32, {recursive: true, preserveTimestamps: true});
		const syncagnt = join(system32, 'SYNCAGNT');
		const originals = await hashes(syncagnt);
		const backupSet = new Map([...originals].filter(([name]) => !isStaleInLiveFolder(name)));
		for (const [name, hash] of await hashes(server.backup, isRestoredFile)) backupSet.set(name, hash);
		const w: SambaWorld = {
			server,
			system32,
			syncagnt,
			checkerAuth: join(server.root, 'auth-checker'),
			originals,
			backupSet,
			faults: {readOnly: false, password: false, filled: false},
			unmount: () => void spawnSync('umount', ['-l', system32]),
		};
		await writeCheckerAuth(w);
		// The first service query starts Samba's RPC helpers: done here, not in the first run's time.
		await serviceState(w);
		return w;
	} catch (error) {
		if (mounted) spawnSync('umount', ['-l', system32]);
		await server.stop();
		throw error;
	}
}

async function stopWorld(w: SambaWorld): Promise<void> {
	w.unmount();
	await w.server.stop();
}

const DESKS = ['desk-a', 'desk-b'] as const;

/** A run from one desk (its own state folder), naming the host as that desk does. */
function cliFrom(w: SambaWorld, desk: (typeof DESKS)[number], args: string[], inject?: Record<string, unknown>): Promise<Result> {
	const host = desk === 'desk-a' ? w.server.name : '127.0.0.1';
	const env = userEnv({...w.server.env, XDG_STATE_HOME: join(w.server.root, desk), DSMN_RESYNC_SERVICE_TIMEOUT: '30'});
	const node = inject ? ['--import', INJECT] : [];
	return run(
		process.execPath,
		[...node, CLI, '--target', 'remote', '--host', host, '--credentials-file', w.server.auth.admin, ...args],
		inject ? {...env, MODEL_INJECT: JSON.stringify(inject)} : env,
	);
}

function newRun(w: SambaWorld): string[] {
	return ['--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', w.server.backup, '--yes'];
}

type Journal = {path: string; lines: number; entries: ReturnType<typeof entriesOf>};

async function journals(w: SambaWorld): Promise<Journal[]> {
	const found: Journal[] = [];
	for (const desk of DESKS) {
		const dir = join(w.server.root, desk, 'dsmn-resync');
		for (const name of await readdir(dir).catch(() => [] as string[])) {
			if (!name.endsWith('.jsonl')) continue;
			const text = await readFile(join(dir, name), 'utf8');
			found.push({path: join(desk, name), lines: text.split('\n').filter(Boolean).length, entries: entriesOf(text)});
		}
	}
	return found;
}

async function unfinished(w: SambaWorld): Promise<boolean> {
	return (await journals(w)).some(j => j.path.startsWith('desk-a') && j.entries[0]?.type === 'run-started' && !j.entries.some(e => e.type === 'run-ended'));
}

// ─── Actions ────────────────────────────────────────────────────────────────────────────────────────────

type Outcome = {label: string; result: Result; second?: boolean; held?: string | undefined};

/** Where each fault is injected into the next run: a step boundary, or after a file was moved or copied. */
const POINT: Record<Fault, At[]> = {
	'second-writer': [{type: 'step-started'}, {type: 'step-finished'}],
	'read-only': [{type: 'step-started'}],
	password: [{type: 'step-started'}],
	'deny-open': [{type: 'step-started'}],
	'child-killed': [{type: 'moved'}, {type: 'copied'}],
	'disk-full': [{type: 'moved'}, {type: 'copied'}],
	'mssync-started': [{type: 'moved'}, {type: 'copied'}],
};

/** Holds MSSYNC.MDB open from another SMB client (smbclient's open: no FILE_SHARE_DELETE), until stopped. */
async function holdOpen(w: SambaWorld, name = 'MSSYNC.MDB'): Promise<ChildProcess | undefined> {
	if (!(await hashes(w.syncagnt)).has(name)) return undefined;
	const child = spawn('smbclient', ['//127.0.0.1/ADMIN$', ...smbArgs(w)], {stdio: ['pipe', 'ignore', 'ignore']});
	child.stdin.write(`open SYSTEM32\\SYNCAGNT\\${name}\n`);
	// smbclient's output is buffered without a terminal: the server's own list of open files says when it holds the file.
	const until = Date.now() + 20_000;
	while (Date.now() < until && child.exitCode === null) {
		if (spawnSync('smbstatus', ['-s', w.server.config, '-L'], {encoding: 'utf8'}).stdout.includes(`SYSTEM32/SYNCAGNT/${name}`)) return child;
		await new Promise(r => setTimeout(r, 100));
	}
	child.kill('SIGKILL');
	return undefined;
}

async function act(w: SambaWorld, action: SambaAction): Promise<{outcomes: Outcome[]; serviceFault: boolean}> {
	switch (action) {
		case 'resume':
		case 'rollback':
			return {outcomes: [{label: `--${action}`, result: await cliFrom(w, 'desk-a', [`--${action}`])}], serviceFault: false};
		case 'retry':
			return {outcomes: [{label: 'a new run', result: await cliFrom(w, 'desk-a', newRun(w))}], serviceFault: false};
		case 'held-rollback': {
			// A file the roll back must move: one the run restored (the backup's bytes, not the original's), else MSSYNC.MDB.
			const now = await hashes(w.syncagnt);
			const name = [...now].find(([n, h]) => w.backupSet.get(n) === h && w.originals.get(n) !== h)?.[0] ?? 'MSSYNC.MDB';
			const held = await holdOpen(w, name);
			if (held) count('held-rollback');
			try {
				return {
					outcomes: [{label: `--rollback while ${name} is held open`, result: await cliFrom(w, 'desk-a', ['--rollback']), held: held ? name : undefined}],
					serviceFault: false,
				};
			} finally {
				held?.stdin?.end('quit\n');
				held?.kill('SIGKILL');
			}
		}
		case 'fix':
			if (w.faults.readOnly) await setReadOnly(w, false);
			if (w.faults.password) await setPassword(w, false);
			if (w.faults.filled) await fill(w, false);
			return {outcomes: [], serviceFault: false};
		default:
			return injected(w, action);
	}
}

async function injected(w: SambaWorld, fault: Fault): Promise<{outcomes: Outcome[]; serviceFault: boolean}> {
	const scratch = await mkdtemp(join(tmpdir(), 'dsmn-model-samba-'));
	const paused = join(scratch, 'paused');
	const release = join(scratch, 'released');
	const resume = await unfinished(w);
	const label = `the run the fault meets (${resume ? '--resume' : 'a new run'})`;
	const killed = join(scratch, 'killed');
	// The smbd child killed by the run's own process (model-inject.mjs): the connection of the first smbclient or net it starts past the point.
	const kill = fault === 'child-killed' ? {killSmbdChild: {smbdPid: w.server.smbdPid, killedFile: killed}} : {};
	const holder = cliFrom(w, 'desk-a', resume ? ['--resume'] : newRun(w), {
		at: POINT[fault],
		pauseMs: 60_000,
		pausedFile: paused,
		releaseFile: release,
		...kill,
	});
	let finished = false;
	void holder.then(() => (finished = true));
	const outcomes: Outcome[] = [];
	let opened: ChildProcess | undefined;
	let serviceFault = false;
	try {
		while (!finished && !(await readFile(paused).catch(() => undefined))) await new Promise(r => setTimeout(r, 20));
		if (finished) {
			count(`${fault} (point not reached)`);
			return {outcomes: [{label, result: await holder}], serviceFault};
		}
		switch (fault) {
			case 'second-writer':
				outcomes.push({label: 'the second writer (another state folder, the host as 127.0.0.1)', result: await cliFrom(w, 'desk-b', newRun(w)), second: true});
				break;
			case 'read-only':
				await setReadOnly(w, true);
				break;
			case 'password':
				await setPassword(w, true);
				break;
			case 'deny-open':
				opened = await holdOpen(w);
				if (!opened) count('deny-open (MSSYNC.MDB not there to hold)');
				break;
			case 'disk-full':
				await fill(w, true);
				break;
			case 'mssync-started':
				await setService(w, 'RUNNING');
				serviceFault = true;
				break;
			case 'child-killed':
				break;
		}
		if (fault !== 'deny-open' || opened) count(fault);
		await writeFile(release, '');
		const result = await holder;
		if (fault === 'child-killed') {
			const said = (await readFile(killed, 'utf8').catch(() => 'none: no smbclient or net started past the point')).trim();
			if (said.startsWith('none')) count('child-killed (no connection after the point)');
			outcomes.push({label: `${label}, the smbd child serving its connection killed (${said.replace(/^\d+ /, '')})`, result});
			return {outcomes, serviceFault};
		}
		outcomes.push({label, result});
		return {outcomes, serviceFault};
	} finally {
		if (opened) {
			opened.stdin?.end('quit\n');
			await new Promise(r => setTimeout(r, 50));
			if (opened.exitCode === null) opened.kill('SIGKILL');
		}
		await rm(scratch, {recursive: true, force: true});
	}
}

// ─── The invariants ────────────────────────────────────────────────────────────────────────────────────

const CLAIM = /^(?:✓|\[ok\]) (.+?): /;

async function check(w: SambaWorld, outcome: Outcome, before: {tree: string; journals: Map<string, number>}, serviceFault: boolean): Promise<string[]> {
	const {label, result} = outcome;
	const problems: string[] = [];
	const lines = result.output.split('\n');
	const now = await hashes(w.syncagnt);
	const mayDiffer = new Set(['MSSYNC.LOG']);
	const isOriginal = sameSet(now, w.originals, mayDiffer);
	const isBackup = sameSet(now, w.backupSet, mayDiffer);
	const asides = (await readdir(w.system32)).filter(n => n !== 'SYNCAGNT' && !n.endsWith('.dsmn-resync-lock') && n !== FILLER);
	const service = await serviceState(w);
	const all = await journals(w);
	const claims = lines.map(l => CLAIM.exec(l)?.[1]).filter((c): c is string => Boolean(c));
	const changedHere = all.filter(j => j.lines > (before.journals.get(j.path) ?? 0));

	if (result.output.includes(ADMIN_PASSWORD) || result.output.includes(NEW_PASSWORD)) problems.push('the output shows a password');

	if (outcome.second) {
		// The second writer: refused before it changed anything, told who holds the server.
		if (result.exitCode !== 1 || !result.output.includes("holds this server's writer lock"))
			problems.push(`the second writer was not refused by the writer lock (exit ${result.exitCode})`);
		const steps = claims.filter(c => /^(Roll back|Stop MSSYNC|Move|Copy|Start MSSYNC|Synchronize|Done)/.test(c));
		if (steps.length > 0) problems.push(`the second writer printed ${steps.map(c => `✓ ${c}`).join(', ')}`);
		for (const j of changedHere.filter(j => j.path.startsWith('desk-b')))
			if (j.entries.some(e => e.type === 'move' || e.type === 'copied')) problems.push(`the second writer changed SYNCAGNT (${j.path})`);
		return problems.map(p => `${label} (exit ${result.exitCode}): ${p}`);
	}

	// 1. SYNCAGNT is the original set or the backup set, or the exit is non-zero and the output names where the files are:
	// every folder beside it that holds files, but those of runs that have ended (each said where its files were when it
	// ended: a completed restore's snapshot, named by its "✓ Done"; found by samba.restore.clean>resume>child-killed).
	if (!isOriginal && !isBackup && !result.killed) {
		const neither = `against the originals: ${setDifference(now, w.originals, mayDiffer)}; against the backup set: ${setDifference(now, w.backupSet, mayDiffer)}`;
		const ofEndedRuns = new Set(all.filter(j => j.entries.some(e => e.type === 'run-ended')).flatMap(j => foldersMovedInto(j.entries)));
		const ofOpenRuns = new Set(all.filter(j => !j.entries.some(e => e.type === 'run-ended')).flatMap(j => foldersMovedInto(j.entries)));
		if (result.exitCode === 0) problems.push(`exit 0, yet SYNCAGNT is neither the original set nor the backup set (${neither})`);
		else
			for (const folder of asides.filter(f => ofOpenRuns.has(f) || !ofEndedRuns.has(f))) {
				const held = await readdir(join(w.system32, folder)).catch(() => []);
				if (held.length > 0 && !result.output.includes(folder))
					problems.push(`exit ${result.exitCode}, SYNCAGNT is neither set, and the output does not name ${folder} (${held.length} files) (${neither})`);
			}
	}
	// A roll back that met a file held open: refused before anything moved, naming the file and the cause, or it did not need it.
	if (outcome.held && !lines.some(l => /^(?:✓|\[ok\]) Rolled back/.test(l)) && result.exitCode !== 0) {
		const after = await treePrint(w.system32, rel => rel.startsWith(FILLER) || rel.includes('dsmn-resync-lock'));
		if (/SHARING_VIOLATION/.test(result.output)) {
			if (after !== before.tree) problems.push(`a roll back stopped by ${outcome.held} held open changed SYSTEM32 before stopping`);
			if (!result.output.includes(outcome.held) || !/another program has that file open/.test(result.output))
				problems.push(`a roll back stopped by ${outcome.held} held open did not name the file and the cause (another program has it open)`);
		}
	}

	// The advice is true: once the run has talked to the server (a ✓ it checked there), a failure is not the SMB1 settings.
	const talked = lines.findIndex(l => /^(?:✓|\[ok\]) /.test(l));
	const dialect = lines.findIndex((l, i) => i > talked && /SMB1|NTLMv1/.test(l));
	if (talked >= 0 && dialect > talked)
		problems.push(`after the run had talked to the server, a failure was advised as the SMB1 settings: "${lines[dialect]!.trim()}"`);

	// 2. Every original byte is somewhere under SYSTEM32.
	const everywhere = new Set<string>();
	for (const folder of ['SYNCAGNT', ...asides]) for (const hash of (await hashes(join(w.system32, folder))).values()) everywhere.add(hash);
	for (const [name, hash] of w.originals)
		if (name !== 'MSSYNC.LOG' && !everywhere.has(hash))
			problems.push(`the original ${name} is nowhere any more (not in SYNCAGNT, not in ${asides.join(', ') || 'any folder beside it'})`);

	// 3. No ✓ that is not true.
	const rolledBackHere = changedHere.filter(j => j.entries.some(e => e.type === 'run-ended' && e.outcome === 'rolled-back'));
	const servicesBefore = rolledBackHere.map(j => (j.entries[0] as {serviceBefore?: string}).serviceBefore);
	// "⚠ Done, but not known to be in step" (a plain synchronize after a backup older than a day) claims the same as "✓ Done.".
	if (lines.some(l => /^(?:✓|\[ok\]) Done\.|^(?:⚠|\[!\]) Done, but not known to be in step/.test(l))) {
		if (result.exitCode !== 0) problems.push(`"✓ Done" printed, but the exit code is ${result.exitCode}`);
		if (!isBackup) problems.push(`"✓ Done" printed, but SYNCAGNT is not the backup set (${setDifference(now, w.backupSet, mayDiffer)})`);
		if (service !== 'RUNNING') problems.push(`"✓ Done" printed, but MSSYNC is ${service}`);
	}
	if (claims.includes('Roll back') || lines.some(l => /^(?:✓|\[ok\]) Rolled back/.test(l))) {
		const restoredEarlier = all.some(j => j.entries.some(e => e.type === 'run-ended' && e.outcome === 'completed'));
		if (restoredEarlier ? !isBackup && !isOriginal : !isOriginal)
			problems.push(`"✓ Roll back" printed, but SYNCAGNT is not as it was before the run (${setDifference(now, w.originals, mayDiffer)})`);
		if (servicesBefore.length > 0 && !servicesBefore.includes(service) && !serviceFault)
			problems.push(`"✓ Roll back" printed, but MSSYNC is ${service}; it was ${servicesBefore.join(' / ')} when the run began`);
	}
	const rolledBackInOutput = lines.some(l => /roll(ed)? back/i.test(l) && /^(?:✓|\[ok\])/.test(l));
	if (claims.some(c => c.startsWith('Copy')) && !rolledBackInOutput && !result.killed) {
		const notRestored = [...w.backupSet].filter(([name, hash]) => isRestoredFile(name) && now.get(name) !== hash).map(([n]) => n);
		if (notRestored.length > 0) problems.push(`"✓ Copy" printed, but SYNCAGNT does not hold the backup's ${notRestored.join(', ')}`);
	}
	const serviceClaims = claims.filter(c => /^(Stop|Start) MSSYNC/.test(c));
	const lastServiceClaim = serviceClaims.at(-1);
	if (lastServiceClaim && !serviceFault && !result.killed && !rolledBackInOutput) {
		const expected = lastServiceClaim.startsWith('Start') ? 'RUNNING' : 'STOPPED';
		if (service !== expected) problems.push(`"✓ ${lastServiceClaim}" printed, but MSSYNC is ${service}`);
	}
	if (lines.some(l => /nothing was changed/i.test(l))) {
		const after = await treePrint(w.system32, rel => rel.startsWith(FILLER) || rel.includes('dsmn-resync-lock'));
		if (after !== before.tree) problems.push('the output says "nothing was changed", but SYSTEM32 changed');
	}
	return problems.map(p => `${label} (exit ${result.killed ? 'SIGKILL' : result.exitCode}): ${p}`);
}

/** The folders beside SYNCAGNT a run's journal moved files into (by name). */
function foldersMovedInto(entries: Journal['entries']): string[] {
	return (entries as {type?: string; to?: string}[])
		.filter(e => e.type === 'move' && typeof e.to === 'string')
		.map(e => e.to!.split('/').at(-2) ?? '')
		.filter(Boolean);
}

/** Never two runs that changed SYNCAGNT at once; no defect reported by either desk. */
async function checkWorld(w: SambaWorld): Promise<string[]> {
	const runs = (await journals(w))
		.map(j => ({
			path: j.path,
			first: (j.entries as {type?: string; at?: string}[]).find(e => e.type === 'move' || e.type === 'copied')?.at,
			end: (j.entries as {type?: string; at?: string}[]).find(e => e.type === 'run-ended')?.at,
		}))
		.filter((r): r is {path: string; first: string; end: string | undefined} => r.first !== undefined);
	const problems = overlappingWriters(runs);
	for (const desk of DESKS) {
		const dir = join(w.server.root, desk, 'dsmn-resync', 'defects');
		for (const name of await readdir(dir).catch(() => [] as string[]))
			problems.push(`a defect was reported (${desk}/${name}): ${(await readFile(join(dir, name), 'utf8').catch(() => '')).slice(0, 1500)}`);
	}
	return problems;
}

// ─── Running ────────────────────────────────────────────────────────────────────────────────────────────

const quietTree = (rel: string) => rel.startsWith(FILLER) || rel.includes('dsmn-resync-lock');

async function stepCase(w: SambaWorld, first: SambaFirst, action: SambaAction | 'first', transcript: string[]): Promise<string[]> {
	const began = performance.now();
	const before = {tree: await treePrint(w.system32, quietTree), journals: new Map((await journals(w)).map(j => [j.path, j.lines]))};
	const {outcomes, serviceFault} =
		action === 'first'
			? {
					outcomes: [{label: 'the first run', result: await cliFrom(w, 'desk-a', newRun(w), first.kill ? {at: first.kill, kill: true} : undefined)}],
					serviceFault: false,
				}
			: await act(w, action);
	const violations: string[] = [];
	transcript.push(`(${action}: ${Math.round(performance.now() - began)} ms)`);
	for (const outcome of outcomes) {
		transcript.push(`── ${outcome.label}: exit ${outcome.result.killed ? 'SIGKILL' : outcome.result.exitCode}\n${outcome.result.output.trimEnd()}`);
		violations.push(...(await check(w, outcome, before, serviceFault)));
	}
	violations.push(...(await checkWorld(w)));
	return violations;
}

export function parseSambaCase(text: string): {first: SambaFirst; actions: SambaAction[]} {
	const [id, ...actions] = text.split('>');
	const first = SAMBA_FIRST_STATES.find(f => f.id === id);
	if (!first) throw new Error(`no first state ${id}`);
	for (const a of actions) if (!SAMBA_ACTION_IDS.includes(a as SambaAction)) throw new Error(`no action ${a}; they are: ${SAMBA_ACTION_IDS.join(', ')}`);
	return {first, actions: actions as SambaAction[]};
}

/** One case from the start, on a server of its own. */
export async function runSambaCase(text: string): Promise<Report> {
	const {first, actions} = parseSambaCase(text);
	const began = performance.now();
	const w = await makeWorld();
	const transcript: string[] = [`(the server: ${Math.round(performance.now() - began)} ms)`];
	const violations: string[] = [];
	try {
		for (const action of ['first' as const, ...actions]) {
			const found = await stepCase(w, first, action, transcript);
			violations.push(...found.map(v => `after ${action === 'first' ? 'the first run' : action}: ${v}`));
		}
	} finally {
		await stopWorld(w);
	}
	return {name: text, violations, transcript};
}

type Saved = {dir: string; service: string; faults: SambaWorld['faults']};

async function save(w: SambaWorld, dir: string): Promise<Saved> {
	await mkdir(dir, {recursive: true});
	await cp(w.system32, join(dir, 'SYSTEM32'), {recursive: true, preserveTimestamps: true});
	for (const desk of DESKS) await cp(join(w.server.root, desk), join(dir, desk), {recursive: true, preserveTimestamps: true}).catch(() => {});
	return {dir, service: await serviceState(w), faults: {...w.faults}};
}

async function restore(w: SambaWorld, saved: Saved): Promise<void> {
	for (const name of await readdir(w.system32)) await rm(join(w.system32, name), {recursive: true, force: true});
	await cp(join(saved.dir, 'SYSTEM32'), w.system32, {recursive: true, preserveTimestamps: true});
	for (const desk of DESKS) {
		await rm(join(w.server.root, desk), {recursive: true, force: true});
		await cp(join(saved.dir, desk), join(w.server.root, desk), {recursive: true, preserveTimestamps: true}).catch(() => {});
	}
	if (w.faults.readOnly !== saved.faults.readOnly) await setReadOnly(w, saved.faults.readOnly);
	if (w.faults.password !== saved.faults.password) await setPassword(w, saved.faults.password);
	w.faults.filled = saved.faults.filled; // the filler file came back with SYSTEM32
	await setService(w, saved.service);
}

/**
 * Every sequence of up to `depth` actions after one first state, breadth first (model-explore.ts), on one
 * server, until `until` (Date.now()): the world (SYSTEM32, both desks' state folders, MSSYNC's state, the
 * faults standing) saved after each action that reaches a new state and put back before each action from it.
 */
export async function exploreSamba(
	first: SambaFirst,
	depth: number,
	onReport: (r: Report) => void,
	onAction: (name: string) => void = () => {},
	until = Infinity,
): Promise<Exploration> {
	const w = await makeWorld();
	const saved = new Map<string, Saved>();
	try {
		return await walkBreadthFirst<SambaAction>({
			actions: SAMBA_ACTION_IDS,
			depth,
			until: Math.min(until, deadline()),
			name: path => [first.id, ...path].join('>'),
			step: (action, transcript) => stepCase(w, first, action, transcript),
			print: async () =>
				`${await treePrint(w.system32)}\n${await treePrint(join(w.server.root, 'desk-a'))}\n${await treePrint(join(w.server.root, 'desk-b'))}\n${await serviceState(w)} ${JSON.stringify(w.faults)}`,
			save: async dir => void saved.set(dir, await save(w, dir)),
			restore: dir => restore(w, saved.get(dir)!),
			onReport,
			onAction,
		});
	} finally {
		await stopWorld(w).catch(() => {});
	}
}
