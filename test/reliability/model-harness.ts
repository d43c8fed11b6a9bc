/**
 * The model-based test of the run (issue 12): a run is cut off or fails at each step boundary (a staged
 * service fault, a copy that fails with ENOSPC or EIO, a SIGKILL), then the admin follows up with up to three
 * actions (--resume, --rollback, a new run, clearing the fault, a command aimed at another target, a second
 * process while the first holds the target). Everything goes through the real CLI (dist/cli.js, scripted) on
 * real labs in temporary folders; after every action the invariants below are checked.
 *
 * A case is written `FIRST>ACTION>ACTION…`, e.g. `lab.restore.copy-enospc>clear>rollback`; MODEL_CASE=… replays one.
 */
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {basename, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {isRestoredFile, isStaleInLiveFolder} from '../../source/backup/classify.js';
import {readBindery} from '../../source/lab/bindery.js';
import {seededRandom} from '../../source/lab/random.js';
import {labPaths, loadLab, saveLab, type LabFault} from '../../source/lab/state.js';
import {labStatus} from '../../source/lab/status.js';
import {CLI, userEnv} from '../helpers/run-cli.js';
import {walkBreadthFirst, type Exploration} from './model-explore.js';

export type {Exploration} from './model-explore.js';

export const INJECT = fileURLToPath(new URL('./model-inject.mjs', import.meta.url));
const LAB_TOOL = fileURLToPath(new URL('../../dist/lab-tool.js', import.meta.url));

// ─── The model: first states (where and how the first run is cut off) ───────────────────────────────────

/** Where the first run is cut off: a journal entry about to be written (type, and step or file). */
type At = {type: string; step?: string; name?: string};

type Inject =
	| {kind: 'none'}
	/** A lab fault staged before the run begins (or, with `at`, just before that journal entry). */
	| {kind: 'fault'; fault: LabFault; at?: At}
	/** The copy fails: the disk fills while writing `file`, or reading it from the backup fails. */
	| {kind: 'copy'; error: 'ENOSPC' | 'EIO'; file: string}
	/** SIGKILL just before that journal entry. */
	| {kind: 'kill'; at: At}
	/** MSSYNC stopped by someone before the run (the state a reconstruct must refuse: item 4). */
	| {kind: 'service-stopped'};

type Mode = 'lab' | 'windows';
type Flow = 'restore' | 'reconstruct';
export type FirstState = {id: string; mode: Mode; flow: Flow; step: string; inject: Inject};

const RESTORE_POINTS: {step: string; name: string; inject: Inject}[] = [
	{step: '(none)', name: 'clean', inject: {kind: 'none'}},
	{step: 'stop-service', name: 'stop-refused', inject: {kind: 'fault', fault: 'stop-refused'}},
	{step: 'stop-service', name: 'stop-hangs', inject: {kind: 'fault', fault: 'stop-hangs'}},
	{step: 'stop-service', name: 'access-denied', inject: {kind: 'fault', fault: 'access-denied'}},
	{step: 'stop-service', name: 'kill-before', inject: {kind: 'kill', at: {type: 'step-started', step: 'stop-service'}}},
	{step: 'stop-service', name: 'kill-after', inject: {kind: 'kill', at: {type: 'step-finished', step: 'stop-service'}}},
	{step: 'move-aside', name: 'kill-before-moved', inject: {kind: 'kill', at: {type: 'moved'}}},
	{step: 'move-aside', name: 'kill-after', inject: {kind: 'kill', at: {type: 'step-finished', step: 'move-aside'}}},
	{step: 'copy-backup', name: 'enospc', inject: {kind: 'copy', error: 'ENOSPC', file: 'MSSYNC.MDB'}},
	{step: 'copy-backup', name: 'eio', inject: {kind: 'copy', error: 'EIO', file: 'SYSTEM.MDB'}},
	{step: 'copy-backup', name: 'kill-before-copied', inject: {kind: 'kill', at: {type: 'copied'}}},
	{step: 'start-service', name: 'start-refused', inject: {kind: 'fault', fault: 'start-refused', at: {type: 'step-started', step: 'start-service'}}},
	{step: 'start-service', name: 'access-denied', inject: {kind: 'fault', fault: 'access-denied', at: {type: 'step-started', step: 'start-service'}}},
	{step: 'start-service', name: 'kill-after', inject: {kind: 'kill', at: {type: 'step-finished', step: 'start-service'}}},
	{step: 'synchronize', name: 'kill-before', inject: {kind: 'kill', at: {type: 'step-started', step: 'synchronize'}}},
	{step: 'synchronize', name: 'kill-before-end', inject: {kind: 'kill', at: {type: 'run-ended'}}},
];

/** On a real Windows target the synchronize step is the admin's: the first run stops there (exit 3) on its own. */
const WINDOWS_POINTS = RESTORE_POINTS.filter(p =>
	['(none)/clean', 'stop-service/stop-refused', 'move-aside/kill-after', 'copy-backup/enospc', 'start-service/start-refused'].includes(`${p.step}/${p.name}`),
);

const RECONSTRUCT_POINTS: {step: string; name: string; inject: Inject}[] = [
	{step: '(none)', name: 'clean', inject: {kind: 'none'}},
	{step: 'preflight', name: 'service-stopped', inject: {kind: 'service-stopped'}},
	{step: 'delete-agent', name: 'kill-before', inject: {kind: 'kill', at: {type: 'step-started', step: 'delete-agent:FS2'}}},
	{step: 'add-server', name: 'kill-before', inject: {kind: 'kill', at: {type: 'step-started', step: 'add-server:FS2'}}},
	{step: 'set-passwords', name: 'kill-before', inject: {kind: 'kill', at: {type: 'step-started', step: 'set-passwords'}}},
	{step: 'synchronize', name: 'kill-before', inject: {kind: 'kill', at: {type: 'step-started', step: 'synchronize'}}},
];

export const FIRST_STATES: FirstState[] = [
	...RESTORE_POINTS.map(p => ({
		id: `lab.restore.${p.step === '(none)' ? '' : `${p.step}.`}${p.name}`,
		mode: 'lab' as const,
		flow: 'restore' as const,
		step: p.step,
		inject: p.inject,
	})),
	...WINDOWS_POINTS.map(p => ({
		id: `windows.restore.${p.step === '(none)' ? '' : `${p.step}.`}${p.name}`,
		mode: 'windows' as const,
		flow: 'restore' as const,
		step: p.step,
		inject: p.inject,
	})),
	...RECONSTRUCT_POINTS.map(p => ({
		id: `lab.reconstruct.${p.step === '(none)' ? '' : `${p.step}.`}${p.name}`,
		mode: 'lab' as const,
		flow: 'reconstruct' as const,
		step: p.step,
		inject: p.inject,
	})),
];

// ─── The model: follow-up actions ────────────────────────────────────────────────────────────────────────

const ACTIONS = {
	resume: 'run again with --resume',
	rollback: 'run again with --rollback',
	retry: 'start a new scripted run with the same answers',
	clear: 'the admin fixes the cause: the staged fault is cleared (lab fault DIR clear)',
	'other-rollback': '--rollback aimed at another target (a second lab; on Windows: another SYNCAGNT, the same journal folder)',
	'other-retry': 'a new run on another target',
	second: 'a second process (--rollback) started while a first (--resume, or a new run) holds the target',
	'second-writer':
		'a second writer (a new run from another state folder, the target spelled another way) started while a first (--resume, or a new run) holds the server',
} as const;
type Action = keyof typeof ACTIONS;
const ACTION_IDS = Object.keys(ACTIONS) as Action[];

export type Case = {first: FirstState; actions: Action[]};

export function caseName(c: Case): string {
	return [c.first.id, ...c.actions].join('>');
}

export function parseCase(text: string): Case {
	const [id, ...actions] = text.split('>');
	const first = FIRST_STATES.find(f => f.id === id);
	if (!first) throw new Error(`no first state ${id}; they are: ${FIRST_STATES.map(f => f.id).join(', ')}`);
	for (const action of actions) if (!ACTION_IDS.includes(action as Action)) throw new Error(`no action ${action}; they are: ${ACTION_IDS.join(', ')}`);
	return {first, actions: actions as Action[]};
}

/** The table as text: states × faults × actions, for the test's log. */
export function describeModel(): string {
	const lines = ['First states (flow · step · fault):'];
	for (const f of FIRST_STATES) lines.push(`  ${f.id.padEnd(48)} ${describeInject(f.inject)}`);
	lines.push('Follow-up actions (up to 3, in any order):');
	for (const [id, text] of Object.entries(ACTIONS)) lines.push(`  ${id.padEnd(16)} ${text}`);
	return lines.join('\n');
}

function describeInject(inject: Inject): string {
	const at = (a?: At) => (a ? ` before the journal's ${a.type}${a.step ? ` ${a.step}` : ''}` : ' before the run');
	switch (inject.kind) {
		case 'none':
			return 'no fault';
		case 'fault':
			return `lab fault ${inject.fault}${at(inject.at)}`;
		case 'copy':
			return `${inject.error} copying ${inject.file}`;
		case 'kill':
			return `SIGKILL${at(inject.at)}`;
		case 'service-stopped':
			return 'MSSYNC stopped before the run';
	}
}

// ─── The world: two labs (target A and another target B), run through the real CLI ───────────────────────

type Template = {dir: string};
let templates: Promise<Record<Flow, Template>> | undefined;

/** The labs every case starts from, made once per process: a restore lab and a reconstruct lab (no backup). */
function labTemplates(): Promise<Record<Flow, Template>> {
	templates ??= (async () => {
		const dir = await mkdtemp(join(tmpdir(), 'dsmn-model-template-'));
		const make = async (flow: Flow) => {
			const root = join(dir, flow);
			for (const [name, seed] of [
				['A', 1],
				['B', 2],
			] as const) {
				const args = ['lab', 'create', join(root, name), '--pace', '0', '--seed', String(seed), '--servers', '3', '--accounts', '40'];
				const result = await run(process.execPath, [CLI, ...args, ...(flow === 'reconstruct' ? ['--no-backup'] : [])], userEnv());
				if (result.exitCode !== 0) throw new Error(`lab create failed: ${result.output}`);
			}
			return {dir: root};
		};
		return {restore: await make('restore'), reconstruct: await make('reconstruct')};
	})();
	return templates;
}

export async function removeTemplates(): Promise<void> {
	if (!templates) return;
	const t = await templates;
	await rm(join(t.restore.dir, '..'), {recursive: true, force: true});
	templates = undefined;
}

type World = {
	root: string;
	first: FirstState;
	A: string;
	/** A spelled another way (a symbolic link to it): another desk's name for the same server. */
	A2: string;
	B: string;
	bin: string;
	stateHome: string;
	/** Another desk's state folder (the second writer's journals). */
	stateHome2: string;
	passwords: string;
	targets: Record<'A' | 'B', TargetInfo>;
};

type TargetInfo = {
	lab: string;
	/** What SYNCAGNT held before anything ran, and what a completed restore puts there. */
	originals: Map<string, string>;
	backupSet: Map<string, string>;
	/** MSSYNC's state before any run. */
	serviceBefore: string;
};

async function targetInfo(lab: string, flow: Flow): Promise<TargetInfo> {
	const originals = await hashes(labPaths(lab).syncagnt);
	const backupSet = new Map([...originals].filter(([name]) => !isStaleInLiveFolder(name)));
	if (flow === 'restore') for (const [name, hash] of await hashes(labPaths(lab).backup, isRestoredFile)) backupSet.set(name, hash);
	return {lab, originals, backupSet, serviceBefore: (await labStatus(lab)).service.state};
}

async function makeWorld(first: FirstState): Promise<World> {
	const root = await mkdtemp(join(tmpdir(), 'dsmn-model-'));
	const template = (await labTemplates())[first.flow];
	await cp(template.dir, join(root, 'labs'), {recursive: true, preserveTimestamps: true});
	const A = join(root, 'labs', 'A');
	const B = join(root, 'labs', 'B');
	// A real target here is a lab behind net and sc on PATH, as on a Windows server (its MSSYNC, its faults).
	const bin = join(root, 'bin');
	await mkdir(bin);
	for (const program of ['net', 'sc']) {
		await writeFile(join(bin, program), `#!/bin/sh\nexec "${process.execPath}" "${LAB_TOOL}" ${program} "$@"\n`);
		await chmod(join(bin, program), 0o755);
	}
	if (first.inject.kind === 'service-stopped') {
		const state = await loadLab(A);
		await saveLab(A, {...state, service: {state: 'STOPPED'}});
	}
	if (first.inject.kind === 'fault' && !first.inject.at) await setFault(A, first.inject.fault);
	const A2 = join(root, 'labs', 'A-again');
	await symlink('A', A2);
	return {
		root,
		first,
		A,
		A2,
		B,
		bin,
		stateHome: join(root, 'state'),
		stateHome2: join(root, 'state2'),
		passwords: join(root, 'passwords.txt'),
		targets: {A: await targetInfo(A, first.flow), B: await targetInfo(B, first.flow)},
	};
}

async function setFault(lab: string, fault: LabFault | undefined): Promise<void> {
	const state = await loadLab(lab);
	const {fault: _old, ...rest} = state;
	const hung = state.service.state === 'STOP_PENDING' && state.service.pendingUntil === undefined;
	await saveLab(lab, fault ? {...state, fault} : hung ? {...rest, service: {state: 'STOPPED'}} : rest);
}

function envFor(world: World, lab: string, extra: Record<string, string> = {}, desk: 'this' | 'other' = 'this'): Record<string, string> {
	const common = {DSMN_RESYNC_SERVICE_TIMEOUT: '2', ...extra};
	if (world.first.mode === 'lab') return userEnv(common);
	return userEnv({
		...common,
		PATH: `${world.bin}:${process.env['PATH']}`,
		DSMN_LAB_DIR: lab,
		SystemRoot: join(lab, 'SystemRoot'),
		XDG_STATE_HOME: desk === 'this' ? world.stateHome : world.stateHome2,
	});
}

function targetArgs(world: World, lab: string): string[] {
	return world.first.mode === 'lab' ? ['--lab', lab] : ['--target', 'windows'];
}

function newRunArgs(world: World, lab: string): string[] {
	if (world.first.flow === 'restore')
		return [...targetArgs(world, lab), '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', labPaths(lab).backup, '--yes'];
	return [
		...targetArgs(world, lab),
		'--flow',
		'reconstruct',
		'--select',
		'FS1,FS2',
		'--password-policy',
		'random',
		'--passwords-file',
		`${world.passwords}.${basename(lab)}`,
		'--supervisor',
		'yes',
		'--yes',
	];
}

/** exitCode NO_COMMAND: the action ran no command (the fault was cleared). */
export type Result = {exitCode: number; output: string; killed: boolean};
const NO_COMMAND = -2;

export function run(file: string, args: string[], env: Record<string, string>, options: {onSpawn?: () => void} = {}): Promise<Result> {
	return new Promise((resolve, reject) => {
		const child = spawn(file, args, {env, stdio: ['ignore', 'pipe', 'pipe']});
		let output = '';
		child.stdout.on('data', d => (output += String(d)));
		child.stderr.on('data', d => (output += String(d)));
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({exitCode: code ?? -1, output, killed: signal === 'SIGKILL'}));
		options.onSpawn?.();
	});
}

