/**
 * The published schema of --json lines (schema/dsmn-resync-events.schema.json): every command that prints
 * JSON, on the paths an admin's script meets — a run to the end, a run that stops, a roll back, a refused
 * command line. runCli checks every --json line it sees against the schema; these tests make sure each
 * kind of line is seen, and that the check can fail.
 */
import {spawn} from 'node:child_process';
import {copyFile, mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {beginRestore} from '../../source/app/begin-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {schemaLines, schemaProblem} from '../helpers/json-lines.js';
import {labCreate} from '../helpers/lab-in-process.js';
import {CLI, runCli, tempDir, userEnv} from '../helpers/run-cli.js';
import {standinServer} from '../helpers/standin-server.js';
import {labRestoreArgs} from '../helpers/scripted-args.js';

/** A lab made in-process (test/helpers/lab-in-process.ts): these tests read the runs' --json lines, not lab create's. */
async function lab(...flags: string[]) {
	const dir = join(await tempDir(), 'lab');
	await labCreate(dir, '--pace', '0', ...flags);
	return dir;
}

const events = (stdout: string) => schemaLines(stdout).map(line => line['event']);

describe('the JSON lines schema', () => {
	it('refuses a line without "at", an unknown event, a field of the wrong type, a field it does not know', () => {
		expect(schemaProblem({event: 'completed', journal: 'j'})).toMatch(/at/);
		expect(schemaProblem({event: 'finished', at: '2026-11-29T10:00:00.000Z'})).toMatch(/not in the schema/);
		expect(schemaProblem({event: 'server-finished', at: '2026-11-29T10:00:00.000Z', server: 'FS1', done: 'all'})).toMatch(/done/);
		expect(schemaProblem({event: 'journal', at: '2026-11-29T10:00:00.000Z', path: 'j', type: 'x'})).toMatch(/additional/);
		expect(schemaProblem({event: 'journal', at: '2026-11-29T10:00:00.000Z', path: 'j'})).toBeUndefined();
	});

	it('lab sync --json: "event" and "at" like the runs, and a last line saying which servers stay red', async () => {
		const dir = await lab('--offline', 'FS1');
		const sync = await runCli(['lab', 'sync', dir, '--json']);
		expect(sync.exitCode).toBe(1);
		const lines = schemaLines(sync.stdout);
		expect(lines.some(l => l['event'] === 'server-failed' && l['server'] === 'FS1')).toBe(true);
		expect(lines.at(-1)).toMatchObject({event: 'sync-finished', failed: expect.arrayContaining(['FS1', 'FS2'])});
	});

	it('check --json and lab status --json: one line each, with "event" and "at"', async () => {
		const dir = await lab();
		expect(events((await runCli(['check', join(dir, 'backup'), '--json'])).stdout)).toEqual(['validation-report']);
		expect(events((await runCli(['lab', 'status', dir, '--json'])).stdout)).toEqual(['lab-status']);
	});

	it('a refused command line under --json is a JSON line too (exit 2), as well as the text on stderr', async () => {
		const refused = await runCli(['lab', 'status', '--json']);
		expect(refused.exitCode).toBe(2);
		expect(schemaLines(refused.stdout)).toEqual([expect.objectContaining({event: 'usage-error', message: 'lab status needs a folder'})]);
		expect(refused.stderr).toContain('lab status needs a folder');
		const wizard = await runCli(['--lab', 'nowhere', '--json']);
		expect(wizard.exitCode).toBe(2);
		expect(events(wizard.stdout)).toEqual(['usage-error']);
	});

	it('a run that stops on a red server, then --rollback: found-run says how it was left, rolled-back is the last line', async () => {
		const dir = await lab('--offline', 'FS3');
		const run = await runCli(labRestoreArgs(dir, '--json'));
		expect(run.exitCode).toBe(1);
		const lines = schemaLines(run.stdout);
		expect(lines.at(-1)).toMatchObject({event: 'stopped', step: 'synchronize'});
		for (const event of ['check', 'validated', 'journal', 'command', 'step-started', 'step-finished', 'server-finished', 'server-failed', 'step-failed']) {
			expect(lines.map(l => l['event'])).toContain(event);
		}

		const rollback = await runCli(['--lab', dir, '--rollback', '--json']);
		expect(rollback.exitCode).toBe(0);
		const back = schemaLines(rollback.stdout);
		expect(back[0]).toMatchObject({event: 'found-run', flow: 'restore', state: 'failed', backup: join(dir, 'backup'), next: 'synchronize', during: null});
		expect(back.at(-1)).toMatchObject({event: 'rolled-back', ok: true, journal: expect.any(String)});
	});

	it('a run to the end: its last line is "completed", with where things are kept', async () => {
		const dir = await lab();
		const run = await runCli(labRestoreArgs(dir, '--json'));
		expect(run.exitCode).toBe(0);
		const lines = schemaLines(run.stdout);
		expect(lines.at(-1)).toMatchObject({
			event: 'completed',
			kept: expect.arrayContaining([expect.stringContaining('The journal of this run')]),
		});
		// What a step reports while it runs, as the wizard's running screen shows it (app/run-step.ts).
		const names = lines.map(l => l['event']);
		expect(names).toEqual(expect.arrayContaining(['service-state', 'sync-plan', 'server-started', 'server-finished']));
		expect(names.indexOf('sync-plan')).toBeLessThan(names.indexOf('server-started'));
		expect(lines.find(l => l['event'] === 'step-started')).toMatchObject({index: 1, total: expect.any(Number), title: expect.any(String)});
	});

	it('MSSYNC that will not start again: step-failed, then stopped as the last line, which says where things are, that MSSYNC is stopped and how to bring it back (exit 1)', async () => {
		const dir = await lab();
		expect((await runCli(['lab', 'fault', dir, 'start-refused'])).exitCode).toBe(0);
		const run = await runCli(labRestoreArgs(dir, '--json'));
		expect(run.exitCode).toBe(1);
		const lines = schemaLines(run.stdout);
		expect(lines.map(l => l['event'])).toContain('step-failed');
		expect(lines.at(-1)).toMatchObject({
			event: 'stopped',
			step: 'start-service',
			rollback: true,
			kept: expect.arrayContaining([expect.stringContaining('The journal of this run')]),
			service: expect.stringMatching(/^MSSYNC is stopped \(it was running when this run began\).*--rollback/),
		});
	}, 120_000);

	it('a refused backup: error lines, then refused (exit 1)', async () => {
		const dir = await lab();
		const run = await runCli([
			'--lab',
			dir,
			'--flow',
			'restore',
			'--pdc',
			'same',
			'--synchronize',
			'normal',
			'--backup',
			join(dir, 'nothing-here'),
			'--yes',
			'--json',
		]);
		expect(run.exitCode).toBe(1);
		const lines = schemaLines(run.stdout);
		expect(lines.map(l => l['event'])).toContain('error');
		expect(lines.at(-1)).toMatchObject({event: 'refused', reason: 'invalid backup'});
	});

	it('a manual step on a real server: manual-step, instruction, waiting (exit 3); --resume says the run awaits the admin', async () => {
		const s = await standinServer();
		const first = await runCli(
			['--target', 'windows', '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', s.backup, '--select', 'FS1,FS2', '--yes', '--json'],
			{env: s.env},
		);
		expect(first.exitCode).toBe(3);
		const lines = schemaLines(first.stdout);
		expect(lines.map(l => l['event'])).toEqual(expect.arrayContaining(['manual-step', 'instruction']));
		expect(lines.at(-1)).toMatchObject({event: 'waiting'});
		const again = await runCli(['--target', 'windows', '--resume', '--json'], {env: s.env});
		expect(again.exitCode).toBe(0);
		expect(schemaLines(again.stdout)[0]).toMatchObject({event: 'found-run', state: 'awaiting-manual', next: 'synchronize'});
	});

	it('SIGTERM mid-run: progress, stopping, then interrupted as the last line (exit 130)', async () => {
		const slow = join(await tempDir(), 'lab');
		expect((await runCli(['lab', 'create', slow, '--pace', '40'])).exitCode).toBe(0);
		const child = spawn(
			process.execPath,
			[CLI, '--lab', slow, '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', join(slow, 'backup'), '--yes', '--json'],
			{
				env: userEnv(),
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let out = '';
		child.stdout.on('data', d => {
			out += String(d);
			if (out.includes('"event":"progress","server"') && !child.killed) child.kill('SIGTERM');
		});
		const code = await new Promise(resolve => child.on('exit', resolve));
		expect(code).toBe(130);
		const lines = schemaLines(out);
		expect(lines.map(l => l['event'])).toEqual(expect.arrayContaining(['progress', 'stopping']));
		expect(lines.at(-1)).toMatchObject({
			event: 'interrupted',
			journal: expect.any(String),
			kept: expect.arrayContaining([expect.stringContaining('The journal of this run')]),
		});
	});
});

describe('another target’s unfinished run', () => {
	it('is named as other-run (never touched) before the refusal of a --resume with nothing to resume here', async () => {
		const a = await lab();
		const b = await lab();
		// A's run, begun and left (as a run cut off); its journal in B's journal folder, as real servers share the state folder.
		const run = await beginRestore(labTarget(a), {backup: join(a, 'backup')});
		await mkdir(join(b, 'journal'), {recursive: true});
		await copyFile(run.journalPath, join(b, 'journal', 'A-20261201-101500.jsonl'));
		const refused = await runCli(['--lab', b, '--resume', '--json']);
		expect(refused.exitCode).toBe(2);
		const lines = schemaLines(refused.stdout);
		expect(lines.map(l => l['event'])).toEqual(['other-run', 'usage-error']);
		expect(lines[0]).toMatchObject({event: 'other-run', target: {kind: 'lab', location: a}});
	});
});

describe('the scripted text for a found run', () => {
	it('says how the run was left, when it began and what it restores — not "cut off" for a failed run', async () => {
		const dir = join(await tempDir(), 'lab');
		expect((await runCli(['lab', 'create', dir, '--pace', '0', '--offline', 'FS3'])).exitCode).toBe(0);
		expect((await runCli(labRestoreArgs(dir))).exitCode).toBe(1);
		const resumed = await runCli(['--lab', dir, '--resume']);
		expect(resumed.stdout).toMatch(
			/^Found the restore run begun \d{4}-\d\d-\d\d \d\d:\d\d: "Synchronize all servers" failed \(1 of 5 servers still shows a red X: FS3/m,
		);
		expect(resumed.stdout).toContain(`It restores ${join(dir, 'backup')}.`);
		expect(resumed.stdout).not.toMatch(/cut off/);
	});
});
