/**
 * Loaded with `node --import` into the real CLI by the crash test (test/reliability/crash-harness.ts):
 * SIGKILLs the process just before its Nth journal entry is written, N from KILL_BEFORE_ENTRY. Every file
 * operation of a run is followed by a journal entry, so "before entry N" is exactly the window between an
 * operation and its journal line. The product holds no such hook (ARCHITECTURE.md, "Crash testing"): the
 * journal's entries are recognised from outside, by what is appended: one JSON line with a "type".
 */
import fsp from 'node:fs/promises';
import {syncBuiltinESMExports} from 'node:module';

const killBefore = Number(process.env.KILL_BEFORE_ENTRY ?? 0);
let entries = 0;
const realOpen = fsp.open;

if (killBefore > 0) {
	fsp.open = async function open(path, flags, mode) {
		const handle = await realOpen(path, flags, mode);
		const append = handle.appendFile.bind(handle);
		handle.appendFile = async (data, options) => {
			if (typeof data === 'string' && data.startsWith('{"type":') && ++entries === killBefore) process.kill(process.pid, 'SIGKILL');
			return append(data, options);
		};
		return handle;
	};
	syncBuiltinESMExports();
}
