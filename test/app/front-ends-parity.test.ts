/**
 * The two front ends on one lab case say the same facts (ARCHITECTURE.md, "Use cases"): the refusal when
 * another dsmn-resync holds the server (`claimServer`), for a new run and for a run found unfinished, and
 * what a finished run did (`finishRun`). The scripted run is read as its --json events; the wizard as its
 * screens. Before, the wizard claimed the lock itself, and only for a new run: a resumed run met the lock as
 * a failed step after its confirmation; its summary counted the servers still red on its own.
 */
import {mkdir, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {Event} from '../../source/app/events.js';
import {main} from '../../source/cli/main.js';
import {parseCommandLine} from '../../source/cli/parse-args.js';
import {readJournal} from '../../source/journal/journal.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labPaths} from '../../source/lab/state.js';
import {labStatus} from '../../source/lab/status.js';
import {RestoreRun} from '../../source/procedure/restore-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {WizardController} from '../../source/wizard/controller.js';
import {tempDir} from '../helpers/run-cli.js';
import {recordingIo} from '../helpers/recording-io.js';

async function newLab(): Promise<string> {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0});
	return dir;
}

/** The server's writer lock held by a colleague's run that may still work (refreshed a second ago). */
async function holdServer(dir: string) {
	const lock = join(dirname(labPaths(dir).syncagnt), 'SYNCAGNT.dsmn-resync-lock');
	await mkdir(lock);
	const now = new Date(Date.now() - 1000).toISOString();
	const holder = {
		machine: 'DESK-B',
		user: 'colleague',
		pid: 4242,
		since: now,
		refreshed: now,
		runId: 'NTPDC-20261206-101500',
		journal: 'C:\\j.jsonl',
		what: 'a restore run',
	};
	await writeFile(join(lock, 'HOLDER.JSON'), JSON.stringify(holder));
	return holder;
}

/** A scripted run, in-process, as --json events. */
async function scripted(argv: string[]): Promise<{exit: number; events: Event[]}> {
	const {io, out} = recordingIo(process.env);
	const exit = await main([...argv, '--json'], io);
	const events = out()
		.split('\n')
		.filter(Boolean)
		.map(line => JSON.parse(line) as Event);
	return {exit, events};
}

function only<E extends Event['event']>(events: Event[], name: E): Extract<Event, {event: E}> {
	const found = events.filter((e): e is Extract<Event, {event: E}> => e.event === name);
	expect(found, name).toHaveLength(1);
	return found[0]!;
}

function wizardOn(dir: string): WizardController {
	const command = parseCommandLine(['--lab', dir]);
	if (command.kind !== 'wizard') throw new Error('not the wizard');
	return new WizardController(command.options, {progressIntervalMs: 0, seenMs: 0});
}

async function toPlan(controller: WizardController): Promise<void> {
	await controller.start();
	void controller.answers.inspect('continue');
	await controller.answers['ask-backup']('yes');
	await controller.dispatch({type: 'submit-text'});
	await controller.answers.validation('accept');
	await controller.answers.situation('normal');
	expect(controller.getState().screen.name).toBe('plan');
}

const restoreFlags = (dir: string) => ['--lab', dir, '--flow', 'restore', '--backup', join(dir, 'backup'), '--pdc', 'same', '--synchronize', 'normal', '--yes'];