function cli(args: string[], env: Record<string, string>, inject?: Record<string, unknown>): Promise<Result> {
	const node = inject ? ['--import', INJECT] : [];
	return run(process.execPath, [...node, CLI, ...args], inject ? {...env, MODEL_INJECT: JSON.stringify(inject)} : env);
}

/** The first run, with its fault injected. */
async function firstRun(world: World): Promise<Result> {
	const {inject} = world.first;
	const env = envFor(world, world.A);
	const args = newRunArgs(world, world.A);
	switch (inject.kind) {
		case 'kill':
			return cli(args, env, {at: inject.at, kill: true});
		case 'copy':
			return cli(args, env, {copyFault: inject.error, file: inject.file});
		case 'fault':
			return inject.at ? cli(args, env, {at: inject.at, labFault: inject.fault, lab: world.A}) : cli(args, env);
		default:
			return cli(args, env);
	}
}

async function hasUnfinishedRun(world: World): Promise<boolean> {
	const dir = world.first.mode === 'lab' ? labPaths(world.A).journal : join(world.stateHome, 'dsmn-resync');
	for (const name of await readdir(dir).catch(() => [] as string[])) {
		const text = await readFile(join(dir, name), 'utf8');
		if (text.startsWith('{"type":"run-started"') && !text.includes('"type":"run-ended"')) return true;
	}
	return false;
}

