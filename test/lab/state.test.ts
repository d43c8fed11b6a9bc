/** The lab's state file (lab.json) as read and written: checked field by field, each problem naming its field. */
import {readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LabError} from '../../source/lab/lab-error.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {checkLabState, labPaths, loadLab, saveLab, type LabState} from '../../source/lab/state.js';
import {tempDir} from '../helpers/run-cli.js';

// One lab for the file (making one takes a while), its lab.json put back as made before each test.
let dir: string;
let asMade: string;
beforeAll(async () => {
	dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, backupAgeDays: 30, wontStart: true, netware: {FS2: '4.x'}, allow4x: true, nt: '3.51'});
	asMade = await readFile(labPaths(dir).state, 'utf8');
});
beforeEach(() => writeFile(labPaths(dir).state, asMade));

async function rawState(): Promise<Record<string, unknown>> {
	return JSON.parse(await readFile(labPaths(dir).state, 'utf8')) as Record<string, unknown>;
}

/** lab.json with one change made by hand, then read as the stand-in reads it. */
async function loadEdited(edit: (state: Record<string, unknown>) => void): Promise<unknown> {
	const state = await rawState();
	edit(state);
	await writeFile(labPaths(dir).state, JSON.stringify(state));
	return loadLab(dir).then(
		() => 'loaded',
		(error: unknown) => error,
	);
}

describe('the lab state file', () => {
	it('reads back what was written, every optional field included', async () => {
		const state = await loadLab(dir);
		const full: LabState = {
			...state,
			fault: 'gateway-stopped',
			service: {state: 'START_PENDING', pendingUntil: 5, lastError: '-1206', refusedAt: 4},
			events: [{id: 8005, source: 'MSSYNC', type: 'warning', at: '2026-12-06T10:00:00Z', text: 'position lost'}],
			changeLog: {...state.changeLog!, positionLost: true, sentTo: ['FS1']},
			role: 'bdc',
		};
		await saveLab(dir, full);
		expect(await loadLab(dir)).toEqual(full);
		expect(await rawState()).toEqual(full);
		expect(full.crashed).toBe(true);
		expect(full.servers.find(server => server.name === 'FS2')?.netware).toBe('4.x');
	});

	it('leaves out fields it does not know, as the state is saved', async () => {
		const state = await rawState();
		await writeFile(labPaths(dir).state, JSON.stringify({...state, extra: 1, service: {...(state['service'] as object), note: 'x'}}));
		const loaded = await loadLab(dir);
		expect(loaded).not.toHaveProperty('extra');
		expect(loaded.service).not.toHaveProperty('note');
		expect(loaded).toEqual(state);
	});

	it.each([
		[
			'a server without a name',
			(s: Record<string, unknown>) => ((s['servers'] as {name: unknown}[])[1]!.name = ''),
			/field servers\.1\.name: expected a non-empty string, received ""/,
		],
		[
			'a service state sc never reports',
			(s: Record<string, unknown>) => ((s['service'] as {state: unknown}).state = 'PAUSED'),
			/field service\.state: expected one of "STOPPED"\|"START_PENDING"/,
		],
		['a negative pace', (s: Record<string, unknown>) => (s['pace'] = -1), /field pace: expected a whole number of at least 0, received number -1/],
		['a fractional seed', (s: Record<string, unknown>) => (s['seed'] = 1.5), /field seed: expected a whole number, received number 1\.5/],
		['no servers', (s: Record<string, unknown>) => (s['servers'] = []), /field servers: expected a list of at least 1/],
		['an unknown fault', (s: Record<string, unknown>) => (s['fault'] = 'disk-on-fire'), /field fault: expected one of .*"start-refused"/],
		['another program’s file', (s: Record<string, unknown>) => (s['format'] = 'other'), /field format: expected one of "dsmn-resync-lab", received "other"/],
		['crashed set to false', (s: Record<string, unknown>) => (s['crashed'] = false), /field crashed: expected one of true, received boolean false/],
		[
			'an event from another source',
			(s: Record<string, unknown>) => (s['events'] = [{id: 1, source: 'NETLOGON', type: 'error', at: 'x', text: 'y'}]),
			/field events\.0\.source/,
		],
	])('refuses %s, naming the field, and says to create a new lab', async (_name, edit, message) => {
		const error = await loadEdited(edit);
		expect(error).toBeInstanceOf(LabError);
		expect((error as LabError).message).toMatch(/lab\.json does not look like a lab's state: /);
		expect((error as LabError).message).toMatch(message);
		expect((error as LabError).hint).toBe('create a new lab with: dsmn-resync lab create NEWDIR');
	});

	it('refuses a JSON value that is not an object at all', () => {
		expect(() => checkLabState([1])).toThrow(/field \(the whole file\): expected an object, received array/);
		expect(() => checkLabState(null)).toThrow(/received null/);
	});

	it('will not write a state that it would refuse to read', async () => {
		const state = await loadLab(dir);
		await expect(saveLab(dir, {...state, accounts: -3})).rejects.toThrow(/field accounts: expected a whole number of at least 0/);
		expect(await loadLab(dir)).toEqual(state);
	});
});
