/**
 * Loaded with `node --import` into the real CLI by the model-based test (model-harness.ts): injects one
 * fault at a chosen point of a run, described by MODEL_INJECT (JSON). Nothing here changes what the CLI does
 * otherwise. The point is a journal entry about to be written (its type, and its step when given):
 *   {"at": {"type": "step-started", "step": "copy-backup"}, "kill": true}
 *       SIGKILL just before that entry is written (the window between an operation and its journal line);
 *   {"at": {...}, "labFault": "start-refused", "lab": "/tmp/…/lab"}
 *       stage a lab fault (as `lab fault` does) just before that entry: a failure that begins mid-run;
 *   {"at": {...}, "pauseMs": 3000, "pausedFile": "/tmp/…/paused"}
 *       hold the run there for a while (as a long copy does), saying so by creating pausedFile; with
 *       "releaseFile", until that file exists (pauseMs at most);
 *   {"copyFault": "ENOSPC" | "EIO", "file": "MSSYNC.MDB"}
 *       the disk fills while the copy writes that file, or reading it from the backup fails with EIO;
 *   {"at": {...}, "killSmbdChild": {"smbdPid": 1234, "killedFile": "/tmp/…/killed"}}
 *       once past that entry (and any pause), the next smbclient or net the run starts for its own work
 *       (not the writer lock's refresh) loses its connection: the smbd child that forks to serve it is
 *       SIGKILLed as soon as it appears, and killedFile says which command it served. The same command
 *       at the same point every time, whatever else the machine does (a case replays).
 * "at" may be a list of such points: the first entry matching any of them.
 * The journal's entries are recognised by what is appended: one JSON line with a "type".
 */
import childProcess from 'node:child_process';
import {existsSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import fsp from 'node:fs/promises';
import {syncBuiltinESMExports} from 'node:module';
import {join} from 'node:path';

const spec = JSON.parse(process.env.MODEL_INJECT ?? '{}');

function parse(line) {
	try {
		return JSON.parse(line);
	} catch {
		return {};
	}
}

/** spec.at is one point, or a list of points (the first entry matching any of them). */
function matches(entry) {
	if (!spec.at) return false;
	return [spec.at]
		.flat()
		.some(
			at =>
				entry.type === at.type &&
				(at.step === undefined || entry.step === at.step) &&
				(at.name === undefined || entry.name === at.name || String(entry.from ?? '').endsWith(`/${at.name}`)),
		);
}

let fired = false;
/** killSmbdChild: set once the point is passed; the next matching spawn disarms it. */
let armed = false;
let copyStarted = false;
async function beforeJournalLine(text) {
	if (typeof text !== 'string' || !text.startsWith('{"type":')) return;
	const entry = parse(text);
	if (entry.type === 'step-started' && entry.step === 'copy-backup') copyStarted = true;
	if (fired || !matches(entry)) return;
	fired = true;
	if (spec.pauseMs) {
		writeFileSync(spec.pausedFile, String(process.pid));
		// With releaseFile: held until that file exists (the second process has finished), pauseMs at most.
		const until = Date.now() + spec.pauseMs;
		do await new Promise(resolve => setTimeout(resolve, spec.releaseFile ? 20 : spec.pauseMs));
		while (spec.releaseFile && !existsSync(spec.releaseFile) && Date.now() < until);
	}
	if (spec.kill) process.kill(process.pid, 'SIGKILL');
	if (spec.killSmbdChild) armed = true;
	if (spec.labFault) {
		// What `lab fault DIR KIND` writes: the fault in the lab's state file, written atomically.
		const file = join(spec.lab, 'lab.json');
		const state = JSON.parse(readFileSync(file, 'utf8'));
		writeFileSync(`${file}.inject`, `${JSON.stringify({...state, fault: spec.labFault}, null, '\t')}\n`);
		renameSync(`${file}.inject`, file);
	}
}

const failure = code => Object.assign(new Error(`${code}: injected by the model test`), {code});
const realOpen = fsp.open;

fsp.open = async function open(path, flags, mode) {
	const handle = await realOpen(path, flags, mode);
	const name = String(path);
	{
		const append = handle.appendFile.bind(handle);
		handle.appendFile = async (data, options) => {
			await beforeJournalLine(data);
			return append(data, options);
		};
	}
	if (spec.copyFault === 'ENOSPC' && name.endsWith(`.${spec.file}.dsmn-copy`) && flags === 'w') {
		// Half of the first block goes to disk, then the volume is full.
		const write = handle.write.bind(handle);
		let full = false;
		handle.write = async (buffer, offset, length, position) => {
			if (full) throw failure('ENOSPC');
			full = true;
			return write(buffer, offset, Math.max(1, Math.floor(length / 2)), position);
		};
	}
	if (spec.copyFault === 'EIO' && copyStarted && name.endsWith(`/backup/${spec.file}`)) {
		// The backup read well when it was validated; reading it for the copy fails (the fault begins mid-run).
		handle.read = async () => {
			throw failure('EIO');
		};
	}
	return handle;
};
syncBuiltinESMExports();

/** The smbd processes the master has forked (one per connection), read from /proc without starting a process. */
function smbdChildren(pid) {
	try {
		return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
	} catch {
		return [];
	}
}

function isSmbd(pid) {
	try {
		return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'smbd';
	} catch {
		return false;
	}
}

/** The connection of this client dropped: its smbd child killed as soon as it is forked, while it sets up or serves. */
function dropConnectionOf(client, command) {
	const {smbdPid, killedFile} = spec.killSmbdChild;
	const before = new Set(smbdChildren(smbdPid));
	let done = false;
	const stop = () => {
		done = true;
		clearInterval(timer);
	};
	const timer = setInterval(() => {
		if (done) return;
		for (const pid of smbdChildren(smbdPid)) {
			if (before.has(pid) || !isSmbd(pid)) continue;
			try {
				process.kill(pid, 'SIGKILL');
				writeFileSync(killedFile, `${pid} ${command}\n`);
			} catch {
				continue; // it ended meanwhile
			}
			stop();
			return;
		}
	}, 1);
	client.once('exit', () => {
		if (!done) writeFileSync(killedFile, `none: ${command} ended before its smbd child was seen\n`);
		stop();
	});
}

const realSpawn = childProcess.spawn;
childProcess.spawn = function spawn(file, args, options) {
	const child = realSpawn.call(this, file, args, options);
	const argv = Array.isArray(args) ? args.map(String) : [];
	const command = `${String(file).split('/').at(-1)} ${argv.at(-1) ?? ''}`;
	if (armed && /(^|\/)(smbclient|net)$/.test(String(file)) && !argv.some(a => a.includes('dsmn-resync-lock'))) {
		armed = false;
		dropConnectionOf(child, command);
	}
	return child;
};
syncBuiltinESMExports();