/** One follow-up action: its results (two for a second process), or none for a change of the world alone. */
type Outcome = {label: string; result: Result; aimedAt: 'A' | 'B'; sequential?: boolean};

async function act(world: World, action: Action): Promise<Outcome[]> {
	const env = envFor(world, world.A);
	switch (action) {
		case 'resume':
			return [{label: '--resume', result: await cli([...targetArgs(world, world.A), '--resume'], env), aimedAt: 'A'}];
		case 'rollback':
			return [{label: '--rollback', result: await cli([...targetArgs(world, world.A), '--rollback'], env), aimedAt: 'A'}];
		case 'retry':
			return [{label: 'a new run', result: await cli(newRunArgs(world, world.A), env), aimedAt: 'A'}];
		case 'clear':
			await setFault(world.A, undefined);
			return [];
		case 'other-rollback':
			return [
				{
					label: '--rollback on the other target',
					result: await cli([...targetArgs(world, world.B), '--rollback'], envFor(world, world.B)),
					aimedAt: 'B',
				},
			];
		case 'other-retry': {
			return [{label: 'a new run on the other target', result: await cli(newRunArgs(world, world.B), envFor(world, world.B)), aimedAt: 'B'}];
		}
		case 'second':
		case 'second-writer': {
			// The first process pauses (as in a long copy) before its next journal entry; the second starts then.
			const marker = join(world.root, 'paused');
			await rm(marker, {force: true});
			const firstArgs = (await hasUnfinishedRun(world)) ? [...targetArgs(world, world.A), '--resume'] : newRunArgs(world, world.A);
			// A second writer takes longer to reach its first step (validation, preflight): the first is held until it has finished.
			const release = join(world.root, 'released');
			await rm(release, {force: true});
			const holder = cli(
				firstArgs,
				env,
				action === 'second-writer'
					? {at: {type: 'step-started'}, pauseMs: 60_000, pausedFile: marker, releaseFile: release}
					: {at: {type: 'step-started'}, pauseMs: 3000, pausedFile: marker},
			);
			let finished = false;
			void holder.then(() => (finished = true));
			while (!finished && !(await stat(marker).catch(() => undefined))) await new Promise(r => setTimeout(r, 25));
			const firstLabel = `the first process (${firstArgs.includes('--resume') ? '--resume' : 'a new run'})`;
			if (finished) {
				// It ended before reaching a step (refused, or nothing to do): the second runs alone, after it.
				const first = await holder;
				return [
					{label: firstLabel, result: first, aimedAt: 'A', sequential: true},
					{label: '--rollback after it', result: await cli([...targetArgs(world, world.A), '--rollback'], env), aimedAt: 'A', sequential: true},
				];
			}
			if (action === 'second-writer') {
				const other = await cli(newRunArgs(world, world.A2), envFor(world, world.A2, {}, 'other'));
				await writeFile(release, '');
				return [
					{label: 'the second writer (a new run from another state folder, the target spelled another way)', result: other, aimedAt: 'A'},
					{label: firstLabel, result: await holder, aimedAt: 'A'},
				];
			}
			const second = await cli([...targetArgs(world, world.A), '--rollback'], env);
			return [
				{label: 'the second process (--rollback)', result: second, aimedAt: 'A'},
				{label: firstLabel, result: await holder, aimedAt: 'A'},
			];
		}
	}
}