describe('the wizard and the scripted run say the same facts', {timeout: 180_000}, () => {
	it('a new run refused by the server lock: the same holder and advice, nothing changed, the new run closed', async () => {
		const a = await newLab();
		const holder = await holdServer(a);
		const {exit, events} = await scripted(restoreFlags(a));
		expect(exit).toBe(1);
		const locked = only(events, 'server-locked');
		expect(locked.holder).toEqual(holder);
		expect(locked.gone).toBeNull();

		const b = await newLab();
		await holdServer(b);
		const wizard = wizardOn(b);
		await toPlan(wizard);
		await wizard.answers.plan('begin');
		const screen = wizard.getState().screen;
		expect(screen).toMatchObject({name: 'summary', ok: false, exit: 1});
		const lines = screen.name === 'summary' ? screen.lines.join('\n') : '';
		for (const fact of [holder.runId, holder.machine, holder.user, String(holder.pid), holder.journal]) expect(lines).toContain(fact);
		// The advice is the use case's, word for word, in both.
		expect(lines).toContain(locked.advice);
		for (const dir of [a, b]) {
			expect((await labStatus(dir)).service.state).toBe('RUNNING');
			const journals = await readJournals(dir);
			expect(journals.map(j => j.at(-1)?.type)).toEqual(['run-ended']);
			expect(journals[0]?.at(-1)).toMatchObject({outcome: 'nothing-changed'});
		}
		await wizard.dispose();
	});

	it('a run found unfinished, resumed while another run holds the server: refused before any confirmation, in both', async () => {
		const dirs = [await newLab(), await newLab()] as const;
		for (const dir of dirs) {
			await RestoreRun.begin(labTarget(dir), join(dir, 'backup'), {synchronize: 'normal'});
			await holdServer(dir);
		}
		const {exit, events} = await scripted(['--lab', dirs[0], '--resume']);
		expect(exit).toBe(1);
		const locked = only(events, 'server-locked');

		const wizard = wizardOn(dirs[1]);
		await wizard.start();
		expect(wizard.getState().screen.name).toBe('resume');
		await wizard.answers.resume('resume');
		const screen = wizard.getState().screen;
		// Before: the confirmation of "Stop MSSYNC", then that step failed on the lock.
		expect(screen).toMatchObject({name: 'summary', ok: false, exit: 1});
		const lines = screen.name === 'summary' ? screen.lines.join('\n') : '';
		expect(lines).toContain(locked.advice);
		expect(lines).toContain(locked.holder?.runId);
		for (const dir of dirs) {
			// Resumed, not closed: the run still waits in its journal, and nothing was done.
			const [journal] = await readJournals(dir);
			expect(journal?.map(e => e.type)).not.toContain('step-started');
			expect(journal?.map(e => e.type)).not.toContain('run-ended');
		}
		await wizard.dispose();
	});

	it('a finished restore: the same backup, SYNCAGNT, synchronize, servers still red (none) and places kept', async () => {
		const a = await newLab();
		const {exit, events} = await scripted(restoreFlags(a));
		expect(exit).toBe(0);
		const completed = only(events, 'completed');
		expect(completed.result).toEqual({flow: 'restore', backup: join(a, 'backup'), syncagnt: labPaths(a).syncagnt, synchronize: 'normal'});
		expect(completed.red).toEqual([]);

		const b = await newLab();
		const wizard = wizardOn(b);
		await toPlan(wizard);
		await wizard.answers.plan('begin');
		for (let i = 0; i < 10 && wizard.getState().screen.name === 'confirm'; i++) {
			const now = wizard.getState().screen;
			if (now.name === 'confirm' && now.word) {
				void wizard.dispatch({type: 'type-text', text: now.word});
				await wizard.dispatch({type: 'submit-text'});
			} else await wizard.dispatch({type: 'confirm'});
		}
		const screen = wizard.getState().screen;
		expect(screen).toMatchObject({name: 'summary', ok: true, exit: 0});
		const lines = screen.name === 'summary' ? screen.lines : [];
		// The same facts, each lab's own paths: what was restored, where, and where things are kept.
		const inB = (text: string) => text.split(a).join(b);
		expect(lines.join('\n')).toContain(inB(completed.result?.flow === 'restore' ? completed.result.backup : '?'));
		expect(lines.join('\n')).toContain(inB(completed.result?.flow === 'restore' ? completed.result.syncagnt : '?'));
		const kept = (completed.kept ?? []).map(inB).map(line => line.replace(/[\w-]+-\d{8}-\d{6}(-\d+)?/g, 'RUN'));
		expect(kept.length).toBeGreaterThan(0);
		expect(lines.map(line => line.replace(/[\w-]+-\d{8}-\d{6}(-\d+)?/g, 'RUN'))).toEqual(expect.arrayContaining(kept));
		expect((await labStatus(b)).servers.filter(s => !s.synchronized)).toEqual([]);
		await wizard.dispose();
	});
});

async function readJournals(dir: string) {
	const {readdir} = await import('node:fs/promises');
	const names = (await readdir(join(dir, 'journal'))).filter(name => name.endsWith('.jsonl'));
	return Promise.all(names.map(name => readJournal(join(dir, 'journal', name))));
}
