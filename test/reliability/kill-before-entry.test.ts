/**
 * The crash test's kill before a journal entry is injected from outside by a preload
 * (test/helpers/kill-before-entry.mjs), not by a hook in the product (ARCHITECTURE.md, "Crash testing").
 * This checks the preload does kill exactly there, and that the product ignores the variable alone.
 */
import {spawn} from 'node:child_process';
import {readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {labCreate} from '../helpers/lab-in-process.js';
import {CLI, tempDir, userEnv} from '../helpers/run-cli.js';
import {labRestoreArgs} from '../helpers/scripted-args.js';

const PRELOAD = fileURLToPath(new URL('../helpers/kill-before-entry.mjs', import.meta.url));

function run(node: string[], args: string[], env: Record<string, string>): Promise<{code: number | null; signal: NodeJS.Signals | null}> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [...node, CLI, ...args], {env: userEnv(env), stdio: 'ignore'});
		child.on('exit', (code, signal) => resolve({code, signal}));
	});
}

async function journalLines(lab: string): Promise<string[]> {
	const [name] = await readdir(join(lab, 'journal'));
	return (await readFile(join(lab, 'journal', name!), 'utf8')).split('\n').filter(Boolean);
}

describe('the kill before a journal entry', () => {
	it('SIGKILLs the CLI just before its 3rd entry when preloaded: the journal holds 2', async () => {
		const lab = join(await tempDir(), 'lab');
		await labCreate(lab, '--pace', '0');
		const args = labRestoreArgs(lab);
		expect(await run(['--import', PRELOAD], args, {KILL_BEFORE_ENTRY: '3'})).toEqual({code: null, signal: 'SIGKILL'});
		expect(await journalLines(lab)).toHaveLength(2);
	});

	it('is no hook of the product: the old variable alone kills nothing', async () => {
		const lab = join(await tempDir(), 'lab');
		await labCreate(lab, '--pace', '0', '--servers', '1', '--accounts', '5');
		const args = labRestoreArgs(lab);
		expect(await run([], args, {DSMN_RESYNC_TEST_KILL_BEFORE_ENTRY: '3', KILL_BEFORE_ENTRY: '3'})).toEqual({code: 0, signal: null});
	});
});