// ─── The invariants ──────────────────────────────────────────────────────────────────────────────────────

/** SHA-256 of a file, remembered while its inode, size and times stay the same (the checks hash the same files often). */
const hashCache = new Map<string, string>();
async function fileHash(path: string): Promise<string> {
	const info = await stat(path, {bigint: true});
	const key = `${path}\0${info.ino}\0${info.size}\0${info.mtimeNs}\0${info.ctimeNs}`;
	const known = hashCache.get(key);
	if (known) return known;
	const hash = createHash('sha256')
		.update(await readFile(path))
		.digest('hex');
	if (hashCache.size > 200_000) hashCache.clear();
	hashCache.set(key, hash);
	return hash;
}

export async function hashes(dir: string, filter: (name: string) => boolean = () => true): Promise<Map<string, string>> {
	const out = new Map<string, string>();
	for (const entry of await readdir(dir, {withFileTypes: true}).catch(() => [])) {
		if (!entry.isFile() || !filter(entry.name)) continue;
		out.set(entry.name.toUpperCase(), await fileHash(join(dir, entry.name)));
	}
	return out;
}

/** Every file under a folder, by normalized path (run times taken out of names), with its SHA-256; lab.json by its service and fault. */
export async function treePrint(dir: string, skip: (rel: string) => boolean = () => false): Promise<string> {
	const lines: string[] = [];
	const walk = async (folder: string) => {
		for (const entry of (await readdir(folder, {withFileTypes: true}).catch(() => [])).sort((a, b) => a.name.localeCompare(b.name))) {
			const path = join(folder, entry.name);
			const rel = relative(dir, path).replace(/\d{8}-\d{6}(-\d+)?/g, 'T');
			if (skip(rel)) continue;
			if (entry.isSymbolicLink()) {
				lines.push(`${rel} (a link)`);
			} else if (entry.isDirectory()) {
				lines.push(`${rel}/`);
				await walk(path);
			} else if (entry.name === 'HOLDER.JSON') {
				// The writer lock by the run that holds it (its process and refresh times change with every take).
				const holder = JSON.parse(await readFile(path, 'utf8').catch(() => '{}')) as {runId?: string};
				lines.push(`${rel} ${String(holder.runId).replace(/\d{8}-\d{6}(-\d+)?/g, 'T')}`);
			} else if (rel === 'lab.json') {
				const state = JSON.parse(await readFile(path, 'utf8')) as {service: {state: string; lastError?: string}; fault?: string; servers: unknown};
				lines.push(`lab.json ${state.service.state} ${state.fault ?? ''} ${JSON.stringify(state.servers)}`);
			} else if (rel.endsWith('.jsonl')) {
				// A journal by what it says of the run: a failed attempt repeated (started, failed) is the same state.
				const entries: string[] = [];
				for (const l of (await readFile(path, 'utf8')).split('\n').filter(Boolean)) {
					let e: Record<string, unknown>;
					try {
						e = JSON.parse(l) as Record<string, unknown>;
					} catch {
						continue; // a line cut by a kill is ignored by the journal's reader too
					}
					if (e['type'] === 'step-failed' || e['type'] === 'interrupted') continue;
					const text = [e['type'], e['step'], e['outcome'], e['name'], e['from'], e['to']]
						.filter(Boolean)
						.map(v => String(v).replace(/\d{8}-\d{6}(-\d+)?/g, 'T'))
						.join(' ');
					if (entries.at(-1) !== text) entries.push(text);
				}
				lines.push(`${rel.replace(/[^/]*$/, 'journal')} ${entries.join(' | ')}`);
			} else {
				lines.push(`${rel} ${(await fileHash(path)).slice(0, 16)}`);
			}
		}
	};
	await walk(dir);
	return lines.join('\n');
}

/** The whole world's state, for pruning sequences that reach a state already explored. */
async function worldPrint(world: World): Promise<string> {
	return treePrint(world.root, rel => rel === 'bin' || rel.startsWith('bin/') || rel === 'paused' || rel === 'released');
}

/** How a folder differs from a set: the names missing, extra, or with other bytes. */
export function setDifference(now: Map<string, string>, expected: Map<string, string>, mayDiffer: Set<string>): string {
	const missing = [...expected.keys()].filter(n => !now.has(n));
	const extra = [...now.keys()].filter(n => !expected.has(n));
	const other = [...expected.keys()].filter(n => now.has(n) && now.get(n) !== expected.get(n) && !mayDiffer.has(n));
	return [
		missing.length ? `missing ${missing.join(', ')}` : '',
		extra.length ? `extra ${extra.join(', ')}` : '',
		other.length ? `other bytes in ${other.join(', ')}` : '',
	]
		.filter(Boolean)
		.join('; ');
}

export function sameSet(now: Map<string, string>, expected: Map<string, string>, mayDiffer: Set<string>): boolean {
	if (now.size !== expected.size) return false;
	for (const [name, hash] of expected) {
		if (!now.has(name)) return false;
		if (now.get(name) !== hash && !mayDiffer.has(name)) return false;
	}
	return true;
}

/** The journals of the runs on one target (in its lab, or in the shared state folder of real targets, by their first line). */
async function journalsOf(world: World, lab: string): Promise<string> {
	let text = '';
	for (const name of await readdir(labPaths(lab).journal).catch(() => [] as string[])) text += await readFile(join(labPaths(lab).journal, name), 'utf8');
	const shared = join(world.stateHome, 'dsmn-resync');
	for (const name of await readdir(shared).catch(() => [] as string[])) {
		if (!name.endsWith('.jsonl')) continue; // a defect report's folder, a lock's socket: not a journal
		const content = await readFile(join(shared, name), 'utf8');
		if (content.split('\n')[0]!.includes(`"${labPaths(lab).syncagnt}"`)) text += content;
	}
	return text;
}

/** One target's files, service and journals: what an action aimed elsewhere must not change. */
async function targetPrint(world: World, lab: string): Promise<string> {
	const journals = await journalsOf(world, lab);
	return `${await treePrint(lab)}\n${createHash('sha256').update(journals).digest('hex')}`;
}

const STEP_CLAIM = /^(?:✓|\[ok\]) (.+?): /;

type Before = {tree: string; prints: Record<'A' | 'B', string>; service: string};

/** The journals' entries (a line cut by a kill is skipped). */
export function entriesOf(journals: string): {type?: string; step?: string; outcome?: string}[] {
	return journals
		.split('\n')
		.filter(Boolean)
		.flatMap(line => {
			try {
				return [JSON.parse(line) as {type?: string; step?: string; outcome?: string}];
			} catch {
				return []; // a line cut by the kill
			}
		});
}

/** What must hold after an action; each broken rule as one sentence. */
async function check(
	world: World,
	label: string,
	result: Result,
	aimedAt: 'A' | 'B',
	before: Before,
	concurrent: boolean,
	whileAnotherRuns = false,
): Promise<string[]> {
	const problems: string[] = [];
	const target = world.targets[aimedAt];
	const otherName = aimedAt === 'A' ? 'B' : 'A';
	const paths = labPaths(target.lab);
	const system32 = join(paths.systemRoot, 'SYSTEM32');
	const now = await hashes(paths.syncagnt);
	const journals = await journalsOf(world, target.lab);
	// The lab's synchronization writes into MSSYNC.MDB and MSSYNC.LOG: once it has run, those bytes are DSMN's.
	const synchronized = entriesOf(journals).some(e => e.type === 'step-started' && (e.step === 'synchronize' || e.step?.startsWith('add-server:')));
	const mayDiffer = new Set(synchronized ? ['MSSYNC.MDB', 'MSSYNC.LOG'] : ['MSSYNC.LOG']);
	const originalMayDiffer = new Set(['MSSYNC.LOG', ...(world.first.flow === 'reconstruct' ? ['MSSYNC.MDB'] : [])]);
	const isOriginal = sameSet(now, target.originals, originalMayDiffer);
	const neither = () =>
		`against the original set: ${setDifference(now, target.originals, originalMayDiffer)}; against the backup set: ${setDifference(now, target.backupSet, mayDiffer)}`;
	const isBackup = world.first.flow === 'restore' && sameSet(now, target.backupSet, mayDiffer);
	const status = await labStatus(target.lab);
	const service = status.service.state;
	const lines = result.output.split('\n');
	const output = result.output;
	// The folders beside SYNCAGNT that hold files (the writer lock holds only its holder's name).
	const asides = (await readdir(system32)).filter(n => n !== 'SYNCAGNT' && !n.endsWith('.dsmn-resync-lock'));
	const command = result.exitCode !== NO_COMMAND;
	const where = aimedAt === 'A' ? '' : ' of the other target';

	// 1. SYNCAGNT is the original set or the backup set, or the exit is non-zero and the output names where every file is.
	if (world.first.flow === 'restore' && !isOriginal && !isBackup && command) {
		if (result.killed) {
			for (const [name, hash] of now) {
				if (name.endsWith('.DSMN-COPY') || name.startsWith('.DSMN-RESYNC-WRITE-TEST-') || mayDiffer.has(name)) continue;
				if (target.originals.get(name) !== hash && target.backupSet.get(name) !== hash)
					problems.push(`after the kill, SYNCAGNT${where} holds a ${name} that is neither the original nor the backup's`);
			}
		} else if (result.exitCode === 0) {
			problems.push(`exit 0, yet SYNCAGNT${where} is neither the original set nor the backup set (${neither()})`);
		} else {
			for (const folder of asides) {
				const held = await readdir(join(system32, folder)).catch(() => []);
				if (held.length > 0 && !output.includes(folder))
					problems.push(
						`exit ${result.exitCode} with SYNCAGNT${where} neither the original nor the backup set, but the output does not say that ${held.length} files are in ${folder} (${neither()})`,
					);
			}
		}
	}

	// 2. Every original byte exists somewhere: SYNCAGNT, the snapshot, a rolled-back folder.
	if (world.first.flow === 'restore') {
		const everywhere = new Set<string>();
		for (const folder of ['SYNCAGNT', ...asides]) for (const hash of (await hashes(join(system32, folder))).values()) everywhere.add(hash);
		for (const [name, hash] of target.originals)
			if (name !== 'MSSYNC.LOG' && !everywhere.has(hash))
				problems.push(`the original ${name}${where} is nowhere any more (not in SYNCAGNT, not in ${asides.join(', ') || 'any folder beside it'})`);
	}

	// 3. No ✓ that is not true.
	const claims = lines.map(l => STEP_CLAIM.exec(l)?.[1]).filter((c): c is string => Boolean(c));
	// "⚠ Done, but Event 8005" (the lab's log read after the plain synchronize) and "⚠ Done, but not known to be in
	// step" (a real server's, after a backup older than a day) claim what "✓ Done." does of SYNCAGNT and MSSYNC; Event
	// 8005 seen exits 1 (README, exit status).
	const done = lines.some(l => /^(?:✓|\[ok\]) Done\.|^(?:⚠|\[!\]) Done, but (?:not known to be in step|Event 8005)/.test(l));
	const event8005 = lines.some(l => /^(?:⚠|\[!\]) Done, but Event 8005/.test(l));
	if (done && !concurrent) {
		if (result.exitCode !== (event8005 ? 1 : 0)) problems.push(`"✓ Done" printed, but the exit code is ${result.exitCode}`);
		if (world.first.flow === 'restore' && !isBackup)
			problems.push(`"✓ Done" printed, but SYNCAGNT${where} is not the backup set (${setDifference(now, target.backupSet, mayDiffer)})`);
		if (service !== 'RUNNING') problems.push(`"✓ Done" printed, but MSSYNC${where} is ${service}`);
		if (world.first.flow === 'reconstruct') {
			const red = status.servers.filter(s => ['FS1', 'FS2'].includes(s.name) && !(s.synchronized && s.syncAgent));
			if (red.length) problems.push(`"✓ Done" printed, but ${red.map(s => s.name).join(', ')}${where} still show a red X`);
		}
	}
	if (claims.includes('Roll back') && !concurrent) {
		// A roll back puts SYNCAGNT back as the rolled-back run found it: the original set, or, when an
		// earlier restore on this target was completed (only an unfinished run is rolled back), the backup
		// set that run left.
		const restoredEarlier = world.first.flow === 'restore' && entriesOf(journals).some(e => e.type === 'run-ended' && e.outcome === 'completed');
		if (restoredEarlier ? !isBackup : !isOriginal)
			problems.push(
				restoredEarlier
					? `"✓ Roll back" printed after an earlier run was completed, but SYNCAGNT${where} is not the backup set it left (${setDifference(now, target.backupSet, mayDiffer)})`
					: `"✓ Roll back" printed, but SYNCAGNT${where} is not the original set (${setDifference(now, target.originals, originalMayDiffer)})`,
			);
		if (service !== target.serviceBefore)
			problems.push(`"✓ Roll back" printed, but MSSYNC${where} is ${service}; it was ${target.serviceBefore} before the run`);
	}
	if (world.first.flow === 'reconstruct' && lines.some(l => /^(?:✓|\[ok\]) MSSYNC answers: (?!RUNNING)/.test(l))) {
		problems.push('the preflight of a reconstruct passed MSSYNC as ready though it is not RUNNING (every step needs it running)');
	}
	if (lines.some(l => /nothing was changed/i.test(l)) && !concurrent) {
		const after = await treePrint(world.root, quiet);
		if (after !== before.tree) problems.push(`the output says "nothing was changed", but files changed: ${firstDifference(before.tree, after)}`);
	}

	// 4. Another target's files, service and journals are untouched.
	const otherNow = await targetPrint(world, world.targets[otherName].lab);
	if (otherNow !== before.prints[otherName]) {
		problems.push(
			`${otherName === 'B' ? 'the other target' : 'this target (A)'} changed though the action was aimed at ${aimedAt === 'A' ? 'A' : 'the other target'}: ${firstDifference(before.prints[otherName], otherNow)}`,
		);
	}

	// 5. MSSYNC left as this action found it, or the output says it is not (a process refused while another runs is not the one that changed it).
	if (!result.killed && command && !whileAnotherRuns && service !== before.service) {
		const says = lines.some(
			l => /MSSYNC/.test(l) && new RegExp(`${service}|not running|not start|did not|would not|could not|stopped|started and then stopped`, 'i').test(l),
		);
		if (!says) problems.push(`MSSYNC${where} is ${service} (it was ${before.service} when this began) and the output does not say so`);
	}

	// Every bindery still reads (a reconstruct rewrites them).
	if (world.first.flow === 'reconstruct') {
		for (const server of await readdir(paths.netware))
			await readBindery(paths.serverSystem(server)).catch(e => problems.push(`${server}'s bindery${where} does not read: ${(e as Error).message}`));
	}
	return problems.map(p => `${label} (exit ${result.killed ? 'SIGKILL' : result.exitCode}): ${p}`);
}

/** What the "nothing was changed" rule leaves out: journals, the lab's state file, our own markers, passwords files. */
const quiet = (rel: string) =>
	rel.startsWith('state') ||
	rel.includes('journal') ||
	rel.endsWith('lab.json') ||
	rel === 'paused' ||
	rel === 'released' ||
	rel.startsWith('passwords') ||
	rel.startsWith('bin');

function firstDifference(a: string, b: string): string {
	const x = a.split('\n');
	const y = b.split('\n');
	for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return `${x[i] ?? '(nothing)'} → ${y[i] ?? '(nothing)'}`;
	return 'no difference';
}

/** One process per target: a second one started while the first holds it is refused before it changes anything. */
/** Every journal of runs on A, from both desks (A's own journal folder, both state folders), spelled either way. */
async function journalsOfA(world: World): Promise<{path: string; entries: {type?: string; at?: string; runId?: string; syncagnt?: string}[]}[]> {
	const found = [];
	for (const dir of [labPaths(world.A).journal, join(world.stateHome, 'dsmn-resync'), join(world.stateHome2, 'dsmn-resync')]) {
		for (const name of await readdir(dir).catch(() => [] as string[])) {
			if (!name.endsWith('.jsonl')) continue;
			const entries = entriesOf(await readFile(join(dir, name), 'utf8')) as {type?: string; at?: string; runId?: string; syncagnt?: string}[];
			const syncagnt = entries[0]?.syncagnt ?? '';
			if (syncagnt.includes('/labs/A/') || syncagnt.includes('/labs/A-again/')) found.push({path: join(dir, name), entries});
		}
	}
	return found;
}

/** Never two runs that both changed SYNCAGNT at once: a run's changes begin only after any other run that changed it has ended. */
async function checkOneWriter(world: World): Promise<string[]> {
	const runs = (await journalsOfA(world))
		.map(j => ({
			path: j.path,
			first: j.entries.find(e => e.type === 'move' || e.type === 'copied')?.at,
			end: j.entries.find(e => e.type === 'run-ended')?.at,
		}))
		.filter((r): r is {path: string; first: string; end: string | undefined} => r.first !== undefined);
	return overlappingWriters(runs);
}

/** The pairs of runs (journal path, first change, end) whose changes to SYNCAGNT overlap in time. */
export function overlappingWriters(runs: {path: string; first: string; end: string | undefined}[]): string[] {
	const problems: string[] = [];
	for (const a of runs)
		for (const b of runs)
			if (a !== b && a.first <= b.first && (a.end === undefined || b.first < a.end))
				problems.push(
					`two runs changed SYNCAGNT at once: ${b.path} began changing it at ${b.first}, while ${a.path} (changing it since ${a.first}) had ${a.end ? `not yet ended (it ended at ${a.end})` : 'not ended'}`,
				);
	return problems;
}

function checkSecond(results: {label: string; result: Result}[]): string[] {
	const [second] = results;
	if (!second) return [];
	const problems: string[] = [];
	const stepClaims = second.result.output.split('\n').filter(l => /^(?:✓|\[ok\]) (Roll back|Stop MSSYNC|Move|Copy|Start MSSYNC|Synchronize|Done)/.test(l));
	if (second.result.exitCode === 0 || stepClaims.length > 0) {
		problems.push(
			`${second.label} (exit ${second.result.exitCode}): started while the first process held the target, it was not refused (${stepClaims[0] ?? 'it ran'})`,
		);
	}
	return problems;
}

// ─── Running cases ───────────────────────────────────────────────────────────────────────────────────────

export type Report = {name: string; violations: string[]; transcript: string[]};

/** The first run, then each action; the invariants after every one. */
async function stepCase(world: World, action: Action | 'first', transcript: string[]): Promise<string[]> {
	const aimed: 'A' | 'B' = action === 'other-rollback' || action === 'other-retry' ? 'B' : 'A';
	const before: Before = {
		tree: await treePrint(world.root, quiet),
		prints: {A: await targetPrint(world, world.A), B: await targetPrint(world, world.B)},
		service: (await labStatus(world.targets[aimed].lab)).service.state,
	};
	const outcomes: Outcome[] = action === 'first' ? [{label: 'the first run', result: await firstRun(world), aimedAt: 'A'}] : await act(world, action);
	const violations: string[] = [];
	const concurrent = outcomes.length > 1 && !outcomes[0]!.sequential;
	for (const [index, {label, result, aimedAt}] of outcomes.entries()) {
		transcript.push(`── ${label}: exit ${result.killed ? 'SIGKILL' : result.exitCode}\n${result.output.trimEnd()}`);
		violations.push(...(await check(world, label, result, aimedAt, before, concurrent, concurrent && index === 0)));
	}
	if (action === 'clear') violations.push(...(await check(world, 'clearing the fault', {exitCode: NO_COMMAND, output: '', killed: false}, 'A', before, false)));
	if (concurrent) violations.push(...checkSecond(outcomes));
	violations.push(...(await checkOneWriter(world)));
	// An unexpected error is a defect, written to <state>/defects/ (cli/defect-report.ts): never expected of any action.
	for (const home of [world.stateHome, world.stateHome2]) {
		const defects = await readdir(join(home, 'dsmn-resync', 'defects')).catch(() => [] as string[]);
		for (const name of defects) {
			const text = await readFile(join(home, 'dsmn-resync', 'defects', name), 'utf8').catch(() => '');
			violations.push(`a defect was reported (${name}): ${text.slice(0, 1500)}`);
		}
	}
	return violations;
}

/** Runs one case from the start, in a fresh world. */
export async function runCase(c: Case): Promise<Report> {
	const world = await makeWorld(c.first);
	const transcript: string[] = [];
	const violations: string[] = [];
	try {
		for (const action of ['first' as const, ...c.actions]) {
			const found = await stepCase(world, action, transcript);
			violations.push(...found.map(v => `after ${action === 'first' ? 'the first run' : action}: ${v}`));
		}
	} finally {
		await rm(world.root, {recursive: true, force: true});
	}
	return {name: caseName(c), violations, transcript};
}

/** A sample of cases drawn from the model by a seed: every first state once at most, with 1–3 actions. */
export function sampleCases(seed: number, count: number): Case[] {
	const random = seededRandom(seed);
	const firsts = [...FIRST_STATES];
	const cases: Case[] = [];
	while (cases.length < count && firsts.length > 0) {
		const first = firsts.splice(random.int(0, firsts.length - 1), 1)[0]!;
		const length = random.int(1, 3);
		const actions: Action[] = [];
		for (let i = 0; i < length; i++) actions.push(random.pick(ACTION_IDS));
		cases.push({first, actions});
	}
	return cases;
}

/**
 * Every sequence of up to `depth` actions after one first state, breadth first (model-explore.ts), until
 * `until` (Date.now()): the world is saved and put back at the same path (journals hold absolute paths).
 */
export async function explore(
	first: FirstState,
	depth: number,
	onReport: (r: Report) => void,
	onAction: (name: string) => void = () => {},
	until = Infinity,
): Promise<Exploration> {
	const world = await makeWorld(first);
	const copy = (from: string, to: string) => cp(from, to, {recursive: true, preserveTimestamps: true, verbatimSymlinks: true});
	try {
		return await walkBreadthFirst<Action>({
			actions: ACTION_IDS,
			depth,
			until: Math.min(until, deadline()),
			name: path => caseName({first, actions: [...path]}),
			step: (action, transcript) => stepCase(world, action, transcript),
			print: () => worldPrint(world),
			save: dir => copy(world.root, dir),
			restore: async dir => {
				await rm(world.root, {recursive: true, force: true});
				await copy(dir, world.root);
			},
			onReport,
			onAction,
		});
	} finally {
		await rm(world.root, {recursive: true, force: true});
	}
}

/** MODEL_UNTIL as Date.now() (Infinity when not set). */
export function deadline(): number {
	const until = process.env['MODEL_UNTIL'];
	return until === undefined ? Infinity : Date.parse(until);
}

/** Runs `tasks` with at most `limit` at a time. */
export async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	await Promise.all(
		Array.from({length: Math.min(limit, items.length)}, async () => {
			for (let i = next++; i < items.length; i = next++) results[i] = await task(items[i]!);
		}),
	);
	return results;
}
